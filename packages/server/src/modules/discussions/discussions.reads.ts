import type { EntityManager } from '@mikro-orm/postgresql';
import { columnsOf, readOnlyEntity } from '../../platform/database/read-only.js';
import {
  executePrepared,
  executePreparedTogether,
  prepared,
  type PreparedRun,
  type PreparedValue,
} from '../../platform/database/prepared.js';
import { preparedRun, sql, SqlFragment } from '../../platform/database/sql-fragment.js';
import { primeThreadReactionCounts, THREAD_REACTIONS_SQL } from './thread-reactions.reads.js';
import type { Context } from '../../platform/graphql/context.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import {
  byKey,
  groupByKey,
  primeLoader,
  requestLoader,
  type RequestLoader,
} from '../../platform/graphql/loaders.js';
import {
  decodeCursor,
  MAX_PAGE,
  type Connection,
  type KeysetCursor,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { authorColumns, primeAuthors } from '../accounts/index.js';
import { organisationColumns, primeOrganisation } from '../organisations/index.js';
import {
  primeSpaceFromRow,
  primeSpaceReach,
  spaceColumns,
  spaceReachFragments,
} from '../spaces/index.js';
import { Post, ReactionKind, Thread } from './discussions.entity.js';
import { ThreadOrder, type ReactionCount, type ThreadFilter } from './discussions.inputs.js';

/*
 * The discussions' reads: request loaders and page reads. Their SQL stays here; the rows they
 * give are entities that are only shown (changes load their rows themselves), and a row another
 * feature's decoder reads (the space's, the reach's) is left as it is.
 */

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    threadById: RequestLoader<string, Thread>;
    postById: RequestLoader<string, Post>;
    reactionCounts: RequestLoader<string, ReactionCount[]>;
    unreadCounts: RequestLoader<string, number>;
  }
}

const REACTION_ORDER = Object.values(ReactionKind);
/** A user id nobody has: "the viewer's own" reactions when the viewer is nobody. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const viewerId = (context: Context) =>
  context.viewer.kind === 'user' ? context.viewer.userId : null;

/** Threads by id, each with its author in the same statement. */
export function threadLoader(context: Context) {
  return requestLoader(context, 'threadById', async (em, ids) => {
    const rows = await em.execute<Array<Record<string, unknown>>>(
      `select t.*, ${authorColumns('u')} from thread t left join app_user u on u.id = t.author_id
       where t.id = any(?::uuid[]) and t.deleted_at is null`,
      [`{${ids.join(',')}}`],
    );
    primeAuthors(context, em, rows);
    return byKey(
      ids,
      rows.map((row) => em.map(Thread, row)),
      (t) => t.id,
    );
  });
}

