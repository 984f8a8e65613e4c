import type { Context } from '../../platform/graphql/context.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import { Gathering } from '../../platform/pubsub/gathering.js';
import { RequestCache } from '../../platform/graphql/loaders.js';
import { notFound } from '../../platform/graphql/errors.js';
import {
  sendSharedAnswer,
  shareAnswer,
  type DirectSubscriber,
  type SharedFields,
} from '../../platform/graphql/shared-answers.js';
import { executePrepared } from '../../platform/database/prepared.js';
import { preparedRun, sql } from '../../platform/database/sql-fragment.js';
import { Post, type ReactionKind, type Thread } from './discussions.entity.js';
import type { Space } from '../spaces/index.js';
import { type User, authorColumns, primeAuthors, userLoader } from '../accounts/index.js';
import {
  postLoader,
  reactionCounts,
  reactionCountsFrom,
  threadLoader,
} from './discussions.reads.js';
import { visibleBody } from './discussions.policy.js';
import { primeSpaceRights, spaceColumns, spaceFromRow, spaceLoader } from '../spaces/index.js';
import { threadTopic, type LiveThreadEvent, type ThreadEvent } from './discussions.topics.js';

/*
 * Answering a thread's live events for many subscribers at once: one statement says who may
 * still read, the rows are read once, and subscribers alike in rights, authorship and own
 * reactions share one execution (and, in a hall, one serialised frame).
 */

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
export const threadSubscribers = new Gathering<string, Context, boolean | undefined>(
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
 * the space (write, moderate), whether the viewer wrote the post, the post it replies to or the
 * thread, and the viewer's own reactions to the post: subscribers alike in these get one
 * execution. Anything else (unread counts, other posts, e-mail addresses) is executed per
 * subscriber. These are the fields of the web client's own subscription (`PostFields`).
 */
export const THREAD_SHARED_FIELDS: SharedFields = {
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
    'replyTo',
    'revisions',
    'viewerCan',
  ),
  PostRevision: fieldSet('id', 'body', 'createdAt'),
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
export const ALONE = Symbol('alone');
type Delivery = LiveThreadEvent | undefined | typeof ALONE;

type ReaderRow = { user_id: string; can_write: boolean; role_rank: number };
type ReactionRow = { kind: ReactionKind; user_id: string };

/** The rows an event changed, read once for all of its readers. */
interface EventRows {
  thread: Thread;
  post: Post | null;
  /** The post it replies to, when it does. */
  replyTo: Post | null;
  space: Space;
  authors: User[];
  reactions: ReactionRow[];
  /** Each reader's own reactions to the post, sorted. */
  mine: Map<string, string>;
}

/**
 * The thread, post, author and reaction rows, read as `reader` (row-level security on these
 * rows depends only on the space, which every reader may read), with loaders of a context of
 * its own (the subscribers' stay untouched). `undefined` when the thread or space is gone.
 */
async function readEventRows(reader: Context, event: ThreadEvent): Promise<EventRows | undefined> {
  const as: Context = { ...reader, loaders: new RequestCache() };
  const { threadId, postId } = event;
  // One round of statements, side by side: the post comes with its author and its reactions
  // (and the post it replies to, with its author), and the space is reached through the thread
  // rather than after it.
  const [thread, posted, space] = await Promise.all([
    threadLoader(as).load(threadId),
    postId
      ? as.db.read(async (em) => {
          const rows = await em.execute<Array<Record<string, unknown>>>(
            `select p.*, ${authorColumns('u')},
               (select coalesce(json_agg(json_build_object('kind', r.kind, 'user_id', r.user_id)), '[]')
                from reaction r where r.post_id = p.id) as "reactions__json"
             from post p left join app_user u on u.id = p.author_id
             where p.id = ? or p.id = (select q.reply_to_post_id from post q where q.id = ?)`,
            [postId, postId],
          );
          const row = rows.find((r) => r.id === postId);
          if (!row) return null;
          const reactions = row.reactions__json as ReactionRow[];
          for (const r of rows) delete r.reactions__json;
          primeAuthors(as, em, rows);
          const [posted, replied] = [row, rows.find((r) => r !== row)].map((r) =>
            r ? em.map(Post, r) : null,
          );
          return { post: posted!, replyTo: replied ?? null, reactions };
        })
      : null,
    as.db.read(async (em) => {
      const read = preparedRun(
        sql`select ${spaceColumns('s')} from thread t join space s on s.id = t.space_id where t.id = ${threadId}`,
      );
      const [row] = await executePrepared(em, read.statement, read.values);
      return row ? spaceFromRow(em, row) : null;
    }),
  ]);
  if (!thread || !space || space.id !== thread.spaceId) return undefined;
  const post = posted?.post ?? null;
  const replyTo = posted?.replyTo ?? null;
  const reactions = posted?.reactions ?? [];
  // The authors were brought along by the statements above: no statement of their own.
  const authors = await userLoader(as).loadMany(
    [...new Set([post?.authorId, replyTo?.authorId, thread.authorId])].filter(
      (id): id is string => !!id,
    ),
  );
  const kinds = new Map<string, string[]>();
  for (const reaction of reactions) {
    const list = kinds.get(reaction.user_id);
    if (list) list.push(reaction.kind);
    else kinds.set(reaction.user_id, [reaction.kind]);
  }
  const mine = new Map([...kinds].map(([user, list]) => [user, list.sort().join(',')]));
  const people = authors.filter((user): user is User => !!user && !(user instanceof Error));
  return { thread, post, replyTo, space, authors: people, reactions, mine };
}

/**
 * Subscribers with the same key get the same answer. Whoever wrote the post, the post it replies
 * to or the thread is a class of their own (their key names them: their answer shows what only
 * an author sees), answered with their own context. Everyone else is answered with a context
 * that has no identity (`classContext`), primed with the rights, reactions and rows the key
 * covers: the answer then depends only on what the key says, however deep the document goes
 * (`post { replyTo { replyTo { body } } }` shows a hidden post to moderators only, never to the
 * class because one of its members wrote it).
 */
function classKey(rows: EventRows, row: ReaderRow, me: string): string {
  const rights = `${row.can_write}|${row.role_rank >= 2}|${rows.mine.get(me) ?? ''}`;
  return wroteCoveredRow(rows, me) ? `author:${me}|${rights}` : `anyone|${rights}`;
}

/** Whether `me` wrote the post, the post it replies to or the thread. */
function wroteCoveredRow(rows: EventRows, me: string): boolean {
  return rows.post?.authorId === me || rows.replyTo?.authorId === me || rows.thread.authorId === me;
}

/**
 * The context one class's answer is executed with: a fresh copy of a member's (its database
 * session reads the thread's rows as a reader of the space, which every member is), primed with
 * the class's rights and reactions; without identity unless the class is one author alone.
 */
function classContext(base: Context, rows: EventRows, row: ReaderRow, me: string): Context {
  const as: Context = {
    ...base,
    viewer: wroteCoveredRow(rows, me) ? base.viewer : nobodyLike(base.viewer),
    loaders: new RequestCache(),
  };
  primeReader(as, rows, row, me);
  return as;
}

/**
 * A signed-in viewer who is nobody: it passes the subscription's `@SignedIn()` like every
 * member of the class, and is the author of nothing and has reacted to nothing.
 */
function nobodyLike(viewer: Viewer): Viewer {
  return {
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    sessionId: '',
    locale: viewer.kind === 'user' ? viewer.locale : 'en',
  };
}

/** Primes a context with this reader's rights and its own view of the rows. */
function primeReader(context: Context, rows: EventRows, row: ReaderRow, me: string): void {
  const { thread, post, space } = rows;
  primeSpaceRights(context, { space, write: row.can_write, moderate: row.role_rank >= 2 });
  threadLoader(context).prime(thread.id, thread);
  spaceLoader(context).prime(space.id, space);
  if (post) {
    postLoader(context).prime(post.id, post);
    reactionCounts(context).prime(post.id, reactionCountsFrom(rows.reactions, me));
  }
  if (rows.replyTo) postLoader(context).prime(rows.replyTo.id, rows.replyTo);
  for (const user of rows.authors) userLoader(context).prime(user.id, user);
}

/** The event as this (primed) reader sees it: deleted posts, and hidden ones for those who may not see them, travel as an id only. */
async function answerFor(context: Context, event: ThreadEvent, rows: EventRows) {
  const { post, thread } = rows;
  const visible = post && (await visibleBody(context, post)) !== null ? post : null;
  return { kind: event.kind, thread, postId: event.postId, post: visible };
}

/**
 * One thread event for every signed-in subscriber of this process at once (those whose frames
 * are not sent by a hall, below): one statement says which of them may still read the thread
 * (and may write, and moderate), the rows are read once, and each subscriber's fresh context is
 * primed with its own rights and its own view of the reactions. Each subscriber's answer is then
 * executed from memory: the same rules (`visibleBody`, `viewerCan`) decide what it sees, without
 * a transaction of its own.
 */
export const threadAudience = new Gathering<ThreadEvent, Context, Delivery>(
  async (event, contexts) => {
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
    const rows = await readEventRows(reader, event);
    if (!rows) return out;
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
        // Its own context answers documents outside the shared fields (executed per subscriber).
        primeReader(context, rows, row, me);
        const key = classKey(rows, row, me);
        let delivery = classes.get(key);
        if (!delivery) {
          const as = classContext(context, rows, row, me);
          delivery = answerFor(as, event, rows).then((answer) =>
            shareAnswer(answer, THREAD_SHARED_FIELDS, as),
          );
          classes.set(key, delivery);
        }
        out[i] = await delivery;
      }),
    );
    return out;
  },
);

