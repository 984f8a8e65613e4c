import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { forbidden, notFound } from '../../platform/graphql/errors.js';
import { enforce, LIMITS } from '../../platform/auth/rate-limit.js';
import { spaceRights, type SpaceRights } from '../spaces/index.js';
import type { Post, Thread } from './discussions.entity.js';
import { postLoader, threadLoader } from './discussions.reads.js';

/*
 * Who may do what in a discussion. Reading follows the space (spaces.policy.ts); writing needs
 * the space's write right; moderating, its moderate right; authors keep a say over their own.
 */

/** How long the author may delete a thread they started (before others rely on it). */
export const DELETE_OWN_THREAD_WITHIN_MS = 60 * 60 * 1000;

export const viewerId = (context: Context) =>
  context.viewer.kind === 'user' ? context.viewer.userId : null;

/** Whether the viewer wrote it. */
export const isAuthor = (context: Context, authorId: string | null | undefined) =>
  !!authorId && authorId === viewerId(context);

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

/**
 * A post the viewer may read (hidden ones: its author and moderators only), with its thread and
 * the viewer's rights; NOT_FOUND otherwise.
 */
export async function readablePost(
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

/** A signed-in person within the posting rate limit (threads and replies); their id. */
export async function requirePosting(context: Context): Promise<string> {
  const { userId } = requireUser(context);
  await enforce(context.rateLimiter, LIMITS.post, `post:${userId}`);
  return userId;
}

/** Start threads in the space: members of the organisations with access. */
export function requireStartThread(rights: SpaceRights): void {
  if (!rights.write)
    throw forbidden('Only members of organisations with access can start threads here.');
}

/** Change a thread's title, text and tags: its author or a moderator. */
export const mayUpdateThread = (context: Context, thread: Thread, rights: SpaceRights) =>
  isAuthor(context, thread.authorId) || rights.moderate;

/** Pin, lock, hide and restore: moderators of the space's organisation. */
export const mayModerateThread = (rights: SpaceRights) => rights.moderate;

/** Delete a thread: its author within an hour of starting it, moderators any time. */
export const mayDeleteThread = (context: Context, thread: Thread, rights: SpaceRights) =>
  rights.moderate ||
  (isAuthor(context, thread.authorId) &&
    Date.now() - thread.createdAt.getTime() < DELETE_OWN_THREAD_WITHIN_MS);

/** Reply in a thread: those who may write in its space, while it is not locked. */
export const mayReplyInThread = (thread: Thread, rights: SpaceRights) =>
  rights.write && !thread.locked;

export function requireReply(rights: SpaceRights): void {
  if (!rights.write) throw forbidden('Only members of organisations with access can reply here.');
}

/** Edit a post: its author, while it is not deleted. */
export const mayEditPost = (context: Context, post: Post) =>
  !post.deletedAt && isAuthor(context, post.authorId);

export function requireEditPost(context: Context, post: Post): void {
  if (!isAuthor(context, post.authorId)) throw forbidden('Only the author can edit a post.');
}

/** Delete a post: its author or a moderator. */
export const mayDeletePost = (context: Context, post: Post, rights: SpaceRights) =>
  isAuthor(context, post.authorId) || rights.moderate;

export function requireDeletePost(context: Context, post: Post, rights: SpaceRights): void {
  if (!mayDeletePost(context, post, rights))
    throw forbidden('Only the author or a moderator can delete a post.');
}

/** React to a post: those who may write in its space. */
export const mayReact = (rights: SpaceRights) => rights.write;

export function requireReact(rights: SpaceRights): void {
  if (!mayReact(rights))
    throw forbidden('Only members of organisations with access can react here.');
}

export function requireModeratePost(rights: SpaceRights): void {
  if (!rights.moderate) throw forbidden('Only moderators can hide or restore posts.');
}

/** What the viewer may do with a thread (`Thread.viewerCan`). */
export async function threadViewerCan(context: Context, thread: Thread) {
  const rights = await spaceRights(context, thread.spaceId);
  return {
    reply: mayReplyInThread(thread, rights),
    update: mayUpdateThread(context, thread, rights),
    delete: mayDeleteThread(context, thread, rights),
    moderate: mayModerateThread(rights),
    // Reactions on the opening text follow the replies' rule (issue #26.10).
    react: rights.write,
  };
}

/** What the viewer may do with a post (`Post.viewerCan`); nothing but moderating a deleted one. */
export async function postViewerCan(context: Context, post: Post) {
  const rights = await spaceRights(context, post.spaceId);
  const alive = !post.deletedAt;
  return {
    edit: mayEditPost(context, post),
    delete: alive && mayDeletePost(context, post, rights),
    react: alive && mayReact(rights),
    moderate: rights.moderate,
  };
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
