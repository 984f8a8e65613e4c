import { requireUser } from '../../platform/graphql/authorization.js';
import type { Context } from '../../platform/graphql/context.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import {
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { mentionedHandles } from '../../platform/text/markdown.js';
import { recordAudit } from '../audit/index.js';
import { notifyMentioned } from '../notifications/index.js';
import { Post, PostRevision, type Thread } from './discussions.entity.js';
import {
  SpaceActivityKind,
  ThreadActivityKind,
  type CreatePostInput,
} from './discussions.inputs.js';
import {
  isAuthor,
  readablePost,
  readableThread,
  requireDeletePost,
  requireEditPost,
  requirePosting,
  requireReply,
  viewerId,
} from './discussions.policy.js';
import { postsPage, takePostsReadAhead } from './discussions.reads.js';
import { publishAfterCommit, spaceTopic, threadTopic } from './discussions.topics.js';

/** Replies: a thread's page of them, and writing, editing and deleting one. */

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
  const ahead = takePostsReadAhead(context, thread.id, page, options.reactions);
  if (ahead) {
    // Read with every hidden post: right for a moderator, and for anyone else when none of
    // them is someone else's (else the page is read again without them, to stay full).
    if (rights.moderate) return connection(ahead);
    const me = viewerId(context);
    if (ahead.every((post) => !post.hiddenAt || (me !== null && post.authorId === me)))
      return connection(ahead);
  }
  const posts = await postsPage(
    context,
    thread.id,
    { first: page.first, after },
    { reactions: options.reactions, withHidden: rights.moderate },
  );
  return connection(posts);
}

export async function createPost(context: Context, input: CreatePostInput): Promise<Post> {
  const userId = await requirePosting(context);
  const { thread, rights } = await readableThread(context, input.threadId);
  requireReply(rights);
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
  const userId = await requirePosting(context);
  const { post, thread } = await readablePost(context, id);
  requireEditPost(context, post);
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
  requireDeletePost(context, post, rights);
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
