import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import type { Thread } from './discussions.entity.js';
import { readableThread } from './discussions.policy.js';

/**
 * What each person has read: the time they last read each thread. Unread counts (others'
 * replies since then) are read by `unreadCounts` and the thread pages (discussions.reads.ts).
 */

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
