import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { forbidden } from '../../platform/graphql/errors.js';
import type { ReactionKind, Thread } from './discussions.entity.js';
import { ThreadActivityKind } from './discussions.inputs.js';
import { readableThread } from './discussions.policy.js';
import { threadTopic, type ThreadEvent } from './discussions.topics.js';

/**
 * Reactions on a thread's opening text (issue #26.10), as replies have them: the same kinds, the
 * same rules (members of organisations that may write in the space; each takes back only their
 * own), kept in `thread_reaction`.
 */

export async function toggleThreadReaction(
  context: Context,
  threadId: string,
  reaction: ReactionKind,
): Promise<Thread> {
  const { userId } = requireUser(context);
  const { thread, rights } = await readableThread(context, threadId);
  if (!rights.write) throw forbidden('Only members of organisations with access can react here.');
  await context.db.write(async (em) => {
    const removed = await em.execute<Array<{ id: string }>>(
      `delete from thread_reaction where thread_id = ? and user_id = ? and kind = ? returning id`,
      [threadId, userId, reaction],
    );
    if (removed.length === 0) {
      await em.execute(
        `insert into thread_reaction (id, organisation_id, space_id, thread_id, user_id, kind, created_at)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, now()) on conflict do nothing`,
        [thread.organisationId, thread.spaceId, threadId, userId, reaction],
      );
    }
    const event: ThreadEvent = { kind: ThreadActivityKind.THREAD_UPDATED, threadId, postId: null };
    context.db.afterCommit(() => context.pubsub.publish(threadTopic(threadId), event));
  });
  context.loaders.forget('threadReactionCounts');
  return thread;
}

export { threadReactionCounts } from './thread-reactions.reads.js';
