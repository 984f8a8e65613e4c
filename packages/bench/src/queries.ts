/**
 * The thread page. The web client has no thread page query yet (packages/web has none), so the
 * bench defines the one such a page needs: the thread, its first 50 posts oldest first, their
 * authors, reaction counts with the viewer's own, and the viewer's rights.
 */
export const ALANY_THREAD_PAGE = /* GraphQL */ `
  query ThreadPage($id: ID!, $first: Int!) {
    thread(id: $id) {
      id
      title
      body
      createdAt
      pinned
      locked
      replyCount
      author {
        id
        displayName
        handle
      }
      viewerCan {
        reply
        update
        delete
        moderate
      }
      posts(first: $first) {
        edges {
          cursor
          node {
            id
            body
            createdAt
            editedAt
            author {
              id
              displayName
              handle
            }
            reactions {
              reaction
              count
              viewerReacted
            }
            viewerCan {
              edit
              delete
              react
              moderate
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

/** The same page from PostGraphile v5 (Amber preset inflection, computed columns in bench_peer). */
export const PEER_THREAD_PAGE = /* GraphQL */ `
  query ThreadPage($id: UUID!, $first: Int!) {
    thread: threadByRowId(rowId: $id) {
      id: rowId
      title
      body
      createdAt
      pinned
      locked
      replyCount
      author: appUserByAuthorId {
        id: rowId
        displayName
        handle
      }
      viewerCan {
        reply
        update
        delete
        moderate
      }
      posts: postsByThreadId(first: $first, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        edges {
          cursor
          node {
            id: rowId
            body
            createdAt
            editedAt
            author: appUserByAuthorId {
              id: rowId
              displayName
              handle
            }
            reactions {
              nodes {
                reaction
                count
                viewerReacted
              }
            }
            viewerCan {
              edit
              delete
              react
              moderate
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export const ALANY_THREAD_LIST = /* GraphQL */ `
  query SpaceThreads($spaceId: ID!, $first: Int!) {
    threads(spaceId: $spaceId, first: $first) {
      edges {
        cursor
        node {
          id
          title
          pinned
          locked
          replyCount
          lastActivityAt
          unreadCount
          author {
            id
            displayName
            handle
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const THREAD_ACTIVITY = /* GraphQL */ `
  subscription ThreadActivity($threadId: ID!) {
    threadActivity(threadId: $threadId) {
      kind
      postId
      post {
        id
        body
        createdAt
        author {
          id
          displayName
          handle
        }
        reactions {
          reaction
          count
          viewerReacted
        }
      }
    }
  }
`;

export const CREATE_POST = /* GraphQL */ `
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      post {
        id
      }
    }
  }
`;

export const JOIN_EVENT = /* GraphQL */ `
  mutation JoinEvent($input: JoinEventInput!) {
    joinEvent(input: $input) {
      guestToken
      participant {
        id
      }
    }
  }
`;

export const UPVOTE = /* GraphQL */ `
  mutation Upvote($input: QuestionIdInput!) {
    upvoteQuestion(input: $input) {
      question {
        id
        upvoteCount
        viewerUpvoted
      }
    }
  }
`;

export const EVENT_UPDATED = /* GraphQL */ `
  subscription EventUpdated($eventId: ID!) {
    eventUpdated(eventId: $eventId) {
      kind
      questionId
      question {
        id
        upvoteCount
      }
    }
  }
`;

const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const userJson = (alias: string) =>
  `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'displayName', ${alias}.display_name, 'handle', ${alias}.handle) end`;

/**
 * The floor's one statement: the same JSON as Alany's answer, built by PostgreSQL under the same
 * row-level security ($1: thread id, $2: page size).
 */
export const THREAD_PAGE_SQL = `
with t as (select * from thread where id = $1 and deleted_at is null),
me as (select alany.viewer_user_id() as uid, alany.viewer_role_rank((select organisation_id from t)) as rank,
              (select space_id from t) = any (alany.writable_space_ids()) as write),
p as (
  select post.* from post, me
  where post.thread_id = $1 and (post.hidden_at is null or post.author_id = me.uid or me.rank >= 2)
  order by post.created_at, post.id limit $2 + 1
),
page as (
  select p.*, rtrim(translate(replace(encode(convert_to(${iso('p.created_at')} || '|' || p.id, 'UTF8'), 'base64'), E'\\n', ''), '+/', '-_'), '=') as cursor
  from p order by created_at, id limit $2
),
edges as (
  select json_agg(json_build_object(
    'cursor', page.cursor,
    'node', json_build_object(
      'id', page.id,
      'body', case when page.deleted_at is null and (page.hidden_at is null or page.author_id = me.uid or me.rank >= 2) then page.body end,
      'createdAt', ${iso('page.created_at')},
      'editedAt', ${iso('page.edited_at')},
      'author', ${userJson('a')},
      'reactions', (
        select json_agg(json_build_object('reaction', k.kind, 'count', coalesce(r.n, 0), 'viewerReacted', coalesce(r.mine, false)) order by k.i)
        from unnest(enum_range(null::reaction_kind)) with ordinality k(kind, i)
        left join (select kind, count(*) as n, bool_or(user_id = me.uid) as mine from reaction where post_id = page.id group by kind) r
          on r.kind = k.kind),
      'viewerCan', json_build_object(
        'edit', page.deleted_at is null and page.author_id = me.uid,
        'delete', page.deleted_at is null and (page.author_id = me.uid or me.rank >= 2),
        'react', page.deleted_at is null and me.write,
        'moderate', me.rank >= 2)
    )) order by page.created_at, page.id) as list,
    (array_agg(page.cursor order by page.created_at desc, page.id desc))[1] as last_cursor
  from page cross join me left join app_user a on a.id = page.author_id
)
select json_build_object(
  'id', t.id, 'title', t.title, 'body', t.body, 'createdAt', ${iso('t.created_at')},
  'pinned', t.pinned, 'locked', t.locked, 'replyCount', t.reply_count,
  'author', ${userJson('ta')},
  'viewerCan', json_build_object('reply', me.write and not t.locked,
    'update', t.author_id = me.uid or me.rank >= 2,
    'delete', me.rank >= 2 or (t.author_id = me.uid and t.created_at > now() - interval '1 hour'),
    'moderate', me.rank >= 2),
  'posts', json_build_object('edges', coalesce(edges.list, '[]'::json),
    'pageInfo', json_build_object('hasNextPage', (select count(*) from p) > $2, 'endCursor', edges.last_cursor))
)::text as page
from t cross join me cross join edges left join app_user ta on ta.id = t.author_id
`;
