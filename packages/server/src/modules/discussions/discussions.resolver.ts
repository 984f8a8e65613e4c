import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import {
  getArgumentValues,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../../platform/graphql/context.js';
import { SignedIn, SignedInOrToken } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { User, userLoader } from '../accounts/index.js';
import { primedValue } from '../../platform/graphql/loaders.js';
import { readableSpace, Space } from '../spaces/index.js';
import { Post, PostFlag, PostRevision, Thread } from './discussions.entity.js';
import {
  CreatePostInput,
  CreateThreadInput,
  DeletedPayload,
  EditPostInput,
  FlagPostInput,
  HidePostInput,
  PostFlagPayload,
  PostIdInput,
  PostPayload,
  PostViewerCan,
  ReactionCount,
  SpaceActivity,
  ThreadActivity,
  ThreadActivityKind,
  ThreadFilter,
  ThreadFlagInput,
  ThreadIdInput,
  ThreadOrder,
  ThreadPayload,
  ThreadViewerCan,
  ToggleReactionInput,
  ToggleThreadReactionInput,
  UpdateThreadInput,
} from './discussions.inputs.js';
import * as discussions from './index.js';
import { liveThreadEvents, liveSpaceEvents } from './discussions.live.js';
import type { LiveSpaceEvent, LiveThreadEvent } from './discussions.topics.js';
import { threadReactionCounts, toggleThreadReaction } from './thread-reactions.js';

/**
 * Whether the field being resolved selects `path` (through fragments too): the page's statements
 * bring along only what the page asks for.
 */
/** The fields named `name` directly in `set`, through its fragments. */
function fieldsNamed(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  name: string,
): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return selection.name.value === name ? [selection] : [];
    const fragment =
      selection.kind === 'InlineFragment' ? selection : info.fragments[selection.name.value];
    return fieldsNamed(info, fragment?.selectionSet, name);
  });
}

/** Whether the field being resolved (or `nodes`) selects `path` below it. */
function selects(
  info: GraphQLResolveInfo,
  path: readonly string[],
  nodes: readonly FieldNode[] = info.fieldNodes,
): boolean {
  const [name, ...deeper] = path;
  const found = nodes.flatMap((node) => fieldsNamed(info, node.selectionSet, name!));
  return deeper.length === 0 ? found.length > 0 : found.length > 0 && selects(info, deeper, found);
}

/**
 * The page the thread's `posts` field will ask for, so that the thread's read can bring it in
 * the same round trip: when exactly one `posts` field asks, with arguments it can know now.
 */
function postsAsked(info: GraphQLResolveInfo): discussions.PostsPageWanted | undefined {
  const asked = info.fieldNodes.flatMap((node) => fieldsNamed(info, node.selectionSet, 'posts'));
  if (asked.length !== 1) return undefined;
  const field = (info.schema.getType('Thread') as GraphQLObjectType).getFields().posts;
  try {
    const args = getArgumentValues(field!, asked[0]!, info.variableValues) as Partial<PageArgs>;
    if (typeof args.first !== 'number') return undefined;
    return {
      first: args.first,
      after: args.after ?? null,
      reactions: selects(info, ['edges', 'node', 'reactions'], asked),
    };
  } catch {
    // Arguments the field itself will refuse, with its own error.
    return undefined;
  }
}

const ThreadConnection = ConnectionType(Thread, 'Thread');
const PostConnection = ConnectionType(Post, 'Post');
const PostFlagConnection = ConnectionType(PostFlag, 'PostFlag');

