import type { Context } from '../../platform/graphql/context.js';
import type { Post, Thread } from './discussions.entity.js';
import type { SpaceActivityKind, ThreadActivityKind } from './discussions.inputs.js';

/*
 * The discussions' live topics: what a change announces (ids and a kind, after commit) and what
 * a subscriber is answered (discussions.live.ts, thread-audience.live.ts).
 */

/** What live subscribers are told; they load what they may see themselves. */
export interface ThreadEvent {
  kind: ThreadActivityKind;
  threadId: string;
  postId: string | null;
}
export interface SpaceEvent {
  kind: SpaceActivityKind;
  spaceId: string;
  threadId?: string | null;
  riskId?: string | null;
  assessmentId?: string | null;
  resourceId?: string | null;
  versionId?: string | null;
}
export const threadTopic = (threadId: string) => `thread:${threadId}`;
export const spaceTopic = (spaceId: string) => `space:${spaceId}`;

/** Announces a change once it is saved (never if it rolls back). */
export function publishAfterCommit(
  context: Context,
  topic: string,
  event: ThreadEvent | SpaceEvent,
) {
  context.db.afterCommit(() => context.pubsub.publish(topic, event));
}

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
