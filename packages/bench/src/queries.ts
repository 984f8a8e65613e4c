import fs from 'node:fs';
import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import { here } from './util.js';

/** The web client's generated documents (graphql-codegen's client preset, committed). */
export const WEB_DOCUMENTS = path.resolve(here, '../../web/src/gql/graphql.ts');

/** One of the web client's documents (fragments included), by operation name, read at run time. */
export function webClientDocument(operation: string, file = WEB_DOCUMENTS): string {
  const match = new RegExp(
    `^export const ${operation}Document = (\\{.*\\}) as unknown as`,
    'm',
  ).exec(fs.readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file} has no ${operation}Document any more`);
  return print(JSON.parse(match[1]!) as DocumentNode);
}

/**
 * The thread page is measured with the web client's own `Thread` query and the fragments it
 * spreads, read from the client's generated documents at run time, so the bench always asks
 * what a member's browser asks: the thread (rendered text, tags, unread count, space and
 * organisation, the viewer's rights) and its first 50 posts (rendered text, author, the post
 * replied to, reaction counts with the viewer's own, revisions, the viewer's rights).
 */
export const webClientThreadPage = () => webClientDocument('Thread');

/** The thread page's live updates, as the web client subscribes to them (`PostFields` included). */
export const webClientThreadActivity = () => webClientDocument('ThreadActivity');

/**
 * The same page from PostGraphile v5 (Amber preset inflection), field for field in the web
 * client's order, with computed columns in bench_peer for what is not a column: the visible
 * texts, the unread count, reaction counts, revisions and the viewer's rights.
 */
export const PEER_THREAD_PAGE = /* GraphQL */ `
  query Thread($id: UUID!, $first: Int!) {
    thread: threadByRowId(rowId: $id) {
      id: rowId
      title
      bodyHtml
      createdAt
      lastActivityAt
      locked
      pinned
      tags
      replyCount
      unreadCount
      author: appUserByAuthorId {
        id: rowId
        displayName
        handle
      }
      space: spaceBySpaceId {
        id: rowId
        name
        organisation: organisationByOrganisationId {
          id: rowId
          slug
          name
        }
      }
      viewerCan {
        delete
        moderate
        reply
        update
      }
      posts: postsByThreadId(first: $first, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        edges {
          cursor
          node {
            ...PostFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }

  fragment PostFields on Post {
    id: rowId
    body: visibleBody
    bodyHtml: visibleBodyHtml
    createdAt
    editedAt
    deletedAt
    hiddenAt
    author: appUserByAuthorId {
      id: rowId
      displayName
      handle
    }
    replyTo: postByReplyToPostId {
      id: rowId
      bodyHtml: visibleBodyHtml
      deletedAt
      hiddenAt
      author: appUserByAuthorId {
        id: rowId
        displayName
      }
    }
    reactions {
      nodes {
        reaction
        count
        viewerReacted
      }
    }
    revisions
    viewerCan {
      edit
      delete
      moderate
      react
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

const visible = (alias: string, column: string) =>
  `case when ${alias}.deleted_at is null and (${alias}.hidden_at is null or ${alias}.author_id = me.uid or me.rank >= 2) then ${alias}.${column} end`;

/**
 * The floor's one statement: the same JSON as Alany's answer to the web client's query, built
 * by PostgreSQL under the same row-level security ($1: thread id, $2: page size).
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
      'body', ${visible('page', 'body')},
      'bodyHtml', ${visible('page', 'body_html')},
      'createdAt', ${iso('page.created_at')},
      'editedAt', ${iso('page.edited_at')},
      'deletedAt', ${iso('page.deleted_at')},
      'hiddenAt', ${iso('page.hidden_at')},
      'author', ${userJson('a')},
      'replyTo', case when rp.id is null then null else json_build_object(
        'id', rp.id, 'bodyHtml', ${visible('rp', 'body_html')},
        'deletedAt', ${iso('rp.deleted_at')}, 'hiddenAt', ${iso('rp.hidden_at')},
        'author', case when ra.id is null then null else json_build_object('id', ra.id, 'displayName', ra.display_name) end) end,
      'reactions', (
        select json_agg(json_build_object('reaction', k.kind, 'count', coalesce(r.n, 0), 'viewerReacted', coalesce(r.mine, false)) order by k.i)
        from unnest(enum_range(null::reaction_kind)) with ordinality k(kind, i)
        left join (select kind, count(*) as n, bool_or(user_id = me.uid) as mine from reaction where post_id = page.id group by kind) r
          on r.kind = k.kind),
      'revisions', case when me.rank >= 2 then coalesce((
        select json_agg(json_build_object('id', v.id, 'body', v.body, 'createdAt', ${iso('v.created_at')}) order by v.created_at)
        from post_revision v where v.post_id = page.id), '[]') end,
      'viewerCan', json_build_object(
        'edit', page.deleted_at is null and page.author_id = me.uid,
        'delete', page.deleted_at is null and (page.author_id = me.uid or me.rank >= 2),
        'moderate', me.rank >= 2,
        'react', page.deleted_at is null and me.write)
    )) order by page.created_at, page.id) as list,
    (array_agg(page.cursor order by page.created_at desc, page.id desc))[1] as last_cursor
  from page cross join me
  left join app_user a on a.id = page.author_id
  left join post rp on rp.id = page.reply_to_post_id
  left join app_user ra on ra.id = rp.author_id
)
select json_build_object(
  'id', t.id, 'title', t.title, 'bodyHtml', t.body_html, 'createdAt', ${iso('t.created_at')},
  'lastActivityAt', ${iso('t.last_activity_at')}, 'locked', t.locked, 'pinned', t.pinned,
  'tags', to_json(t.tags), 'replyCount', t.reply_count,
  'unreadCount', (select count(*) from post u where u.thread_id = t.id
    and u.created_at > coalesce((select r.last_read_at from thread_read r where r.thread_id = t.id and r.user_id = me.uid), '-infinity')
    and u.deleted_at is null and u.hidden_at is null and u.author_id is distinct from me.uid),
  'author', ${userJson('ta')},
  'space', json_build_object('id', s.id, 'name', s.name,
    'organisation', json_build_object('id', o.id, 'slug', o.slug, 'name', o.name)),
  'viewerCan', json_build_object(
    'delete', me.rank >= 2 or (t.author_id = me.uid and t.created_at > now() - interval '1 hour'),
    'moderate', me.rank >= 2,
    'reply', me.write and not t.locked,
    'update', t.author_id = me.uid or me.rank >= 2),
  'posts', json_build_object('edges', coalesce(edges.list, '[]'::json),
    'pageInfo', json_build_object('hasNextPage', (select count(*) from p) > $2, 'endCursor', edges.last_cursor))
)::text as page
from t cross join me cross join edges
left join app_user ta on ta.id = t.author_id
join space s on s.id = t.space_id
join organisation o on o.id = s.organisation_id
`;
