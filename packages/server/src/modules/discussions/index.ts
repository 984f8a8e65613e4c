/**
 * The discussions feature as other features (and its own resolver) see it: threads, posts,
 * reactions, moderation and unread counts; who may do what in them; their reads and live topics.
 */
export {
  Post,
  PostFlag,
  PostRevision,
  Reaction,
  ReactionKind,
  Thread,
} from './discussions.entity.js';
export { SpaceActivityKind, ThreadActivityKind } from './discussions.inputs.js';
export {
  DELETE_OWN_THREAD_WITHIN_MS,
  isAuthor,
  mayDeletePost,
  mayDeleteThread,
  mayEditPost,
  mayModerateThread,
  mayReact,
  mayReplyInThread,
  mayUpdateThread,
  postViewerCan,
  readablePost,
  readableThread,
  threadViewerCan,
  viewerId,
  visibleBody,
  visibleBodyNow,
} from './discussions.policy.js';
export {
  postLoader,
  primeThreadPage,
  reactionCounts,
  reactionCountsFrom,
  threadLoader,
  unreadCounts,
  type PostsPageWanted,
} from './discussions.reads.js';
export {
  publishAfterCommit,
  spaceTopic,
  threadTopic,
  type SpaceEvent,
  type ThreadEvent,
} from './discussions.topics.js';
export {
  createThread,
  deleteThread,
  listThreads,
  lockThread,
  pinThread,
  updateThread,
} from './threads.service.js';
export { createPost, deletePost, editPost, listPosts } from './posts.service.js';
export { toggleReaction } from './reactions.service.js';
export { flagPost, moderationQueue, postRevisions, setPostHidden } from './moderation.service.js';
export { markThreadRead } from './unread.service.js';