@Resolver(() => Thread)
export class ThreadResolver {
  @Query(() => Thread, { nullable: true, description: 'A thread the viewer may read, or null.' })
  @SignedInOrToken('READ')
  async thread(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Thread | null> {
    return discussions
      .primeThreadPage(context, id, {
        unread: selects(info, ['unreadCount']),
        organisation: selects(info, ['space', 'organisation']),
        posts: postsAsked(info),
        reactions: selects(info, ['reactions']),
      })
      .then(() => discussions.readableThread(context, id))
      .then(
        ({ thread }) => thread,
        () => null,
      );
  }

  @Query(() => ThreadConnection, {
    description: "A space's threads; pinned ones first in every order.",
  })
  @SignedInOrToken('READ')
  threads(
    @Arg('spaceId', () => ID) spaceId: string,
    @Arg('filter', () => ThreadFilter, { nullable: true }) filter: ThreadFilter | undefined,
    @Arg('orderBy', () => ThreadOrder, { defaultValue: ThreadOrder.LAST_ACTIVITY })
    orderBy: ThreadOrder,
    @Args() page: PageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return discussions.listThreads(context, spaceId, filter ?? undefined, orderBy, page, {
      unread: selects(info, ['edges', 'node', 'unreadCount']),
    });
  }

  @Query(() => PostFlagConnection, {
    description: "Flagged posts waiting for the organisation's moderators.",
  })
  @SignedIn()
  moderationQueue(
    @Arg('organisationId', () => ID) organisationId: string,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return discussions.moderationQueue(context, organisationId, page);
  }

  @FieldResolver(() => String, { description: 'The opening text rendered safely as HTML.' })
  bodyHtml(@Root() thread: Thread): string {
    return thread.bodyHtml;
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() thread: Thread, @Ctx() context: Context): Promise<User | null> {
    return thread.authorId ? userLoader(context).load(thread.authorId) : Promise.resolve(null);
  }

  @FieldResolver(() => Space)
  space(@Root() thread: Thread, @Ctx() context: Context): Promise<Space> {
    return readableSpace(context, thread.spaceId);
  }

  @FieldResolver(() => PostConnection, { description: 'Replies, oldest first.' })
  posts(
    @Root() thread: Thread,
    @Args() page: PageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return discussions.listPosts(context, thread, page, {
      reactions: selects(info, ['edges', 'node', 'reactions']),
    });
  }

  @FieldResolver(() => Int, {
    description: "Replies since the viewer last read the thread (others' only).",
  })
  unreadCount(@Root() thread: Thread, @Ctx() context: Context): Promise<number> {
    return discussions
      .unreadCounts(context)
      .load(thread.id)
      .then((count) => count ?? 0);
  }

  @FieldResolver(() => ThreadViewerCan)
  viewerCan(@Root() thread: Thread, @Ctx() context: Context): Promise<ThreadViewerCan> {
    return discussions.threadViewerCan(context, thread);
  }

  @FieldResolver(() => [ReactionCount], {
    description: 'Counts for every reaction to the opening text, and whether the viewer gave it.',
  })
  async reactions(@Root() thread: Thread, @Ctx() context: Context): Promise<ReactionCount[]> {
    return (await threadReactionCounts(context).load(thread.id)) ?? [];
  }

  @Mutation(() => ThreadPayload, {
    description: 'Adds a reaction to the opening text, or takes it back if the viewer gave it.',
  })
  @SignedIn()
  async toggleThreadReaction(
    @Arg('input') input: ToggleThreadReactionInput,
    @Ctx() context: Context,
  ) {
    return { thread: await toggleThreadReaction(context, input.threadId, input.reaction) };
  }

  @Mutation(() => ThreadPayload)
  @SignedIn()
  async createThread(@Arg('input') input: CreateThreadInput, @Ctx() context: Context) {
    return { thread: await discussions.createThread(context, input) };
  }

  @Mutation(() => ThreadPayload, { description: 'The author or a moderator.' })
  @SignedIn()
  async updateThread(@Arg('input') input: UpdateThreadInput, @Ctx() context: Context) {
    return { thread: await discussions.updateThread(context, input) };
  }

  @Mutation(() => ThreadPayload, { description: 'Moderators: pinned threads come first.' })
  @SignedIn()
  async pinThread(@Arg('input') input: ThreadFlagInput, @Ctx() context: Context) {
    return { thread: await discussions.pinThread(context, input.id, input.value) };
  }

  @Mutation(() => ThreadPayload, {
    description: 'Moderators: a locked thread takes no new replies.',
  })
  @SignedIn()
  async lockThread(@Arg('input') input: ThreadFlagInput, @Ctx() context: Context) {
    return { thread: await discussions.lockThread(context, input.id, input.value) };
  }

  @Mutation(() => DeletedPayload, {
    description: 'The author within an hour of starting it, or a moderator.',
  })
  @SignedIn()
  async deleteThread(@Arg('input') input: ThreadIdInput, @Ctx() context: Context) {
    return { deletedId: await discussions.deleteThread(context, input.id) };
  }

  @Mutation(() => ThreadPayload, { description: 'Marks the thread read up to now for the viewer.' })
  @SignedIn()
  async markThreadRead(@Arg('input') input: ThreadIdInput, @Ctx() context: Context) {
    return { thread: await discussions.markThreadRead(context, input.id) };
  }

  @Subscription(() => ThreadActivity, {
    description:
      'Replies created, edited, deleted, hidden or restored, and reaction changes, in one thread.',
    subscribe: ({ args, context }) => liveThreadEvents(context as Context, String(args.threadId)),
  })
  @SignedInOrToken('READ')
  threadActivity(
    @Arg('threadId', () => ID) _threadId: string,
    @Root() event: LiveThreadEvent,
  ): ThreadActivity {
    return { kind: event.kind, thread: event.thread, postId: event.postId, post: event.post };
  }

  @Subscription(() => SpaceActivity, {
    description: 'Threads, risks and resources added or changed in a space.',
    subscribe: ({ args, context }) => liveSpaceEvents(context as Context, String(args.spaceId)),
  })
  @SignedInOrToken('READ')
  spaceActivity(
    @Arg('spaceId', () => ID) _spaceId: string,
    @Root() event: LiveSpaceEvent,
  ): SpaceActivity {
    return {
      kind: event.kind,
      thread: event.thread,
      riskId: event.riskId,
      assessmentId: event.assessmentId,
      resourceId: event.resourceId,
      versionId: event.versionId,
    };
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Markdown; null when deleted, or hidden from the viewer.',
  })
  body(@Root() post: Post, @Ctx() context: Context): string | null | Promise<string | null> {
    const known = discussions.visibleBodyNow(context, post);
    return known !== undefined ? known : discussions.visibleBody(context, post);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The text rendered safely as HTML.' })
  bodyHtml(@Root() post: Post, @Ctx() context: Context): string | null | Promise<string | null> {
    // The stored rendering, under the same rule as `body`.
    const known = discussions.visibleBodyNow(context, post);
    if (known !== undefined) return known === null ? null : post.bodyHtml;
    return discussions
      .visibleBody(context, post)
      .then((body) => (body === null ? null : post.bodyHtml));
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() post: Post, @Ctx() context: Context): User | null | Promise<User | null> {
    if (!post.authorId) return null;
    // A page's authors come primed with its posts: no promise per post then.
    const loader = userLoader(context);
    return primedValue(loader, post.authorId) ?? loader.load(post.authorId);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The post this one answers.' })
  replyTo(@Root() post: Post, @Ctx() context: Context): Promise<Post | null> {
    return post.replyToPostId
      ? discussions.postLoader(context).load(post.replyToPostId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => [ReactionCount], {
    description: 'Counts for every reaction, and whether the viewer gave it.',
  })
  reactions(
    @Root() post: Post,
    @Ctx() context: Context,
  ): ReactionCount[] | Promise<ReactionCount[]> {
    const loader = discussions.reactionCounts(context);
    return primedValue(loader, post.id) ?? loader.load(post.id).then((counts) => counts ?? []);
  }

  @FieldResolver(() => [PostRevision], {
    nullable: true,
    description: 'Earlier texts (moderators only).',
  })
  revisions(@Root() post: Post, @Ctx() context: Context): Promise<PostRevision[] | null> {
    return discussions.postRevisions(context, post);
  }

  @FieldResolver(() => PostViewerCan)
  viewerCan(@Root() post: Post, @Ctx() context: Context): Promise<PostViewerCan> {
    return discussions.postViewerCan(context, post);
  }

  @Mutation(() => PostPayload, { description: 'Replies in a thread (not in a locked one).' })
  @SignedIn()
  async createPost(@Arg('input') input: CreatePostInput, @Ctx() context: Context) {
    return { post: await discussions.createPost(context, input) };
  }

  @Mutation(() => PostPayload, {
    description: 'The author edits; the earlier text is kept for moderators.',
  })
  @SignedIn()
  async editPost(@Arg('input') input: EditPostInput, @Ctx() context: Context) {
    return { post: await discussions.editPost(context, input.id, input.body) };
  }

  @Mutation(() => PostPayload, {
    description: 'The author or a moderator; the post keeps its place, its text is gone.',
  })
  @SignedIn()
  async deletePost(@Arg('input') input: PostIdInput, @Ctx() context: Context) {
    return { post: await discussions.deletePost(context, input.postId) };
  }

  @Mutation(() => PostPayload, {
    description: 'Adds the reaction, or takes it back if the viewer gave it.',
  })
  @SignedIn()
  async toggleReaction(@Arg('input') input: ToggleReactionInput, @Ctx() context: Context) {
    return { post: await discussions.toggleReaction(context, input.postId, input.reaction) };
  }

  @Mutation(() => PostFlagPayload, { description: 'Reports a post to the moderators.' })
  @SignedIn()
  async flagPost(@Arg('input') input: FlagPostInput, @Ctx() context: Context) {
    return { flag: await discussions.flagPost(context, input.postId, input.reason) };
  }

  @Mutation(() => PostPayload, {
    description: 'Moderators: the post disappears for everyone else at once.',
  })
  @SignedIn()
  async hidePost(@Arg('input') input: HidePostInput, @Ctx() context: Context) {
    return { post: await discussions.setPostHidden(context, input.postId, true, input.reason) };
  }

  @Mutation(() => PostPayload, { description: 'Moderators: shows a hidden post again.' })
  @SignedIn()
  async restorePost(@Arg('input') input: PostIdInput, @Ctx() context: Context) {
    return { post: await discussions.setPostHidden(context, input.postId, false, '') };
  }
}

@Resolver(() => PostFlag)
export class PostFlagResolver {
  @FieldResolver(() => Post)
  async post(@Root() flag: PostFlag, @Ctx() context: Context): Promise<Post> {
    return (await discussions.postLoader(context).load(flag.postId))!;
  }

  @FieldResolver(() => User, { nullable: true })
  flaggedBy(@Root() flag: PostFlag, @Ctx() context: Context): Promise<User | null> {
    return flag.flaggedBy ? userLoader(context).load(flag.flaggedBy) : Promise.resolve(null);
  }
}

export { ThreadActivityKind };
