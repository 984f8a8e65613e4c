import type { Context } from '../../platform/graphql/context.js';
import { Gathering } from '../../platform/pubsub/gathering.js';
import { together } from '../../platform/database/unit-of-work.js';
import { notFound } from '../../platform/graphql/errors.js';
import { shareAnswer, type SharedFields } from '../../platform/graphql/shared-answers.js';
import { Post, Thread, type ReactionKind } from './discussions.entity.js';
import type { SpaceActivityKind, ThreadActivityKind } from './discussions.inputs.js';
import {
  postLoader,
  reactionCounts,
  reactionCountsFrom,
  readableThread,
  spaceTopic,
  threadLoader,
  threadTopic,
  visibleBody,
  type SpaceEvent,
  type ThreadEvent,
} from './discussions.service.js';
import { primeSpaceRights, spaceLoader, spaceRights } from '../spaces/spaces.service.js';
import { userLoader } from '../accounts/accounts.service.js';

export interface LiveThreadEvent {
  kind: ThreadActivityKind;
  thread: Thread;
  postId: string | null;
  post: Post | null;
}

export interface LiveSpaceEvent {
  kind: SpaceActivityKind;
  thread: Thread | null;
  riskId: string | null;
  assessmentId: string | null;
  resourceId: string | null;
  versionId: string | null;
}

/** Forget what this socket's context loaded for the previous event: access may have changed. */
function freshLoaders(context: Context) {
  context.loaders.clear();
}

const userIdOf = (c: Context) => (c.viewer.kind === 'user' ? c.viewer.userId : '');

/** Which of these signed-in subscribers may read the thread, in one statement. */
async function threadReaders(users: Context[], threadId: string) {
  const rows = await users[0]!.db.read((em) =>
    em.execute<Array<{ user_id: string; can_write: boolean; role_rank: number }>>(
      'select user_id, can_write, role_rank from alany.thread_readers(?, ?::uuid[])',
      [threadId, `{${[...new Set(users.map(userIdOf))].join(',')}}`],
    ),
  );
  return new Map(rows.map((row) => [row.user_id, row]));
}

/**
 * People opening a thread together subscribe together: their first check is gathered too
 * (true: may read; false: NOT_FOUND; undefined: an API token, checked on its own).
 */
const threadSubscribers = new Gathering<string, Context, boolean | undefined>(
  async (threadId, contexts) => {
    const users = contexts.filter((c) => c.viewer.kind === 'user');
    const readers = users.length ? await threadReaders(users, threadId) : new Map();
    return contexts.map((c) =>
      c.viewer.kind === 'user' ? readers.has(c.viewer.userId) : undefined,
    );
  },
);

const fieldSet = (...names: string[]) => new Set(names);
/**
 * The fields of a thread event whose answer depends only on the event, the viewer's rights in
 * the space (write, moderate), whether the viewer wrote the post or the thread, and the
 * viewer's own reactions to the post: subscribers alike in these get one execution. Anything
 * else (unread counts, other posts, revisions, e-mail addresses) is executed per subscriber.
 */
const THREAD_SHARED_FIELDS: SharedFields = {
  ThreadActivity: fieldSet('kind', 'post', 'postId', 'thread'),
  Post: fieldSet(
    'author',
    'body',
    'bodyHtml',
    'createdAt',
    'deletedAt',
    'editedAt',
    'hiddenAt',
    'id',
    'reactions',
    'viewerCan',
  ),
  Thread: fieldSet(
    'author',
    'body',
    'bodyHtml',
    'createdAt',
    'id',
    'lastActivityAt',
    'locked',
    'pinned',
    'replyCount',
    'tags',
    'title',
    'updatedAt',
    'viewerCan',
  ),
  User: fieldSet('id', 'displayName', 'handle'),
  ReactionCount: fieldSet('reaction', 'count', 'viewerReacted'),
  PostViewerCan: fieldSet('edit', 'delete', 'react', 'moderate'),
  ThreadViewerCan: fieldSet('reply', 'update', 'delete', 'moderate'),
};

/** This subscriber is checked on its own (an API token: its rights depend on its scopes). */
const ALONE = Symbol('alone');
type Delivery = LiveThreadEvent | undefined | typeof ALONE;

/**
 * One thread event for every signed-in subscriber of this process at once: one statement says
 * which of them may still read the thread (and may write, and moderate), the thread, post,
 * author and reaction rows are read once, as one of those readers (row-level security on these
 * rows depends only on the space, which every one of them may read), and each subscriber's fresh
 * context is primed with its own rights and its own view of the reactions. Each subscriber's
 * answer is then executed from memory: the same rules (`visibleBody`, `viewerCan`) decide what
 * it sees, without a transaction of its own.
 */
