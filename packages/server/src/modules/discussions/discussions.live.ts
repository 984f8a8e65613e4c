import type { Context } from '../../platform/graphql/context.js';
import { together } from '../../platform/database/unit-of-work.js';
import { notFound } from '../../platform/graphql/errors.js';
import { directSubscriber } from '../../platform/graphql/shared-answers.js';
import { postLoader } from './discussions.reads.js';
import { readableThread, visibleBody } from './discussions.policy.js';
import { spaceRights } from '../spaces/index.js';
import {
  spaceTopic,
  threadTopic,
  type LiveSpaceEvent,
  type LiveThreadEvent,
  type SpaceEvent,
  type ThreadEvent,
} from './discussions.topics.js';
import {
  ALONE,
  hallSubscription,
  THREAD_SHARED_FIELDS,
  threadAudience,
  threadSubscribers,
} from './thread-audience.live.js';

/** Forget what this socket's context loaded for the previous event: access may have changed. */
function freshLoaders(context: Context) {
  context.loaders.clear();
}

/**
 * A thread's live events for one subscriber. Access is checked when subscribing (NOT_FOUND as
 * for a query) and again for every event: someone removed from the organisation stops
 * receiving at once, and a hidden post reaches only those who may still see it.
 */
export function liveThreadEvents(
  context: Context,
  threadId: string,
): AsyncIterableIterator<LiveThreadEvent> {
  const direct =
    context.viewer.kind === 'user' ? directSubscriber(context, THREAD_SHARED_FIELDS) : undefined;
  if (direct && context.viewer.kind === 'user')
    return hallSubscription(context, context.viewer.userId, threadId, direct);
  return eachThreadEvent(context, threadId);
}

/** Events delivered through graphql-ws one subscriber at a time (other documents, API tokens). */
async function* eachThreadEvent(
  context: Context,
  threadId: string,
): AsyncGenerator<LiveThreadEvent> {
  const allowed = await threadSubscribers.join(threadId, context);
  if (allowed === false) throw notFound('The thread');
  if (allowed === undefined) await readableThread(context, threadId);
  const events = context.pubsub.subscribe<ThreadEvent>(threadTopic(threadId));
  try {
    for await (const event of events) {
      freshLoaders(context);
      const shared = await threadAudience.join(event, context);
      if (shared !== ALONE) {
        if (!shared) return;
        yield shared;
        continue;
      }
      const alone = await together(context.db, async () => {
        const access = await readableThread(context, threadId).catch(() => undefined);
        if (!access) return undefined;
        const post = event.postId ? await postLoader(context).load(event.postId) : null;
        const visible = post && (await visibleBody(context, post)) !== null ? post : null;
        return { kind: event.kind, thread: access.thread, postId: event.postId, post: visible };
      });
      if (!alone) return;
      yield alone;
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
      const seen = await together(context.db, async () => {
        const allowed = await spaceRights(context, spaceId).catch(() => undefined);
        if (!allowed) return undefined;
        const thread = event.threadId
          ? await readableThread(context, event.threadId).then(
              (access) => access.thread,
              () => null,
            )
          : null;
        return { thread };
      });
      if (!seen) return;
      const { thread } = seen;
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
