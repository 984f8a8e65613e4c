import { describe, expect, it } from 'vitest';
import { AppError, type FieldProblem } from '../../platform/graphql/errors.js';
import {
  Event,
  EventParticipant,
  EventStatus,
  Question,
  QuestionModeration,
  QuestionStatus,
} from './events.entity.js';
import {
  AUDIENCE_STATUSES,
  mayManageEvent,
  mayModerateQuestions,
  mayReadQuestion,
  readableQuestionStatuses,
  requireModerateQuestions,
  requireOpenEvent,
  requireSeeRegistrations,
  type EventRights,
} from './events.policy.js';

// The policy's rules on their own, without a database: the access they are given (EventRights) is
// worked out by `eventRights`, which the API tests (events.test.ts, the isolation suite) cover.

const HOUR = 3600 * 1000;

function event(status: EventStatus, endsInMs = HOUR): Event {
  return Object.assign(new Event(), {
    organisationId: 'org',
    spaceId: 'space',
    title: 'Budget hearing',
    startsAt: new Date(Date.now() - HOUR),
    endsAt: new Date(Date.now() + endsInMs),
    timezone: 'Asia/Almaty',
    questionModeration: QuestionModeration.PRE,
    allowAnonymousQuestions: true,
    status,
  });
}

function participant(id: string): EventParticipant {
  return Object.assign(new EventParticipant(), { id, eventId: 'event', displayName: id });
}

function question(status: QuestionStatus, participantId: string | null): Question {
  return Object.assign(new Question(), {
    eventId: 'event',
    participantId,
    body: 'Where did the money go?',
    anonymous: participantId === null,
    status,
  });
}

const audience = (own: EventParticipant | null = null): EventRights => ({
  event: event(EventStatus.PUBLISHED),
  organise: false,
  moderate: false,
  participant: own,
});
const moderator: EventRights = { ...audience(), moderate: true };
const admin: EventRights = { ...audience(), moderate: true, organise: true };

/** The error's code and reason, as the client sees them. */
function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = (error.extensions.fields as FieldProblem[] | undefined)?.[0];
    return [error.extensions.code, problem?.field, problem?.reason].filter(Boolean).join(':');
  }
  return 'allowed';
}

describe('events policy', () => {
  it('lets admins manage and moderators moderate, nobody else', () => {
    expect([audience(), moderator, admin].map(mayManageEvent)).toEqual([false, false, true]);
    expect([audience(), moderator, admin].map(mayModerateQuestions)).toEqual([false, true, true]);
    expect(refusal(() => requireSeeRegistrations(moderator))).toBe('FORBIDDEN');
    expect(refusal(() => requireSeeRegistrations(admin))).toBe('allowed');
    expect(refusal(() => requireModerateQuestions(audience()))).toBe('FORBIDDEN');
    expect(refusal(() => requireModerateQuestions(moderator))).toBe('allowed');
  });

  it('shows the audience approved and answered questions, an asker its own, moderators all', () => {
    const mine = participant('mine');
    for (const status of Object.values(QuestionStatus)) {
      const others = question(status, 'someone-else');
      expect(mayReadQuestion(audience(mine), others)).toBe(AUDIENCE_STATUSES.includes(status));
      expect(mayReadQuestion(audience(mine), question(status, mine.id))).toBe(true);
      expect(mayReadQuestion(moderator, others)).toBe(true);
    }
    // An anonymous question has no asker: nobody sees it as their own.
    expect(mayReadQuestion(audience(mine), question(QuestionStatus.PENDING, null))).toBe(false);
  });

  it('lists the statuses a viewer may ask for, refusing the audience the moderators’ ones', () => {
    expect(readableQuestionStatuses(audience(), undefined)).toEqual(AUDIENCE_STATUSES);
    expect(readableQuestionStatuses(moderator, null)).toEqual(Object.values(QuestionStatus));
    expect(readableQuestionStatuses(audience(), QuestionStatus.ANSWERED)).toEqual([
      QuestionStatus.ANSWERED,
    ]);
    expect(readableQuestionStatuses(moderator, QuestionStatus.PENDING)).toEqual([
      QuestionStatus.PENDING,
    ]);
    expect(refusal(() => readableQuestionStatuses(audience(), QuestionStatus.PENDING))).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => readableQuestionStatuses(audience(), QuestionStatus.REJECTED))).toBe(
      'FORBIDDEN',
    );
  });

  it('takes part only in a published event that has not ended, naming the field given', () => {
    expect(refusal(() => requireOpenEvent(event(EventStatus.PUBLISHED)))).toBe('allowed');
    expect(refusal(() => requireOpenEvent(event(EventStatus.DRAFT)))).toBe(
      'BAD_USER_INPUT:eventId:EVENT_NOT_PUBLISHED',
    );
    expect(refusal(() => requireOpenEvent(event(EventStatus.CANCELLED), 'questionId'))).toBe(
      'BAD_USER_INPUT:questionId:EVENT_CANCELLED',
    );
    expect(refusal(() => requireOpenEvent(event(EventStatus.PUBLISHED, -1)))).toBe(
      'BAD_USER_INPUT:eventId:EVENT_ENDED',
    );
  });
});
