import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { hasRank, MemberRole, viewerRole } from '../organisations/index.js';
import { spaceRights, type Space } from '../spaces/index.js';
import {
  EventStatus,
  PollStatus,
  QuestionStatus,
  type Event,
  type EventParticipant,
  type Poll,
  type Question,
} from './events.entity.js';
import type { EventViewerCan } from './events.inputs.js';
import { eventLoader, findPoll, findQuestion, viewerParticipants } from './events.reads.js';

/*
 * Who may do what with an event. `may…` answers, `require…` throws the error AGENTS.md asks for:
 * NOT_FOUND for what the viewer may not see, FORBIDDEN for a role too low.
 */

export interface EventRights {
  readonly event: Event;
  /** Edit, publish, cancel, see registrations: ADMINs of the owning organisation. */
  readonly organise: boolean;
  /** Moderate questions and run polls: MODERATORs and up. */
  readonly moderate: boolean;
  /** The viewer's participant row, when it has joined. */
  readonly participant: EventParticipant | null;
}

/** The questions the audience sees; moderators (and a question's asker) see every status. */
export const AUDIENCE_STATUSES: readonly QuestionStatus[] = [
  QuestionStatus.APPROVED,
  QuestionStatus.ANSWERED,
];

/**
 * An event the viewer may see: through its space (DRAFT only for moderators) or because it
 * joined the audience with the code. NOT_FOUND otherwise.
 */
export async function eventRights(context: Context, eventId: string): Promise<EventRights> {
  const event = await eventLoader(context).load(eventId);
  if (!event) throw notFound('The event');
  const participant = await viewerParticipants(context).load(eventId);
  // A guest reaches the event through its participation alone; only others need the space.
  const space =
    context.viewer.kind === 'guest' && participant
      ? null
      : await spaceRights(context, event.spaceId).catch(() => null);
  const role =
    context.viewer.kind === 'user' ? await viewerRole(context, event.organisationId) : null;
  const moderate = hasRank(role, MemberRole.MODERATOR);
  const organise = hasRank(role, MemberRole.ADMIN);
  if (!space && !participant) throw notFound('The event');
  if (event.status === EventStatus.DRAFT && !moderate) throw notFound('The event');
  return { event, organise, moderate, participant };
}

export function mayManageEvent(rights: EventRights): boolean {
  return rights.organise;
}

export function mayModerateQuestions(rights: EventRights): boolean {
  return rights.moderate;
}

export function mayRunPolls(rights: EventRights): boolean {
  return rights.moderate;
}

/** Creating events in a space: its organisation's admins. Returns the space. */
export async function requireCreateEvent(context: Context, spaceId: string): Promise<Space> {
  requireUser(context);
  const { space } = await spaceRights(context, spaceId);
  if (!hasRank(await viewerRole(context, space.organisationId), MemberRole.ADMIN)) {
    throw forbidden("Only the space's organisation admins can create events.");
  }
  return space;
}

/** Editing, publishing, cancelling: the organisation's admins. Returns the event. */
export async function requireOrganiser(context: Context, eventId: string): Promise<Event> {
  requireUser(context);
  const rights = await eventRights(context, eventId);
  if (!mayManageEvent(rights))
    throw forbidden("Only the organisation's admins can change the event.");
  return rights.event;
}

export function requireSeeRegistrations(rights: EventRights): void {
  if (!mayManageEvent(rights))
    throw forbidden("Only the organisation's admins can see registrations.");
}

export function requireModerateQuestions(rights: EventRights): void {
  if (!mayModerateQuestions(rights)) throw forbidden('Only moderators can do this.');
}

export function requireRunPolls(rights: EventRights): void {
  if (!mayRunPolls(rights)) throw forbidden('Only moderators can run polls.');
}

/** Joining an audience: people and guests; an API token acts for an organisation, not a person. */
export function requireJoinAudience(context: Context): void {
  if (context.viewer.kind === 'apiToken') throw forbidden('An API token cannot join an audience.');
}

/**
 * Taking part (asking, voting) before joining: only a signed-in person, who joins on first use;
 * anyone else joins with the code first.
 */
export function requireJoinOnFirstUse(context: Context): { userId: string } {
  const viewer = context.viewer;
  if (viewer.kind !== 'user') throw forbidden('Join the event with its code first.');
  return { userId: viewer.userId };
}