export function postLoader(context: Context) {
  return requestLoader(context, 'postById', async (em, ids) =>
    byKey(ids, await em.find(Post, { id: { $in: [...ids] } }), (p) => p.id),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** As `unreadCounts`: others' replies after the viewer's last read, neither deleted nor hidden. */
const UNREAD_COUNT_SQL = `(select count(*) from post p where p.thread_id = t.id
  and p.created_at > coalesce((select r.last_read_at from thread_read r where r.thread_id = t.id and r.user_id = ?), '-infinity')
  and p.deleted_at is null and p.hidden_at is null and p.author_id is distinct from ?)`;
const unreadCountOf = (me: string) => SqlFragment.of(UNREAD_COUNT_SQL, [me, me]);

/**
 * The `thread` query's read in one round trip: the thread with its author and its space, the
 * viewer's reach when it is not known yet, the viewer's unread count and the space's
 * organisation when the page asks for them, and beside it the page of posts the `posts` field
 * will ask for (see `takePostsReadAhead`). It only primes the request's loaders (`threadById`, users,
 * `spaceById`, `organisationById`, the reach, unread counts, reaction counts): `readableThread`
 * and the rules then decide from them exactly as for any other thread. The space's columns and
 * the reach come from the spaces feature as fragments, with its decoders.
 */
export async function primeThreadPage(
  context: Context,
  id: string,
  options: {
    unread: boolean;
    organisation: boolean;
    posts?: PostsPageWanted;
    reactions?: boolean;
  },
): Promise<void> {
  // Anything read before (or an id that is no uuid) goes the usual way.
  if (context.loaders.has('threadById') || !UUID.test(id)) return;
  const me = viewerId(context);
  const reach = spaceReachFragments(context);
  const unread = options.unread && me !== null;
  await context.db.read(async (em) => {
    const organisation = options.organisation
      ? {
          columns: SqlFragment.of(`, ${organisationColumns(em, 'o')}`),
          join: SqlFragment.of('left join organisation o on o.id = s.organisation_id'),
        }
      : { columns: SqlFragment.EMPTY, join: SqlFragment.EMPTY };
    const threadRead = preparedRun(
      sql`${reach ? sql`with ${reach.with} ` : SqlFragment.EMPTY}select ${SqlFragment.of(columnsOf(em, Thread, 't'))}, ${SqlFragment.of(authorColumns('u'))}, ${spaceColumns('s')}${reach ? sql`, ${reach.columns}` : SqlFragment.EMPTY}${unread ? sql`, ${unreadCountOf(me)} as unread__count` : SqlFragment.EMPTY}${options.reactions ? sql`, ${SqlFragment.of(THREAD_REACTIONS_SQL, [me ?? NOBODY])} as thread_reactions__json` : SqlFragment.EMPTY}${organisation.columns}
       from thread t left join app_user u on u.id = t.author_id left join space s on s.id = t.space_id ${organisation.join}
       where t.id = ${id} and t.deleted_at is null`,
    );
    // The page's posts in the same round trip, read as a moderator sees them (row-level
    // security still decides what the viewer may read; `listPosts` checks the rest).
    const ahead = options.posts && readablePage(options.posts);
    const postsRead =
      ahead &&
      postsPageRead(em, context, id, ahead, {
        reactions: ahead.reactions,
        withHidden: true,
      });
    const [rows = [], postRows] = await executePreparedTogether(
      em,
      postsRead ? [threadRead, postsRead] : [threadRead],
    );
    if (options.posts && postRows && rows[0]) {
      readAhead.set(context, {
        key: readAheadKey(id, options.posts, options.posts.reactions),
        posts: postsFromRows(context, em, postRows, options.posts.reactions),
      });
    }
    if (!rows[0]) {
      threadLoader(context).prime(id, null);
      return;
    }
    // The other features' decoders read their columns from this statement's own row.
    const row = rows[0];
    primeSpaceFromRow(context, em, row);
    if (reach) primeSpaceReach(context, row);
    if (unread) unreadCounts(context).prime(id, Number(row.unread__count));
    // The opening post's reaction counts came with the thread (issue #26.10).
    if (options.reactions) primeThreadReactionCounts(context, id, row.thread_reactions__json);
    // Organisations' decoder takes its columns out of the row it is given: a copy of its own.
    if (options.organisation) primeOrganisation(context, em, { ...row });
    // Accounts' decoder hands back rows without the author's columns (in `rows`).
    primeAuthors(context, em, rows);
    // A page's thread: read, never changed through this object (changes merge their own).
    threadLoader(context).prime(id, readOnlyEntity(em, Thread, rows[0]));
  });
}

function threadOrder(order: ThreadOrder): { field: 'lastActivityAt' | 'createdAt' | 'replyCount' } {
  switch (order) {
    case ThreadOrder.NEWEST:
      return { field: 'createdAt' };
    case ThreadOrder.MOST_REPLIES:
      return { field: 'replyCount' };
    default:
      return { field: 'lastActivityAt' };
  }
}

/** Thread cursors carry (pinned, sort value, id): pinned threads come first in every order. */
function encodeThreadCursor(pinned: boolean, value: Date | number, id: string): string {
  return Buffer.from(
    JSON.stringify([pinned, value instanceof Date ? value.toISOString() : value, id]),
  ).toString('base64url');
}

function decodeThreadCursor(raw: string | null | undefined, field: string) {
  if (!raw) return undefined;
  try {
    const [pinned, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [
      boolean,
      string | number,
      string,
    ];
    const sortValue = field === 'replyCount' ? Number(value) : new Date(String(value));
    if (typeof pinned !== 'boolean' || typeof id !== 'string' || Number.isNaN(Number(sortValue)))
      throw new Error();
    return { pinned, value: sortValue, id };
  } catch {
    throw BadUserInput.field('after', 'INVALID_CURSOR', 'The cursor is not valid.');
  }
}

const THREAD_SORT_COLUMN = {
  lastActivityAt: 'last_activity_at',
  createdAt: 'created_at',
  replyCount: 'reply_count',
} as const;

/**
 * A page of a space's threads, pinned ones first in every order, with their authors (and the
 * viewer's unread counts when asked) in one statement. The caller has checked the space.
 */
export async function threadsPage(
  context: Context,
  spaceId: string,
  filter: ThreadFilter | undefined,
  order: ThreadOrder,
  page: PageArgs,
  options: { unread: boolean },
): Promise<Connection<Thread>> {
  const { field } = threadOrder(order);
  const column = THREAD_SORT_COLUMN[field];
  const after = decodeThreadCursor(page.after, field);
  const me = viewerId(context);
  const unread = options.unread && me !== null;
  const where = ['t.space_id = ?', 't.deleted_at is null'];
  const params: PreparedValue[] = unread ? [me, me, spaceId] : [spaceId];
  if (filter?.tag) {
    where.push('t.tags @> array[?]::text[]');
    params.push(filter.tag.trim().toLowerCase());
  }
  if (filter?.authorId) {
    where.push('t.author_id = ?');
    params.push(filter.authorId);
  }
  if (after) {
    where.push(
      `(t.pinned < ? or (t.pinned = ? and t.${column} < ?) or (t.pinned = ? and t.${column} = ? and t.id < ?))`,
    );
    params.push(after.pinned, after.pinned, after.value, after.pinned, after.value, after.id);
  }
  // One statement for the page, its authors and (when asked) the viewer's unread counts.
  const rows = await context.db.read(async (em) => {
    const raw = await executePrepared(
      em,
      prepared(`select ${columnsOf(em, Thread, 't')}, ${authorColumns('u')}${unread ? `, ${UNREAD_COUNT_SQL} as unread__count` : ''}
       from thread t left join app_user u on u.id = t.author_id
       where ${where.join(' and ')}
       order by t.pinned desc, t.${column} desc, t.id desc limit ?`),
      [...params, page.first + 1],
    );
    primeAuthors(context, em, raw);
    const counts = unread ? unreadCounts(context) : undefined;
    return raw.map(({ unread__count: count, ...row }) => {
      const thread = em.map(Thread, row);
      counts?.prime(thread.id, Number(count));
      return thread;
    });
  });
  const slice = rows.slice(0, page.first);
  const edges = slice.map((node) => ({
    node,
    cursor: encodeThreadCursor(node.pinned, node[field], node.id),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** What the thread page's read brings with it: the page of posts its `posts` field will ask for. */
export interface PostsPageWanted {
  first: number;
  after: string | null;
  reactions: boolean;
}

/**
 * A page of a thread's posts with their authors (and reactions) as one prepared read, with the
 * hidden posts of others (what moderators see) or without them.
 */
function postsPageRead(
  em: EntityManager,
  context: Context,
  threadId: string,
  page: { first: number; after: KeysetCursor | undefined },
  options: { reactions: boolean; withHidden: boolean },
): PreparedRun {
  const me = viewerId(context);
  const where = ['p.thread_id = ?'];
  const params: PreparedValue[] = [threadId];
  // Hidden posts disappear for everyone but moderators and their own authors.
  if (!options.withHidden) {
    where.push(me ? '(p.hidden_at is null or p.author_id = ?)' : 'p.hidden_at is null');
    if (me) params.push(me);
  }
  if (page.after) {
    where.push('(p.created_at > ? or (p.created_at = ? and p.id > ?))');
    params.push(page.after.at, page.after.at, page.after.id);
  }
  // Reaction counts with the viewer's own, as `reactionCounts` reads them, when the page asks.
  const reactions = options.reactions
    ? `, (select coalesce(json_agg(json_build_object('kind', k.kind, 'count', k.count, 'mine', k.mine)), '[]')
         from (select kind, count(*) as count, coalesce(bool_or(user_id = ?), false) as mine
               from reaction r where r.post_id = p.id group by kind) k) as reactions__json`
    : '';
  // One statement for the page and its authors (and reactions), however many posts it has.
  return {
    statement:
      prepared(`select ${columnsOf(em, Post, 'p')}, ${authorColumns('u')}${reactions} from post p left join app_user u on u.id = p.author_id
       where ${where.join(' and ')} order by p.created_at asc, p.id asc limit ?`),
    values: [...(options.reactions ? [me ?? NOBODY] : []), ...params, page.first + 1],
  };
}

/** The posts of `postsPageRead`'s rows, their authors and reaction counts primed. */
function postsFromRows(
  context: Context,
  em: EntityManager,
  raw: Array<Record<string, unknown>>,
  reactions: boolean,
): Post[] {
  primeAuthors(context, em, raw);
  const counts = reactions ? reactionCounts(context) : undefined;
  return raw.map((row) => {
    // The mapper reads the post's own columns only: no copy of the row without this one.
    const given = row.reactions__json as
      Array<{ kind: ReactionKind; count: number; mine: boolean }> | undefined;
    // Shown, never changed through this object (changes load the post through postLoader).
    const post = readOnlyEntity(em, Post, row);
    if (counts)
      primeLoader(
        counts,
        post.id,
        REACTION_ORDER.map((kind) => {
          const found = given?.find((r) => r.kind === kind);
          return {
            reaction: kind,
            count: Number(found?.count ?? 0),
            viewerReacted: Boolean(found?.mine),
          };
        }),
      );
    return post;
  });
}

/** A page the `posts` field will accept (else it is not read ahead: the field says what is wrong). */
function readablePage(
  wanted: PostsPageWanted,
): { first: number; after: KeysetCursor | undefined; reactions: boolean } | undefined {
  if (!Number.isInteger(wanted.first) || wanted.first < 1 || wanted.first > MAX_PAGE) return;
  try {
    return { first: wanted.first, after: decodeCursor(wanted.after), reactions: wanted.reactions };
  } catch {
    return undefined;
  }
}

/** Pages of posts read with their thread, for the request's `posts` field to take. */
const readAhead = new WeakMap<Context, { key: string; posts: Post[] }>();
const readAheadKey = (
  threadId: string,
  page: { first: number; after?: string | null },
  reactions: boolean,
) => `${threadId}|${page.first}|${page.after ?? ''}|${reactions}`;

/**
 * The page of posts the thread page's read brought for this `posts` field, taken (once); read
 * with every hidden post, as a moderator sees it. Undefined when none was read for this page.
 */
export function takePostsReadAhead(
  context: Context,
  threadId: string,
  page: { first: number; after?: string | null },
  reactions: boolean,
): Post[] | undefined {
  const ahead = readAhead.get(context);
  if (ahead?.key !== readAheadKey(threadId, page, reactions)) return undefined;
  readAhead.delete(context);
  return ahead.posts;
}

/**
 * A page of a thread's posts with their authors (and reactions) in one statement, with the
 * hidden posts of others (what moderators see) or without them.
 */
export function postsPage(
  context: Context,
  threadId: string,
  page: { first: number; after: KeysetCursor | undefined },
  options: { reactions: boolean; withHidden: boolean },
): Promise<Post[]> {
  return context.db.read(async (em) => {
    const read = postsPageRead(em, context, threadId, page, options);
    return postsFromRows(
      context,
      em,
      await executePrepared(em, read.statement, read.values),
      options.reactions,
    );
  });
}

/** Counts per reaction and the viewer's own, for a page of posts in one statement. */
export function reactionCounts(context: Context) {
  return requestLoader(context, 'reactionCounts', async (em, postIds) => {
    const rows = await em.execute<
      Array<{ post_id: string; kind: ReactionKind; count: string; mine: boolean }>
    >(
      `select post_id, kind, count(*) as count, coalesce(bool_or(user_id = ?), false) as mine
       from reaction where post_id = any(?::uuid[]) group by post_id, kind`,
      [viewerId(context) ?? NOBODY, `{${postIds.join(',')}}`],
    );
    return groupByKey(postIds, rows, (row) => row.post_id).map((group) =>
      REACTION_ORDER.map((kind) => {
        const row = group.find((r) => r.kind === kind);
        return {
          reaction: kind,
          count: Number(row?.count ?? 0),
          viewerReacted: Boolean(row?.mine),
        };
      }),
    );
  });
}

/**
 * One post's counts as `viewer` sees them, from its reaction rows (kind and who): live delivery
 * reads the rows once for every subscriber.
 */
export function reactionCountsFrom(
  rows: ReadonlyArray<{ kind: ReactionKind; user_id: string }>,
  viewer: string | null,
): ReactionCount[] {
  return REACTION_ORDER.map((kind) => {
    let count = 0;
    let mine = false;
    for (const row of rows) {
      if (row.kind !== kind) continue;
      count += 1;
      if (row.user_id === viewer) mine = true;
    }
    return { reaction: kind, count, viewerReacted: mine };
  });
}

/** Unread replies per thread for the viewer, for a page of threads in one statement. */
export function unreadCounts(context: Context) {
  return requestLoader(context, 'unreadCounts', async (em, threadIds) => {
    const me = viewerId(context);
    if (!me) return threadIds.map(() => 0);
    const rows = await em.execute<Array<{ thread_id: string; unread: string }>>(
      `select t.id as thread_id, count(p.id) as unread
       from unnest(?::uuid[]) as t(id)
       left join thread_read r on r.thread_id = t.id and r.user_id = ?
       left join post p on p.thread_id = t.id and p.created_at > coalesce(r.last_read_at, '-infinity')
         and p.deleted_at is null and p.hidden_at is null and p.author_id is distinct from ?
       group by t.id`,
      [`{${threadIds.join(',')}}`, me, me],
    );
    return byKey(threadIds, rows, (row) => row.thread_id).map((row) => Number(row?.unread ?? 0));
  });
}