/** A signed-in subscriber whose frames its thread's hall sends. */
interface HallMember {
  context: Context;
  userId: string;
  direct: DirectSubscriber;
  /** Ends the subscription (graphql-ws then sends `complete`). */
  end: () => void;
  /** Ends it with an error (graphql-ws sends `error`), so the client knows to subscribe again. */
  fail: (error: Error) => void;
}

/**
 * The signed-in subscribers of one thread in this process whose documents ask only for shared
 * fields: the hall listens to the thread's topic once for all of them and, for every event,
 * checks all of them with one statement, reads the rows once, executes the answer once per
 * class of subscriber (alike in rights, authorship and own reactions) and document, serialises
 * it once, and writes each member's frame (the same bytes but for its subscription id) straight
 * to its socket, without resuming anything per subscriber.
 */
interface Hall {
  /** By the subscriber each member's frames go to. */
  members: Map<DirectSubscriber, HallMember>;
  events: AsyncIterableIterator<ThreadEvent>;
}

class ThreadHalls {
  private readonly halls = new Map<string, Hall>();

  join(threadId: string, member: HallMember): void {
    let hall = this.halls.get(threadId);
    if (!hall) {
      hall = {
        members: new Map(),
        events: member.context.pubsub.subscribe<ThreadEvent>(threadTopic(threadId)),
      };
      this.halls.set(threadId, hall);
      void this.run(hall);
    }
    hall.members.set(member.direct, member);
  }