/** Registering: for those who can see the event's space (an audience code is not enough). */
export async function requireRegister(context: Context, event: Event): Promise<void> {
  await spaceRights(context, event.spaceId).catch(() => {
    throw forbidden('Registration is open to those who can see the event’s space.');
  });
}

export const CLOSED_EVENT = {
  EVENT_CANCELLED: 'This event was cancelled.',
  EVENT_NOT_PUBLISHED: 'This event is not open yet.',
  EVENT_ENDED: 'This event has ended.',
} as const;

/** The event takes part now (registrations, questions, votes). The same rule as `alany.cast_vote`. */
export function requireOpenEvent(event: Event, field = 'eventId'): void {
  if (event.status === EventStatus.CANCELLED)
    throw BadUserInput.field(field, 'EVENT_CANCELLED', CLOSED_EVENT.EVENT_CANCELLED);
  if (event.status !== EventStatus.PUBLISHED)
    throw BadUserInput.field(field, 'EVENT_NOT_PUBLISHED', CLOSED_EVENT.EVENT_NOT_PUBLISHED);
  if (event.endsAt.getTime() <= Date.now())
    throw BadUserInput.field(field, 'EVENT_ENDED', CLOSED_EVENT.EVENT_ENDED);
}

/** What the viewer may do with an event it can see (`rights` null: it cannot). */
export function eventViewerCan(
  context: Context,
  event: Event,
  rights: EventRights | null,
): EventViewerCan {
  const open = event.status === 'PUBLISHED' && event.endsAt.getTime() > Date.now();
  return {
    edit: !!rights && mayManageEvent(rights),
    moderate: !!rights && mayModerateQuestions(rights),
    register: open && context.viewer.kind === 'user',
    ask: open && (context.viewer.kind === 'user' || context.viewer.kind === 'guest'),
  };
}

/** A question's status the viewer may see: moderators any, its asker its own, others the audience's. */
export function mayReadQuestion(rights: EventRights, question: Question): boolean {
  const own = !!rights.participant && question.participantId === rights.participant.id;
  return rights.moderate || own || AUDIENCE_STATUSES.includes(question.status);
}

/**
 * The statuses a list of questions may show: the one asked for, or all a viewer may see.
 * FORBIDDEN when the audience asks for statuses only moderators see.
 */
export function readableQuestionStatuses(
  rights: EventRights,
  asked: QuestionStatus | null | undefined,
): readonly QuestionStatus[] {
  if (!mayModerateQuestions(rights) && asked && !AUDIENCE_STATUSES.includes(asked)) {
    throw forbidden('Only moderators see questions waiting for moderation or rejected.');
  }
  if (asked) return [asked];
  return mayModerateQuestions(rights) ? Object.values(QuestionStatus) : AUDIENCE_STATUSES;
}

/** A question the viewer may see, with its event's rights; NOT_FOUND otherwise. */
export async function requireReadQuestion(
  context: Context,
  questionId: string,
): Promise<{ question: Question; rights: EventRights }> {
  const question = await findQuestion(context, questionId);
  if (!question) throw notFound('The question');
  const rights = await eventRights(context, question.eventId).catch(() => {
    throw notFound('The question');
  });
  if (!mayReadQuestion(rights, question)) throw notFound('The question');
  return { question, rights };
}

/** Whether this viewer may receive this question live: the audience never sees PENDING or REJECTED. */
export async function readableQuestion(
  context: Context,
  questionId: string,
): Promise<Question | null> {
  return requireReadQuestion(context, questionId).then(
    ({ question }) => question,
    () => null,
  );
}

/** A poll the viewer may see (drafts: moderators only), with its event's rights; NOT_FOUND otherwise. */
export async function requireReadPoll(
  context: Context,
  pollId: string,
): Promise<{ poll: Poll; rights: EventRights }> {
  const poll = await findPoll(context, pollId);
  if (!poll) throw notFound('The poll');
  const rights = await eventRights(context, poll.eventId).catch(() => {
    throw notFound('The poll');
  });
  if (poll.status === PollStatus.DRAFT && !mayRunPolls(rights)) throw notFound('The poll');
  return { poll, rights };
}

export async function readablePoll(context: Context, pollId: string): Promise<Poll | null> {
  return requireReadPoll(context, pollId).then(
    ({ poll }) => poll,
    () => null,
  );
}
