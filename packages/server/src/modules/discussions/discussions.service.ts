import type { EntityManager } from '@mikro-orm/postgresql';
import { cleanTags } from '../../platform/text/tags.js';
import { columnsOf, readOnlyEntity } from '../../platform/database/read-only.js';
import {
  executePrepared,
  executePreparedTogether,
  prepared,
  type PreparedRun,
  type PreparedValue,
} from '../../platform/database/prepared.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { enforce, LIMITS } from '../../platform/auth/rate-limit.js';
import {
  byKey,
  groupByKey,
  primeLoader,
  requestLoader,
  type RequestLoader,
} from '../../platform/graphql/loaders.js';
import {
  afterCursor,
  decodeCursor,
  MAX_PAGE,
  toConnection,
  type Connection,
  type KeysetCursor,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { mentionedHandles } from '../../platform/text/markdown.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole } from '../organisations/organisations.entity.js';
import { requireRole } from '../organisations/organisations.policy.js';
import {
  SIGNED_IN_ACCESS_COLUMNS,
  SIGNED_IN_ACCESS_CTE,
  primeSignedInAccess,
  primeSpace,
  primeSpaceAndAccess,
  signedInAccessWanted,
  spaceColumns,
  spaceRights,
  type SpaceRights,
} from '../spaces/spaces.service.js';
import { notifyMentioned } from '../notifications/notifications.service.js';
import { authorColumns, primeAuthors } from '../accounts/accounts.service.js';
import { organisationColumns, primeOrganisation } from '../organisations/organisations.service.js';
import {
  Post,
  PostFlag,
  PostRevision,
  Reaction,
  ReactionKind,
  Thread,
} from './discussions.entity.js';
import {
  SpaceActivityKind,
  ThreadActivityKind,
  ThreadOrder,
  type CreatePostInput,
  type CreateThreadInput,
  type ReactionCount,
  type ThreadFilter,
  type UpdateThreadInput,
} from './discussions.inputs.js';

export const DELETE_OWN_THREAD_WITHIN_MS = 60 * 60 * 1000;

/** What live subscribers are told; they load what they may see themselves. */
export interface ThreadEvent {
  kind: ThreadActivityKind;
  threadId: string;
  postId: string | null;
}
export interface SpaceEvent {
  kind: SpaceActivityKind;
  spaceId: string;
  threadId?: string | null;
  riskId?: string | null;
  assessmentId?: string | null;
  resourceId?: string | null;
  versionId?: string | null;
}
export const threadTopic = (threadId: string) => `thread:${threadId}`;
export const spaceTopic = (spaceId: string) => `space:${spaceId}`;

function publishAfterCommit(context: Context, topic: string, event: ThreadEvent | SpaceEvent) {
  context.db.afterCommit(() => context.pubsub.publish(topic, event));
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    threadById: RequestLoader<string, Thread>;
  }
}

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `thread` query's read in one round trip: the thread with its author and its space, the
 * viewer's reach when it is not known yet, the viewer's unread count and the space's
 * organisation when the page asks for them, and beside it the page of posts the `posts` field
 * will ask for (see `listPosts`). It only primes the request's loaders (`threadById`, users,
 * `spaceById`, `organisationById`, the reach, unread counts, reaction counts): `readableThread`
 * and the rules then decide from them exactly as for any other thread.
 */
export async function primeThreadPage(
  context: Context,
  id: string,
  options: { unread: boolean; organisation: boolean; posts?: PostsPageWanted },
): Promise<void> {
  // Anything read before (or an id that is no uuid) goes the usual way.
  if (context.loaders.has('threadById') || !UUID.test(id)) return;
  const me = viewerId(context);
  const reach = signedInAccessWanted(context);
  const unread = options.unread && me !== null;
  const params: PreparedValue[] = [];
  const select = [authorColumns('u'), spaceColumns('s')];
  if (reach) {
    select.push(SIGNED_IN_ACCESS_COLUMNS);
    params.push(me);
  }
  if (unread) {
    select.push(`${UNREAD_COUNT_SQL} as unread__count`);
    params.push(me, me);
  }
  params.push(id);
  await context.db.read(async (em) => {
    const organisation = options.organisation
      ? {
          columns: `, ${organisationColumns(em, 'o')}`,
          join: 'left join organisation o on o.id = s.organisation_id',
        }
      : { columns: '', join: '' };
    const threadRead: PreparedRun = {
      statement:
        prepared(`${reach ? `with ${SIGNED_IN_ACCESS_CTE} ` : ''}select ${columnsOf(em, Thread, 't')}, ${select.join(', ')}${organisation.columns}
       from thread t left join app_user u on u.id = t.author_id left join space s on s.id = t.space_id ${organisation.join}
       where t.id = ? and t.deleted_at is null`),
      values: params,
    };
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
      postsReadAhead.set(context, {
        key: readAheadKey(id, options.posts, options.posts.reactions),
        posts: postsFromRows(context, em, postRows, options.posts.reactions),
      });
    }
    if (!rows[0]) {
      threadLoader(context).prime(id, null);
      return;
    }
    primeAuthors(context, em, rows);
    const row = rows[0];
    primeSpace(context, em, row);
    if (options.organisation) primeOrganisation(context, em, row);
    if (reach) primeSignedInAccess(context, row);
    if (unread) unreadCounts(context).prime(id, Number(row.unread__count));
    delete row.unread__count;
    // A page's thread: read, never changed through this object (changes merge their own).
    threadLoader(context).prime(id, readOnlyEntity(em, Thread, row));
  });
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    postById: RequestLoader<string, Post>;
  }
}

