import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import { Reaction, type Post, type ReactionKind } from './discussions.entity.js';
import { ThreadActivityKind } from './discussions.inputs.js';
import { readablePost, requireReact } from './discussions.policy.js';
import { publishAfterCommit, threadTopic } from './discussions.topics.js';

/**
 * Reactions to posts: one of each kind per person, given or taken back. Their counts are read by
 * `reactionCounts` (discussions.reads.ts).
 */

export async function toggleReaction(
  context: Context,
  postId: string,
  reaction: ReactionKind,
): Promise<Post> {
  const { userId } = requireUser(context);
  const { post, thread, rights } = await readablePost(context, postId);
  requireReact(rights);
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
