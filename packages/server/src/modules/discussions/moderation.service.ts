import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { enforce, LIMITS } from '../../platform/auth/rate-limit.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/index.js';
import { MemberRole, requireRole } from '../organisations/index.js';
import { PostFlag, PostRevision, type Post } from './discussions.entity.js';
import { ThreadActivityKind } from './discussions.inputs.js';
import {
  mayModerateThread,
  readablePost,
  readableThread,
  requireModeratePost,
} from './discussions.policy.js';
import { publishAfterCommit, threadTopic } from './discussions.topics.js';

/** Flags, the moderators' queue, hiding and restoring posts, and posts' earlier texts. */

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
  requireModeratePost(rights);
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
  if (!mayModerateThread(rights)) return null;
  return context.db.read((em) =>
    em.find(PostRevision, { postId: post.id }, { orderBy: { createdAt: 'asc' } }),
  );
}
