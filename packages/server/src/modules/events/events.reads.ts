import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import {
  Event,
  EventParticipant,
  EventRegistration,
  Poll,
  PollBallot,
  PollOption,
  PollStatus,
  Question,
  RegistrationStatus,
  type QuestionStatus,
} from './events.entity.js';
import type { EventFilter } from './events.inputs.js';

/*
 * The events feature's reads: every SQL statement that only reads lives here, behind a typed
 * function; the request loaders of the feature are declared here too. Rows of plain SQL are
 * handed out read-only.
 */

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    eventById: RequestLoader<string, Event>;
    viewerParticipant: RequestLoader<string, EventParticipant>;
    viewerUpvoted: RequestLoader<string, boolean>;
  }
}

export function eventLoader(context: Context) {
  return requestLoader(context, 'eventById', async (em, ids) =>
    byKey(ids, await em.find(Event, { id: { $in: [...ids] } }), (e) => e.id),
  );
}

/** The viewer's participant row per event: a guest's own, a person's when they have joined. */
export function viewerParticipants(context: Context) {
  return requestLoader(context, 'viewerParticipant', async (em, eventIds) => {
    const viewer = context.viewer;
    if (viewer.kind === 'guest') {
      const rows = await em.find(EventParticipant, { id: viewer.participantId });
      return byKey(eventIds, rows, (p) => p.eventId);
    }
    if (viewer.kind !== 'user') return eventIds.map(() => null);
    const rows = await em.find(EventParticipant, {
      userId: viewer.userId,
      eventId: { $in: [...eventIds] },
    });
    return byKey(eventIds, rows, (p) => p.eventId);
  });
}

/** After the viewer joined an event: the loader's "not a participant" answer is stale. */
export function forgetViewerParticipants(context: Context): void {
  context.loaders.forget('viewerParticipant');
}

/** Whether the viewer (any of its participants) upvoted each question. */
export function viewerUpvoted(context: Context) {
  return requestLoader(context, 'viewerUpvoted', async (em, questionIds) => {
    const rows = await em.execute<Array<{ question_id: string }>>(
      `select question_id from question_vote where question_id = any(?::uuid[])
       and participant_id = any((select alany.viewer_participant_ids())::uuid[])`,
      [`{${questionIds.join(',')}}`],
    );
    const voted = new Set(rows.map((row) => row.question_id));
    return questionIds.map((id) => voted.has(id));
  });
}

/**
 * A page of events (not drafts) in the given spaces, upcoming ones soonest first, others newest
 * first, in that order.
 */
export async function eventsInSpaces(
  context: Context,
  spaceIds: readonly string[],
  filter: EventFilter | undefined,
  first: number,
): Promise<Event[]> {
  const conditions = [`space_id = any(?::uuid[])`, `status <> 'DRAFT'`];
  const params: unknown[] = [`{${spaceIds.join(',')}}`];
  if (filter?.organisationId) {
    conditions.push('organisation_id = ?');
    params.push(filter.organisationId);
  }
  if (filter?.upcoming) conditions.push('ends_at > now()');
  if (filter?.public)
    conditions.push(`space_id in (select id from space where visibility = 'PUBLIC')`);
  if (filter?.networkId) {
    conditions.push('space_id in (select id from space where network_id = ?)');
    params.push(filter.networkId);
  }
  const direction = filter?.upcoming ? 'asc' : 'desc';
  return context.db.read(async (em) => {
    const ids = await em.execute<Array<{ id: string }>>(
      `select id from event where ${conditions.join(' and ')} order by starts_at ${direction}, id limit ?`,
      [...params, first],
    );
    const rows = await em.find(Event, { id: { $in: ids.map((row) => row.id) } });
    return byKey(
      ids.map((row) => row.id),
      rows,
      (row) => row.id,
    ).filter((row): row is Event => row !== null);
  });
}

/** The published event a join code opens (`alany.event_by_code`), or null. */
export async function eventByJoinCode(context: Context, code: string): Promise<Event | null> {
  return context.db.read(async (em) => {
    const [row] = await em.execute<Array<Record<string, unknown>>>(
      'select * from alany.event_by_code(?)',
      [code.trim().toUpperCase()],
    );
    return row ? em.map(Event, row) : null;
  });
}

export type GuestRow = Readonly<{
  participant_id: string;
  event_id: string;
  event_ends_at: Date;
}>;

/** The guest a token hash belongs to (`alany.guest_by_hash`), before any viewer is known. */
export async function guestByTokenHash(
  em: EntityManager,
  tokenHash: string,
): Promise<GuestRow | undefined> {
  const [row] = await em.execute<GuestRow[]>('select * from alany.guest_by_hash(?)', [tokenHash]);
  return row;
}

/** The e-mail addresses of everyone registered or waitlisted, in the caller's transaction. */
export async function registrantEmails(
  em: EntityManager,
  eventId: string,
): Promise<readonly string[]> {
  const rows = await em.execute<Array<{ email: string }>>(
    `select u.email from event_registration r join app_user u on u.id = r.user_id
     where r.event_id = ? and r.status <> 'CANCELLED'`,
    [eventId],
  );
  return rows.map((row) => row.email);
}