  leave(threadId: string, member: HallMember): void {
    const hall = this.halls.get(threadId);
    if (hall?.members.get(member.direct) !== member) return;
    hall.members.delete(member.direct);
    if (hall.members.size === 0) {
      this.halls.delete(threadId);
      void hall.events.return?.();
    }
  }

  private async run(hall: Hall) {
    for await (const event of hall.events) {
      const members = [...hall.members.values()];
      if (members.length === 0) continue;
      try {
        await this.deliver(event, members, (direct) => hall.members.has(direct));
      } catch (error) {
        members[0]!.context.logger.error({ err: error }, 'thread event not delivered');
        // Nobody silently misses an event: every member is told, and may subscribe again.
        const interrupted = new Error(
          'Live updates of this thread were interrupted. Subscribe again.',
        );
        for (const member of members) member.fail(interrupted);
      }
    }
  }

  private async deliver(
    event: ThreadEvent,
    members: HallMember[],
    present: (direct: DirectSubscriber) => boolean,
  ): Promise<void> {
    // The rows are read as the first member while the readers are checked, side by side; they
    // are used only if that member turns out to be a reader (else read again as one who is).
    const first = members[0]!;
    const [readers, early] = await Promise.all([
      threadReaders(
        members.map((m) => m.context),
        event.threadId,
      ),
      readEventRows(first.context, event),
    ]);
    const reader = readers.has(first.userId) ? first : members.find((m) => readers.has(m.userId));
    const rows =
      reader === first ? early : reader ? await readEventRows(reader.context, event) : undefined;
    const classes = new Map<string, { context: Context; row: ReaderRow; members: HallMember[] }>();
    for (const member of members) {
      const row = readers.get(member.userId);
      // No longer a reader (or the thread is gone): the subscription ends, nothing is sent.
      if (!row || !rows) {
        member.end();
        continue;
      }
      const key = classKey(rows, row, member.userId);
      const found = classes.get(key);
      if (found) found.members.push(member);
      else classes.set(key, { context: member.context, row, members: [member] });
    }
    if (!rows) return;
    await Promise.all(
      [...classes.values()].map(async (group) => {
        // One context of this class, primed with its rights and rows, answers for all of it.
        const as = classContext(group.context, rows, group.row, userIdOf(group.context));
        const answer = await answerFor(as, event, rows);
        await sendSharedAnswer(
          answer,
          as,
          group.members.map((m) => m.direct),
          present,
        );
      }),
    );
  }
}

const halls = new ThreadHalls();

/** A subscription whose frames the thread's hall sends: it yields nothing, and ends with access. */
export function hallSubscription(
  context: Context,
  userId: string,
  threadId: string,
  direct: DirectSubscriber,
): AsyncIterableIterator<LiveThreadEvent> {
  let member: HallMember | undefined;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    if (member) halls.leave(threadId, member);
    wake?.();
  };
  const fail = (error: Error) => {
    if (ended) return;
    failure = error;
    end();
  };
  const done = { value: undefined, done: true } as const;
  const iterator: AsyncIterableIterator<LiveThreadEvent> = {
    async next() {
      if (!member && !ended) {
        if (!(await threadSubscribers.join(threadId, context))) {
          end();
          throw notFound('The thread');
        }
        if (!ended) {
          member = { context, userId, direct, end, fail };
          halls.join(threadId, member);
        }
      }
      if (!ended) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      return done;
    },
    async return() {
      end();
      return done;
    },
    async throw(error?: unknown) {
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
