import type { Context } from '../../platform/graphql/context.js';
import { Post, Thread } from './discussions.entity.js';
import type { SpaceActivityKind, ThreadActivityKind } from './discussions.inputs.js';
import {
  postLoader,
  readableThread,
  spaceTopic,
  threadTopic,
  visibleBody,
  type SpaceEvent,
  type ThreadEvent,
} from './discussions.service.js';
import { spaceRights } from '../spaces/spaces.service.js';

export interface LiveThreadEvent {
  kind: ThreadActivityKind;
  thread: Thread;
  postId: string | null;
  post: Post | null;
}

export interface LiveSpaceEvent {
  kind: SpaceActivityKind;
  thread: Thread | null;
  riskId: string | null;
  assessmentId: string | null;
  resourceId: string | null;
  versionId: string | null;
}

/** Forget what this socket's context loaded for the previous event: access may have changed. */
function freshLoaders(context: Context) {
  context.loaders.clear();
}

/**
 * A thread's live events for one subscriber. Access is checked when subscribing (NOT_FOUND as
 * for a query) and again for every event: someone removed from the organisation stops
 * receiving at once, and a hidden post reaches only those who may still see it.
 */
export async function* liveThreadEvents(
  context: Context,
  threadId: string,
): AsyncGenerator<LiveThreadEvent> {
  await readableThread(context, threadId);
  const events = context.pubsub.subscribe<ThreadEvent>(threadTopic(threadId));
  try {
    for await (const event of events) {
      freshLoaders(context);
      const access = await readableThread(context, threadId).catch(() => undefined);
      if (!access) return;
      const post = event.postId ? await postLoader(context).load(event.postId) : null;
      // Deleted posts, and hidden ones for those who may not see them, travel as an id only.
      const visible = post && (await visibleBody(context, post)) !== null ? post : null;
      yield { kind: event.kind, thread: access.thread, postId: event.postId, post: visible };
    }
  } finally {
    await events.return?.();
  }
}

export async function* liveSpaceEvents(
  context: Context,
  spaceId: string,
): AsyncGenerator<LiveSpaceEvent> {
  await spaceRights(context, spaceId);
  const events = context.pubsub.subscribe<SpaceEvent>(spaceTopic(spaceId));
  try {
    for await (const event of events) {
      freshLoaders(context);
      const allowed = await spaceRights(context, spaceId).catch(() => undefined);
      if (!allowed) return;
      const thread = event.threadId
        ? await readableThread(context, event.threadId).then(
            (access) => access.thread,
            () => null,
          )
        : null;
      yield {
        kind: event.kind,
        thread,
        riskId: event.riskId ?? null,
        assessmentId: event.assessmentId ?? null,
        resourceId: event.resourceId ?? null,
        versionId: event.versionId ?? null,
      };
    }
  } finally {
    await events.return?.();
  }
}