/** Seats taken (registered, not waitlisted), in the caller's transaction (under its lock). */
export async function seatsTaken(em: EntityManager, eventId: string): Promise<number> {
  const [{ taken } = { taken: 0 }] = await em.execute<Array<{ taken: number }>>(
    'select alany.seats_taken(?) as taken',
    [eventId],
  );
  return taken;
}

/** A guest's own participant row (it exists while the guest's token works). */
export async function guestParticipant(
  context: Context,
  participantId: string,
): Promise<EventParticipant> {
  return context.db.read((em) => em.findOneOrFail(EventParticipant, { id: participantId }));
}

export async function findQuestion(context: Context, questionId: string): Promise<Question | null> {
  return context.db.read((em) => em.findOne(Question, { id: questionId }));
}

export async function findPoll(context: Context, pollId: string): Promise<Poll | null> {
  return context.db.read((em) => em.findOne(Poll, { id: pollId }));
}

/** The name a participant chose, as others see it. */
export async function participantDisplayName(
  context: Context,
  participantId: string,
): Promise<string | null> {
  const [row] = await context.db.read((em) =>
    em.execute<Array<{ display_name: string }>>(
      `select display_name from event_participant where id = ?`,
      [participantId],
    ),
  );
  return row?.display_name ?? null;
}

/**
 * An event's questions of these statuses, each with its exact vote count (kept with the votes,
 * `alany.vote_counts`): exact even while the cached count waits for its refresh.
 */
export async function questionsWithExactCounts(
  context: Context,
  eventId: string,
  statuses: readonly QuestionStatus[],
): Promise<Question[]> {
  return context.db.read(async (em) => {
    // Untracked: the live counts set below are for this answer only. On managed entities the
    // operation's commit would write them back (`update question …`), a write on the very rows a
    // vote storm's recounts update, by viewers who may not even change questions.
    const questions = await em.find(
      Question,
      { eventId, status: { $in: [...statuses] } },
      { disableIdentityMap: true },
    );
    const counts = await em.execute<Array<{ question_id: string; votes: number }>>(
      'select * from alany.vote_counts(?::uuid[])',
      [`{${questions.map((q) => q.id).join(',')}}`],
    );
    const byQuestion = new Map(counts.map((row) => [row.question_id, row.votes]));
    for (const question of questions) question.upvoteCount = byQuestion.get(question.id) ?? 0;
    return questions;
  });
}

export type PollTally = Readonly<{
  ballots: number;
  /** Votes per option id; options without votes are absent. */
  votes: ReadonlyMap<string, number>;
}>;

/** Ballots cast and votes per option (`alany.poll_results`). */
export async function pollTally(context: Context, pollId: string): Promise<PollTally> {
  const rows = await context.db.read((em) =>
    em.execute<Array<{ option_id: string; votes: string; ballots: string }>>(
      'select * from alany.poll_results(?)',
      [pollId],
    ),
  );
  return {
    ballots: Number(rows[0]?.ballots ?? 0),
    votes: new Map(rows.map((row) => [row.option_id, Number(row.votes)])),
  };
}

/** Which of these guests still belong to the event (`alany.event_guests`). */
export async function presentGuests(
  context: Context,
  eventId: string,
  participantIds: readonly string[],
): Promise<ReadonlySet<string>> {
  const rows = await context.db.read((em) =>
    em.execute<Array<{ event_guests: string }>>('select alany.event_guests(?, ?::uuid[])', [
      eventId,
      `{${[...new Set(participantIds)].join(',')}}`,
    ]),
  );
  return new Set(rows.map((row) => row.event_guests));
}

/** A person's registration (registered or waitlisted), or null. */
export async function activeRegistration(
  context: Context,
  eventId: string,
  userId: string,
): Promise<EventRegistration | null> {
  return context.db.read((em) =>
    em.findOne(EventRegistration, {
      eventId,
      userId,
      status: { $ne: RegistrationStatus.CANCELLED },
    }),
  );
}

/** Everyone registered or waitlisted: the registered first, then by time. */
export async function activeRegistrations(
  context: Context,
  eventId: string,
): Promise<EventRegistration[]> {
  return context.db.read((em) =>
    em.find(
      EventRegistration,
      { eventId, status: { $ne: RegistrationStatus.CANCELLED } },
      { orderBy: { status: 'asc', createdAt: 'asc' } },
    ),
  );
}

/** An event's polls, oldest first; drafts only when asked for. */
export async function eventPolls(
  context: Context,
  eventId: string,
  withDrafts: boolean,
): Promise<Poll[]> {
  return context.db.read((em) =>
    em.find(
      Poll,
      { eventId, ...(withDrafts ? {} : { status: { $ne: PollStatus.DRAFT } }) },
      { orderBy: { createdAt: 'asc' } },
    ),
  );
}

export async function optionsOfPoll(context: Context, pollId: string): Promise<PollOption[]> {
  return context.db.read((em) => em.find(PollOption, { pollId }, { orderBy: { position: 'asc' } }));
}

/** The options a participant chose in a poll, or null before its first ballot. */
export async function ballotChoice(
  context: Context,
  pollId: string,
  participantId: string,
): Promise<readonly string[] | null> {
  const ballot = await context.db.read((em) => em.findOne(PollBallot, { pollId, participantId }));
  return ballot?.optionIds ?? null;
}
