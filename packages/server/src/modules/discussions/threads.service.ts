import type { EntityManager } from '@mikro-orm/postgresql';
import { cleanTags } from '../../platform/text/tags.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden } from '../../platform/graphql/errors.js';
import type { Connection, PageArgs } from '../../platform/graphql/pagination.js';
import { mentionedHandles } from '../../platform/text/markdown.js';
import { recordAudit } from '../audit/index.js';
import { primeSpaceAndReach, spaceRights, type SpaceRights } from '../spaces/index.js';
import { notifyMentioned } from '../notifications/index.js';
import { Thread } from './discussions.entity.js';
import {
  SpaceActivityKind,
  ThreadActivityKind,
  type CreateThreadInput,
  type ThreadFilter,
  type ThreadOrder,
  type UpdateThreadInput,
} from './discussions.inputs.js';
import {
  mayDeleteThread,
  mayModerateThread,
  mayUpdateThread,
  readableThread,
  requirePosting,
  requireStartThread,
} from './discussions.policy.js';
import { threadsPage } from './discussions.reads.js';
import { publishAfterCommit, spaceTopic, threadTopic } from './discussions.topics.js';

/** Threads: started, changed, pinned, locked and deleted, and a space's list of them. */

export async function createThread(context: Context, input: CreateThreadInput): Promise<Thread> {
  const userId = await requirePosting(context);
  const rights = await spaceRights(context, input.spaceId);
  requireStartThread(rights);
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

export function updateThread(context: Context, input: UpdateThreadInput): Promise<Thread> {
  return changeThread(
    context,
    input.id,
    (thread, rights) => mayUpdateThread(context, thread, rights),
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
    (_thread, rights) => mayModerateThread(rights),
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
    (_thread, rights) => mayModerateThread(rights),
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
    (thread, rights) => mayDeleteThread(context, thread, rights),
    (thread) => {
      thread.deletedAt = new Date();
    },
    'thread.deleted',
  );
  return id;
}

/** A space's threads, pinned ones first in every order; NOT_FOUND for a space the viewer may not read. */
export async function listThreads(
  context: Context,
  spaceId: string,
  filter: ThreadFilter | undefined,
  order: ThreadOrder,
  page: PageArgs,
  options: { unread: boolean } = { unread: false },
): Promise<Connection<Thread>> {
  await primeSpaceAndReach(context, spaceId);
  await spaceRights(context, spaceId);
  return threadsPage(context, spaceId, filter, order, page, options);
}
