import type { Context } from '../../platform/graphql/context.js';
import { together } from '../../platform/database/unit-of-work.js';
import { Gathering } from '../../platform/pubsub/gathering.js';
import { shareAnswer, type SharedFields } from '../../platform/graphql/shared-answers.js';
import type { Event, Poll, Question } from './events.entity.js';
import { EventActivityKind } from './events.inputs.js';
import { AUDIENCE_STATUSES, eventRights, readablePoll, readableQuestion } from './events.policy.js';
import { presentGuests } from './events.reads.js';
import { RequestCache } from '../../platform/graphql/loaders.js';

/** What an event's topic carries: ids and a kind; each subscriber loads what it may see. */
export interface EventLiveEvent {
  kind: EventActivityKind;
  eventId: string;
  questionId?: string | null;
  pollId?: string | null;
}
export const eventTopic = (eventId: string) => `event:${eventId}`;

/** Announces a change to the event's subscribers once the change is saved. */
export function publishEventActivity(context: Context, event: EventLiveEvent): void {
  context.db.afterCommit(() => context.pubsub.publish(eventTopic(event.eventId), event));
}

export interface LiveEventActivity {
  kind: EventActivityKind;
  event: Event;
  questionId: string | null;
  question: Question | null;
  poll: Poll | null;
}

const ALONE = Symbol('alone');
type Delivery = LiveEventActivity | undefined | typeof ALONE;

/**
 * Fields of an event's live activity whose answer is the same for every guest of the audience
 * when the question is one the whole audience may see (APPROVED or ANSWERED): the author's name
 * (stored on the question, the same for all who may see it), but no `viewerUpvoted`, no event or
 * poll details.
 */
const AUDIENCE_SHARED_FIELDS: SharedFields = {
  EventActivity: new Set(['kind', 'questionId', 'question']),
  Question: new Set([
    'id',
    'body',
    'anonymous',
    'authorName',
    'createdAt',
    'pinned',
    'status',
    'upvoteCount',
  ]),
};

/**
 * One event message for every guest watching it: one statement says which of them still belong
 * to the event (`event_guests`), the event and the question are read once as one of them, and
 * when the question is one the whole audience sees, they all receive one answer. Anything else
 * (users, moderators, polls, questions not yet approved) is checked subscriber by subscriber.
 */
const eventAudience = new Gathering<EventLiveEvent, Context, Delivery>(
  async (message, contexts) => {
    const out: Delivery[] = contexts.map(() => ALONE);
    const guests = contexts.filter((c) => c.viewer.kind === 'guest');
    if (guests.length === 0 || message.pollId) return out;
    const participantOf = (c: Context) => (c.viewer.kind === 'guest' ? c.viewer.participantId : '');
    const present = await presentGuests(guests[0]!, message.eventId, guests.map(participantOf));
    const reader = guests.find((c) => present.has(participantOf(c)));
    const gone = () =>
      contexts.forEach((c, i) => {
        if (c.viewer.kind === 'guest' && !present.has(participantOf(c))) out[i] = undefined;
      });
    if (!reader) {
      gone();
      return out;
    }
    const as: Context = { ...reader, loaders: new RequestCache() };
    const seen = await together(as.db, async () => {
      const rights = await eventRights(as, message.eventId).catch(() => undefined);
      if (!rights) return undefined;
      const question = message.questionId ? await readableQuestion(as, message.questionId) : null;
      return { rights, question };
    });
    // Someone else's view would differ (a question waiting for moderation, the reader's own): alone.
    if (!seen || (message.questionId && !seen.question)) return out;
    if (seen.question && !AUDIENCE_STATUSES.includes(seen.question.status)) return out;
    gone();
    const answer = shareAnswer<LiveEventActivity>(
      {
        kind: message.kind,
        event: seen.rights.event,
        questionId: message.questionId ?? null,
        question: seen.question,
        poll: null,
      },
      AUDIENCE_SHARED_FIELDS,
      // These fields answer the same for every guest of the audience (see above).
      as,
    );
    contexts.forEach((c, i) => {
      if (c.viewer.kind === 'guest' && present.has(participantOf(c))) out[i] = answer;
    });
    return out;
  },
);

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
      const shared = await eventAudience.join(message, context);
      if (shared !== ALONE) {
        if (!shared) return;
        yield shared;
        continue;
      }
      const seen = await together(context.db, async () => {
        const rights = await eventRights(context, eventId).catch(() => undefined);
        if (!rights) return undefined;
        const question = message.questionId
          ? await readableQuestion(context, message.questionId)
          : null;
        const poll = message.pollId ? await readablePoll(context, message.pollId) : null;
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