export function postLoader(context: Context) {
  return requestLoader(context, 'postById', async (em, ids) =>
    byKey(ids, await em.find(Post, { id: { $in: [...ids] } }), (p) => p.id),
  );
}

/** A thread the viewer may read, with the viewer's rights in its space; NOT_FOUND otherwise. */
export async function readableThread(
  context: Context,
  id: string,
): Promise<{ thread: Thread; rights: SpaceRights }> {
  const thread = await threadLoader(context).load(id);
  if (!thread) throw notFound('The thread');
  const rights = await spaceRights(context, thread.spaceId).catch(() => {
    throw notFound('The thread');
  });
  return { thread, rights };
}

async function readablePost(
  context: Context,
  id: string,
): Promise<{ post: Post; thread: Thread; rights: SpaceRights }> {
  const post = await postLoader(context).load(id);
  if (!post) throw notFound('The post');
  const { thread, rights } = await readableThread(context, post.threadId).catch(() => {
    throw notFound('The post');
  });
  if (post.hiddenAt && !rights.moderate && post.authorId !== viewerId(context))
    throw notFound('The post');
  return { post, thread, rights };
}

const REACTION_ORDER = Object.values(ReactionKind);
/** A user id nobody has: "the viewer's own" reactions when the viewer is nobody. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const viewerId = (context: Context) =>
  context.viewer.kind === 'user' ? context.viewer.userId : null;

async function postingAllowed(context: Context) {
  const { userId } = requireUser(context);
  await enforce(context.rateLimiter, LIMITS.post, `post:${userId}`);
  return userId;
}

export async function createThread(context: Context, input: CreateThreadInput): Promise<Thread> {
  const userId = await postingAllowed(context);
  const rights = await spaceRights(context, input.spaceId);
  if (!rights.write)
    throw forbidden('Only members of organisations with access can start threads here.');
  const title = input.title.normalize('NFC').trim();
  if (!title) throw BadUserInput.field('title', 'REQUIRED', 'Give the thread a title.');
  return context.db.write(async (em) => {
    const thread = em.create(Thread, {
      organisationId: rights.space.organisationId,
      spaceId: rights.space.id,
      authorId: userId,
      title,
      body: input.body,
      tags: cleanTags(input.tags),
    });
    await em.flush();
    await notifyMentioned(em, context, {
      handles: mentionedHandles(`${title}\n${input.body}`),
      space: rights.space,
      threadId: thread.id,
      postId: null,
    });
    publishAfterCommit(context, spaceTopic(thread.spaceId), {
      kind: SpaceActivityKind.THREAD_CREATED,
      spaceId: thread.spaceId,
      threadId: thread.id,
    });
    return thread;
  });
}

async function changeThread(
  context: Context,
  id: string,
  allowed: (thread: Thread, rights: SpaceRights) => boolean,
  change: (thread: Thread, em: EntityManager) => void | Promise<void>,
  audit?: string,
): Promise<Thread> {
  requireUser(context);
  const { thread, rights } = await readableThread(context, id);
  if (!allowed(thread, rights)) throw forbidden();
  return context.db.write(async (em) => {
    const managed = em.merge(thread);
    await change(managed, em);
    if (audit) {
      recordAudit(em, context, {
        organisationId: thread.organisationId,
        action: audit,
        targetType: 'Thread',
        targetId: thread.id,
      });
    }
    await em.flush();
    publishAfterCommit(context, threadTopic(thread.id), {
      kind: ThreadActivityKind.THREAD_UPDATED,
      threadId: thread.id,
      postId: null,
    });
    publishAfterCommit(context, spaceTopic(thread.spaceId), {
      kind: SpaceActivityKind.THREAD_UPDATED,
      spaceId: thread.spaceId,
      threadId: thread.id,
    });
    return managed;
  });
}

const isAuthor = (context: Context, authorId: string | null | undefined) =>
  !!authorId && authorId === viewerId(context);

export function updateThread(context: Context, input: UpdateThreadInput): Promise<Thread> {
  return changeThread(
    context,
    input.id,
    (thread, rights) => isAuthor(context, thread.authorId) || rights.moderate,
    (thread) => {
      if (input.title) thread.title = input.title.normalize('NFC').trim();
      if (input.body !== undefined && input.body !== null) thread.body = input.body;
      if (input.tags) thread.tags = cleanTags(input.tags);
    },
  );
}

export function pinThread(context: Context, id: string, pinned: boolean): Promise<Thread> {
  return changeThread(
    context,
    id,
    (_thread, rights) => rights.moderate,
    (thread) => {
      thread.pinned = pinned;
    },
    pinned ? 'thread.pinned' : 'thread.unpinned',
  );
}

export function lockThread(context: Context, id: string, locked: boolean): Promise<Thread> {
  return changeThread(
    context,
    id,
    (_thread, rights) => rights.moderate,
    (thread) => {
      thread.locked = locked;
    },
    locked ? 'thread.locked' : 'thread.unlocked',
  );
}

/** The author may delete within an hour of starting it (before others rely on it); moderators any time. */
export async function deleteThread(context: Context, id: string): Promise<string> {
  await changeThread(
    context,
    id,
    (thread, rights) =>
      rights.moderate ||
      (isAuthor(context, thread.authorId) &&
        Date.now() - thread.createdAt.getTime() < DELETE_OWN_THREAD_WITHIN_MS),
    (thread) => {
      thread.deletedAt = new Date();
    },
    'thread.deleted',
  );
  return id;
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

/** As `unreadCounts`: others' replies after the viewer's last read, neither deleted nor hidden. */
const UNREAD_COUNT_SQL = `(select count(*) from post p where p.thread_id = t.id
  and p.created_at > coalesce((select r.last_read_at from thread_read r where r.thread_id = t.id and r.user_id = ?), '-infinity')
  and p.deleted_at is null and p.hidden_at is null and p.author_id is distinct from ?)`;

export async function listThreads(
  context: Context,
  spaceId: string,
  filter: ThreadFilter | undefined,
  order: ThreadOrder,
  page: PageArgs,
  options: { unread: boolean } = { unread: false },
): Promise<Connection<Thread>> {
  await primeSpaceAndAccess(context, spaceId);
  await spaceRights(context, spaceId);
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
const postsReadAhead = new WeakMap<Context, { key: string; posts: Post[] }>();
const readAheadKey = (
  threadId: string,
  page: { first: number; after?: string | null },
  reactions: boolean,
) => `${threadId}|${page.first}|${page.after ?? ''}|${reactions}`;

export async function listPosts(
  context: Context,
  thread: Thread,
  page: PageArgs,
  options: { reactions: boolean } = { reactions: false },
): Promise<Connection<Post>> {
  const { rights } = await readableThread(context, thread.id);
  const after = decodeCursor(page.after);
  const connection = (posts: Post[]) =>
    toConnection(posts, page.first, (p) => ({ at: p.createdAt, id: p.id }), Boolean(after));
  const ahead = postsReadAhead.get(context);
  if (ahead?.key === readAheadKey(thread.id, page, options.reactions)) {
    postsReadAhead.delete(context);
    // Read with every hidden post: right for a moderator, and for anyone else when none of
    // them is someone else's (else the page is read again without them, to stay full).
    if (rights.moderate) return connection(ahead.posts);
    const me = viewerId(context);
    if (ahead.posts.every((post) => !post.hiddenAt || (me !== null && post.authorId === me)))
      return connection(ahead.posts);
  }
  const posts = await context.db.read(async (em) => {
    const read = postsPageRead(
      em,
      context,
      thread.id,
      { first: page.first, after },
      {
        reactions: options.reactions,
        withHidden: rights.moderate,
      },
    );
    return postsFromRows(
      context,
      em,
      await executePrepared(em, read.statement, read.values),
      options.reactions,
    );
  });
  return connection(posts);
}

export async function createPost(context: Context, input: CreatePostInput): Promise<Post> {
  const userId = await postingAllowed(context);
  const { thread, rights } = await readableThread(context, input.threadId);
  if (!rights.write) throw forbidden('Only members of organisations with access can reply here.');
  if (thread.locked)
    throw BadUserInput.field(
      'threadId',
      'THREAD_LOCKED',
      'This thread is locked: it takes no new replies.',
    );
  if (!input.body.trim()) throw BadUserInput.field('body', 'REQUIRED', 'Write something first.');
  return context.db.write(async (em) => {
    if (input.replyToPostId) {
      const target = await em.findOne(Post, { id: input.replyToPostId, threadId: thread.id });
      if (!target)
        throw BadUserInput.field(
          'replyToPostId',
          'NOT_IN_THREAD',
          'You can only reply to a post of this thread.',
        );
    }
    const post = em.create(Post, {
      organisationId: thread.organisationId,
      spaceId: thread.spaceId,
      threadId: thread.id,
      authorId: userId,
      replyToPostId: input.replyToPostId ?? null,
      body: input.body,
    });
    await em.flush();
    await notifyMentioned(em, context, {
      handles: mentionedHandles(input.body),
      space: rights.space,
      threadId: thread.id,
      postId: post.id,
    });
    publishAfterCommit(context, threadTopic(thread.id), {
      kind: ThreadActivityKind.POST_CREATED,
      threadId: thread.id,
      postId: post.id,
    });
    publishAfterCommit(context, spaceTopic(thread.spaceId), {
      kind: SpaceActivityKind.THREAD_UPDATED,
      spaceId: thread.spaceId,
      threadId: thread.id,
    });
    return post;
  });
}

export async function editPost(context: Context, id: string, body: string): Promise<Post> {
  const userId = await postingAllowed(context);
  const { post, thread } = await readablePost(context, id);
  if (post.authorId !== userId) throw forbidden('Only the author can edit a post.');
  if (post.deletedAt) throw BadUserInput.field('id', 'POST_DELETED', 'This post was deleted.');
  if (!body.trim()) throw BadUserInput.field('body', 'REQUIRED', 'Write something first.');
  return context.db.write(async (em) => {
    const managed = em.merge(post);
    em.create(PostRevision, {
      organisationId: post.organisationId,
      spaceId: post.spaceId,
      postId: post.id,
      body: post.body,
      editedBy: userId,
    });
    managed.body = body;
    managed.editedAt = new Date();
    await em.flush();
    publishAfterCommit(context, threadTopic(thread.id), {
      kind: ThreadActivityKind.POST_EDITED,
      threadId: thread.id,
      postId: post.id,
    });
    return managed;
  });
}

/** Soft: the post keeps its place in the thread, its text is gone. */
export async function deletePost(context: Context, id: string): Promise<Post> {
  requireUser(context);
  const { post, thread, rights } = await readablePost(context, id);
  if (!isAuthor(context, post.authorId) && !rights.moderate)
    throw forbidden('Only the author or a moderator can delete a post.');
  return context.db.write(async (em) => {
    const managed = em.merge(post);
    if (!managed.deletedAt) {
      managed.deletedAt = new Date();
      managed.body = '';
      if (!isAuthor(context, post.authorId)) {
        recordAudit(em, context, {
          organisationId: post.organisationId,
          action: 'post.deleted',
          targetType: 'Post',
          targetId: post.id,
        });
      }
      await em.flush();
      publishAfterCommit(context, threadTopic(thread.id), {
        kind: ThreadActivityKind.POST_DELETED,
        threadId: thread.id,
        postId: post.id,
      });
    }
    return managed;
  });
}

export async function toggleReaction(
  context: Context,
  postId: string,
  reaction: ReactionKind,
): Promise<Post> {
  const { userId } = requireUser(context);
  const { post, thread, rights } = await readablePost(context, postId);
  if (!rights.write) throw forbidden('Only members of organisations with access can react here.');
  if (post.deletedAt) throw BadUserInput.field('postId', 'POST_DELETED', 'This post was deleted.');
  await context.db.write(async (em) => {
    const removed = await em.nativeDelete(Reaction, { postId, userId, kind: reaction });
    if (removed === 0) {
      await em.execute(
        `insert into reaction (id, organisation_id, space_id, post_id, user_id, kind, created_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, now()) on conflict do nothing`,
        [post.organisationId, post.spaceId, postId, userId, reaction],
      );
    }
    publishAfterCommit(context, threadTopic(thread.id), {
      kind: ThreadActivityKind.REACTIONS_CHANGED,
      threadId: thread.id,
      postId,
    });
  });
  context.loaders.forget('reactionCounts');
  return post;
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    reactionCounts: RequestLoader<string, ReactionCount[]>;
  }
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

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    unreadCounts: RequestLoader<string, number>;
  }
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

export async function markThreadRead(context: Context, threadId: string): Promise<Thread> {
  const { userId } = requireUser(context);
  const { thread } = await readableThread(context, threadId);
  await context.db.write((em) =>
    em.execute(
      `insert into thread_read (id, organisation_id, space_id, thread_id, user_id, last_read_at)
       values (gen_random_uuid(), ?, ?, ?, ?, now())
       on conflict (thread_id, user_id) do update set last_read_at = excluded.last_read_at`,
      [thread.organisationId, thread.spaceId, thread.id, userId],
    ),
  );
  context.loaders.forget('unreadCounts');
  return thread;
}

export async function flagPost(
  context: Context,
  postId: string,
  reason: string,
): Promise<PostFlag> {
  const { userId } = requireUser(context);
  await enforce(context.rateLimiter, LIMITS.flag, `flag:${userId}`);
  const { post } = await readablePost(context, postId);
  return context.db.write(async (em) => {
    const existing = await em.findOne(PostFlag, { postId, flaggedBy: userId, resolvedAt: null });
    if (existing) return existing;
    const flag = em.create(PostFlag, {
      organisationId: post.organisationId,
      spaceId: post.spaceId,
      postId,
      flaggedBy: userId,
      reason: reason.trim(),
    });
    await em.flush();
    return flag;
  });
}

export async function moderationQueue(
  context: Context,
  organisationId: string,
  page: PageArgs,
): Promise<Connection<PostFlag>> {
  await requireRole(context, organisationId, MemberRole.MODERATOR);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      PostFlag,
      { organisationId, resolvedAt: null, ...afterCursor(after) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (f) => ({ at: f.createdAt, id: f.id }), Boolean(after));
}

export async function setPostHidden(
  context: Context,
  postId: string,
  hidden: boolean,
  reason: string,
): Promise<Post> {
  const { userId } = requireUser(context);
  const { post, thread, rights } = await readablePost(context, postId);
  if (!rights.moderate) throw forbidden('Only moderators can hide or restore posts.');
  return context.db.write(async (em) => {
    const managed = em.merge(post);
    managed.hiddenAt = hidden ? new Date() : null;
    managed.hiddenBy = hidden ? userId : null;
    managed.hiddenReason = hidden ? reason.trim() || null : null;
    await em.nativeUpdate(
      PostFlag,
      { postId, resolvedAt: null },
      { resolvedAt: new Date(), resolvedBy: userId, resolution: hidden ? 'HIDDEN' : 'RESTORED' },
    );
    recordAudit(em, context, {
      organisationId: post.organisationId,
      action: hidden ? 'post.hidden' : 'post.restored',
      targetType: 'Post',
      targetId: post.id,
      data: hidden ? { reason: reason.trim() } : {},
    });
    await em.flush();
    publishAfterCommit(context, threadTopic(thread.id), {
      kind: hidden ? ThreadActivityKind.POST_HIDDEN : ThreadActivityKind.POST_RESTORED,
      threadId: thread.id,
      postId,
    });
    return managed;
  });
}

export async function postRevisions(context: Context, post: Post): Promise<PostRevision[] | null> {
  const { rights } = await readableThread(context, post.threadId);
  if (!rights.moderate) return null;
  return context.db.read((em) =>
    em.find(PostRevision, { postId: post.id }, { orderBy: { createdAt: 'asc' } }),
  );
}

/** Whether the viewer sees a post's text: not when deleted; when hidden, only moderators and its author. */
export async function visibleBody(context: Context, post: Post): Promise<string | null> {
  const known = visibleBodyNow(context, post);
  if (known !== undefined) return known;
  const { rights } = await readableThread(context, post.threadId);
  return rights.moderate ? post.body : null;
}

/**
 * `visibleBody` when it needs no rights (deleted, not hidden, or the viewer's own post), so that
 * a page's bodies cost no promise each; undefined when the viewer's rights decide.
 */
export function visibleBodyNow(context: Context, post: Post): string | null | undefined {
  if (post.deletedAt) return null;
  if (!post.hiddenAt || isAuthor(context, post.authorId)) return post.body;
  return undefined;
}

export { isAuthor, viewerId };
