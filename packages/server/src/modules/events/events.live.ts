import type { Context } from '../../platform/graphql/context.js';
import { together } from '../../platform/database/unit-of-work.js';
import type { Event, Poll, Question } from './events.entity.js';
import { EventActivityKind } from './events.inputs.js';
import {
  eventRights,
  eventTopic,
  pollForViewer,
  questionForViewer,
  type EventLiveEvent,
} from './events.service.js';

export interface LiveEventActivity {
  kind: EventActivityKind;
  event: Event;
  questionId: string | null;
  question: Question | null;
  poll: Poll | null;
}

/**
 * An event's live activity for one viewer. Every question and poll is loaded as this viewer
 * (row-level security included): the audience never receives a PENDING or REJECTED question,
 * moderators do. Vote counts arrive coalesced by the publisher.
 */
export async function* liveEventActivity(
  context: Context,
  eventId: string,
): AsyncGenerator<LiveEventActivity> {
  await eventRights(context, eventId);
  const events = context.pubsub.subscribe<EventLiveEvent>(eventTopic(eventId));
  try {
    for await (const message of events) {
      context.loaders.clear();
      const seen = await together(context.db, async () => {
        const rights = await eventRights(context, eventId).catch(() => undefined);
        if (!rights) return undefined;
        const question = message.questionId
          ? await questionForViewer(context, message.questionId)
          : null;
        const poll = message.pollId ? await pollForViewer(context, message.pollId) : null;
        return { rights, question, poll };
      });
      if (!seen) return;
      const { rights, question, poll } = seen;
      // A new question the viewer may not see (waiting for moderation) is not news for them.
      if (message.kind === EventActivityKind.QUESTION_ADDED && !question) continue;
      if (message.pollId && !poll) continue;
      // A question that left the viewer's sight (rejected, archived) travels as its id only.
      yield {
        kind: message.kind,
        event: rights.event,
        questionId: message.questionId ?? null,
        question,
        poll,
      };
    }
  } finally {
    await events.return?.();
  }
}