const threadAudience = new Gathering<ThreadEvent, Context, Delivery>(async (event, contexts) => {
  const users = contexts.filter((c) => c.viewer.kind === 'user');
  const out: Delivery[] = contexts.map(() => ALONE);
  if (users.length === 0) return out;
  const readers = await threadReaders(users, event.threadId);
  const reader = users.find((c) => readers.has(userIdOf(c)));
  if (!reader) {
    contexts.forEach((c, i) => {
      if (c.viewer.kind === 'user') out[i] = undefined;
    });
    return out;
  }
  // Read as a reader, with loaders of a context of its own (the subscribers' stay untouched).
  const as: Context = { ...reader, loaders: new Map() };
  const [thread, post, reactions] = await Promise.all([
    threadLoader(as).load(event.threadId),
    event.postId ? postLoader(as).load(event.postId) : null,
    event.postId
      ? as.db.read((em) =>
          em.execute<Array<{ kind: ReactionKind; user_id: string }>>(
            'select kind, user_id from reaction where post_id = ?',
            [event.postId],
          ),
        )
      : [],
  ]);
  if (!thread) return out;
  const authorIds = [...new Set([post?.authorId, thread.authorId])].filter(
    (id): id is string => !!id,
  );
  const [space, authors] = await Promise.all([
    spaceLoader(as).load(thread.spaceId),
    userLoader(as).loadMany(authorIds),
  ]);
  if (!space) return out;
  const classes = new Map<string, Promise<LiveThreadEvent>>();
  await Promise.all(
    contexts.map(async (context, i) => {
      if (context.viewer.kind !== 'user') return;
      const me = context.viewer.userId;
      const row = readers.get(me);
      if (!row) {
        out[i] = undefined;
        return;
      }
      const rights = { space, write: row.can_write, moderate: row.role_rank >= 2 };
      primeSpaceRights(context, rights);
      threadLoader(context).prime(thread.id, thread);
      spaceLoader(context).prime(space.id, space);
      const mine = reactions.filter((r) => r.user_id === me).map((r) => r.kind);
      if (post) {
        postLoader(context).prime(post.id, post);
        reactionCounts(context).prime(post.id, reactionCountsFrom(reactions, me));
      }
      for (const user of authors)
        if (user && !(user instanceof Error)) userLoader(context).prime(user.id, user);
      // Everything THREAD_SHARED_FIELDS may show depends on these and on the rows read above.
      const key = [
        rights.write,
        rights.moderate,
        post?.authorId === me,
        thread.authorId === me,
        mine.sort().join(','),
      ].join('|');
      let delivery = classes.get(key);
      if (!delivery) {
        delivery = (async () => {
          // Deleted posts, and hidden ones for those who may not see them, travel as an id only.
          const visible = post && (await visibleBody(context, post)) !== null ? post : null;
          const answer = { kind: event.kind, thread, postId: event.postId, post: visible };
          return shareAnswer(answer, THREAD_SHARED_FIELDS);
        })();
        classes.set(key, delivery);
      }
      out[i] = await delivery;
    }),
  );
  return out;
});

/**
 * A thread's live events for one subscriber. Access is checked when subscribing (NOT_FOUND as
 * for a query) and again for every event: someone removed from the organisation stops
 * receiving at once, and a hidden post reaches only those who may still see it.
 */
export async function* liveThreadEvents(
  context: Context,
  threadId: string,
): AsyncGenerator<LiveThreadEvent> {
  const allowed = await threadSubscribers.join(threadId, context);
  if (allowed === false) throw notFound('The thread');
  if (allowed === undefined) await readableThread(context, threadId);
  const events = context.pubsub.subscribe<ThreadEvent>(threadTopic(threadId));
  try {
    for await (const event of events) {
      freshLoaders(context);
      const shared = await threadAudience.join(event, context);
      if (shared !== ALONE) {
        if (!shared) return;
        yield shared;
        continue;
      }
      const alone = await together(context.db, async () => {
        const access = await readableThread(context, threadId).catch(() => undefined);
        if (!access) return undefined;
        const post = event.postId ? await postLoader(context).load(event.postId) : null;
        const visible = post && (await visibleBody(context, post)) !== null ? post : null;
        return { kind: event.kind, thread: access.thread, postId: event.postId, post: visible };
      });
      if (!alone) return;
      yield alone;
    }
  } finally {
    await events.return?.();
  }
}

export async function* liveSpaceEvents(
  context: Context,
  spaceId: string,
): AsyncGenerator<LiveSpaceEvent> {
  await spaceRights(context, spaceId);
  const events = context.pubsub.subscribe<SpaceEvent>(spaceTopic(spaceId));
  try {
    for await (const event of events) {
      freshLoaders(context);
      const seen = await together(context.db, async () => {
        const allowed = await spaceRights(context, spaceId).catch(() => undefined);
        if (!allowed) return undefined;
        const thread = event.threadId
          ? await readableThread(context, event.threadId).then(
              (access) => access.thread,
              () => null,
            )
          : null;
        return { thread };
      });
      if (!seen) return;
      const { thread } = seen;
      yield {
        kind: event.kind,
        thread,
        riskId: event.riskId ?? null,
        assessmentId: event.assessmentId ?? null,
        resourceId: event.resourceId ?? null,
        versionId: event.versionId ?? null,
      };
    }
  } finally {
    await events.return?.();
  }
}
