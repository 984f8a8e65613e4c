import { randomInt, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { GUEST_TOKEN_PREFIX, type Viewer } from '../../platform/auth/viewer.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound, rateLimited } from '../../platform/graphql/errors.js';
import { enforce, LIMITS } from '../../platform/auth/rate-limit.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { Coalescer } from '../../platform/pubsub/coalescer.js';
import { readOnlyEntity } from '../../platform/database/read-only.js';
import type { StatementRunner } from '../../platform/database/unit-of-work.js';
import { icalendar } from '../../platform/text/icalendar.js';
import { csvLines } from '../../platform/text/csv.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole } from '../organisations/organisations.entity.js';
import { hasRank, viewerRole } from '../organisations/organisations.policy.js';
import { readableSpaceIds, spaceRights } from '../spaces/spaces.service.js';
import { userLoader } from '../accounts/accounts.service.js';
import {
  Event,
  EventParticipant,
  EventRegistration,
  EventStatus,
  Poll,
  PollBallot,
  PollOption,
  PollStatus,
  Question,
  QuestionModeration,
  QuestionStatus,
  RegistrationStatus,
} from './events.entity.js';
import {
  EventActivityKind,
  ModerationAction,
  QuestionOrder,
  type CreateEventInput,
  type EventFilter,
  type EventPreview,
  type PollResults,
  type QuestionsArgs,
  type UpdateEventInput,
} from './events.inputs.js';

/** No look-alike characters (0/O, 1/I/L): read aloud in a hall and typed on a phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const VOTE_WINDOW_MS = 250;
const votes = new Coalescer(VOTE_WINDOW_MS);

export interface EventLiveEvent {
  kind: EventActivityKind;
  eventId: string;
  questionId?: string | null;
  pollId?: string | null;
}
export const eventTopic = (eventId: string) => `event:${eventId}`;

function publish(context: Context, event: EventLiveEvent) {
  context.db.afterCommit(() => context.pubsub.publish(eventTopic(event.eventId), event));
}

export interface EventRights {
  event: Event;
  /** Edit, publish, cancel, see registrations: ADMINs of the owning organisation. */
  organise: boolean;
  /** Moderate questions and run polls: MODERATORs and up. */
  moderate: boolean;
  /** The viewer's participant row, when it has joined. */
  participant: EventParticipant | null;
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    eventById: RequestLoader<string, Event>;
  }
}

export function eventLoader(context: Context) {
  return requestLoader(context, 'eventById', async (em, ids) =>
    byKey(ids, await em.find(Event, { id: { $in: [...ids] } }), (e) => e.id),
  );
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    viewerParticipant: RequestLoader<string, EventParticipant>;
  }
}

function viewerParticipants(context: Context) {
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

function checkTimes(startsAt: Date, endsAt: Date, timezone: string) {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw BadUserInput.field('endsAt', 'BEFORE_START', 'The end must come after the start.');
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw BadUserInput.field(
      'timezone',
      'UNKNOWN_TIMEZONE',
      'Choose a time zone such as Asia/Almaty.',
    );
  }
}

function checkUrl(url: string | null | undefined) {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw BadUserInput.field(
      'onlineUrl',
      'INVALID_URL',
      'Enter a web address starting with https://.',
    );
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) {
    throw BadUserInput.field(
      'onlineUrl',
      'INVALID_URL',
      'Enter a web address starting with https://.',
    );
  }
  return parsed.toString();
}

export async function createEvent(context: Context, input: CreateEventInput): Promise<Event> {
  const { userId } = requireUser(context);
  const { space } = await spaceRights(context, input.spaceId);
  if (!hasRank(await viewerRole(context, space.organisationId), MemberRole.ADMIN)) {
    throw forbidden("Only the space's organisation admins can create events.");
  }
  checkTimes(input.startsAt, input.endsAt, input.timezone);
  const onlineUrl = checkUrl(input.onlineUrl);
  return context.db.write(async (em) => {
    const event = em.create(Event, {
      organisationId: space.organisationId,
      spaceId: space.id,
      title: input.title.normalize('NFC').trim(),
      description: input.description,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timezone: input.timezone,
      location: input.location.trim(),
      onlineUrl,
      capacity: input.capacity ?? null,
      questionModeration: input.questionModeration,
      allowAnonymousQuestions: input.allowAnonymousQuestions,
      status: EventStatus.DRAFT,
      createdBy: userId,
    });
    recordAudit(em, context, {
      organisationId: space.organisationId,
      action: 'event.created',
      targetType: 'Event',
      targetId: event.id,
    });
    await em.flush();
    return event;
  });
}

async function organisedEvent(context: Context, eventId: string): Promise<Event> {
  requireUser(context);
  const rights = await eventRights(context, eventId);
  if (!rights.organise) throw forbidden("Only the organisation's admins can change the event.");
  return rights.event;
}

export async function updateEvent(context: Context, input: UpdateEventInput): Promise<Event> {
  const event = await organisedEvent(context, input.id);
  if (event.status === EventStatus.CANCELLED)
    throw BadUserInput.field('id', 'EVENT_CANCELLED', 'This event was cancelled.');
  const startsAt = input.startsAt ?? event.startsAt;
  const endsAt = input.endsAt ?? event.endsAt;
  checkTimes(startsAt, endsAt, input.timezone ?? event.timezone);
  const onlineUrl = input.onlineUrl !== undefined ? checkUrl(input.onlineUrl) : event.onlineUrl;
  return context.db.write(async (em) => {
    const managed = em.merge(event);
    Object.assign(managed, {
      startsAt,
      endsAt,
      onlineUrl,
      ...(input.title ? { title: input.title.normalize('NFC').trim() } : {}),
      ...(input.description !== undefined && input.description !== null
        ? { description: input.description }
        : {}),
      ...(input.timezone ? { timezone: input.timezone } : {}),
      ...(input.location !== undefined && input.location !== null
        ? { location: input.location.trim() }
        : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
      ...(input.questionModeration ? { questionModeration: input.questionModeration } : {}),
      ...(input.allowAnonymousQuestions !== undefined && input.allowAnonymousQuestions !== null
        ? { allowAnonymousQuestions: input.allowAnonymousQuestions }
        : {}),
    });
    recordAudit(em, context, {
      organisationId: event.organisationId,
      action: 'event.updated',
      targetType: 'Event',
      targetId: event.id,
    });
    await em.flush();
    publish(context, { kind: EventActivityKind.EVENT_UPDATED, eventId: event.id });
    return managed;
  });
}

function newCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export async function publishEvent(context: Context, eventId: string): Promise<Event> {
  const event = await organisedEvent(context, eventId);
  if (event.status !== EventStatus.DRAFT) {
    throw BadUserInput.field('eventId', 'NOT_DRAFT', 'Only a draft can be published.');
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await context.db.write(async (em) => {
        const managed = em.merge(event);
        managed.status = EventStatus.PUBLISHED;
        managed.code = newCode();
        managed.publishedAt = new Date();
        recordAudit(em, context, {
          organisationId: event.organisationId,
          action: 'event.published',
          targetType: 'Event',
          targetId: event.id,
        });
        await em.flush();
        publish(context, { kind: EventActivityKind.EVENT_UPDATED, eventId: event.id });
        return managed;
      });
    } catch (error) {
      // Another event holds the code: draw again.
      if (!(error instanceof UniqueConstraintViolationException) || attempt >= 5) throw error;
      event.status = EventStatus.DRAFT;
      event.code = null;
    }
  }
}

export async function cancelEvent(context: Context, eventId: string): Promise<Event> {
  const event = await organisedEvent(context, eventId);
  if (event.status === EventStatus.CANCELLED) return event;
  return context.db.write(async (em) => {
    const managed = em.merge(event);
    managed.status = EventStatus.CANCELLED;
    managed.cancelledAt = new Date();
    recordAudit(em, context, {
      organisationId: event.organisationId,
      action: 'event.cancelled',
      targetType: 'Event',
      targetId: event.id,
    });
    await em.flush();
    const registrants = await em.execute<Array<{ email: string }>>(
      `select u.email from event_registration r join app_user u on u.id = r.user_id
       where r.event_id = ? and r.status <> 'CANCELLED'`,
      [event.id],
    );
    for (const { email } of registrants) {
      await context.mailer.queue(em, context.db, eventEmail(context, managed, email, 'cancelled'));
    }
    publish(context, { kind: EventActivityKind.EVENT_UPDATED, eventId: event.id });
    return managed;
  });
}

/**
 * Takes one of the client's places for join-code look-ups in flight. A hall joining at once may
 * fill them for a moment: a refused look-up gives its place back and waits a little for the
 * others before it is refused.
 */
async function enterCodeLookUp(context: Context, key: string): Promise<void> {
  const { points, windowSeconds } = LIMITS.joinCodeLookUpsInFlightPerClient;
  for (let wait = 50; ; wait *= 2) {
    const counted = await context.rateLimiter.hit(key, points, windowSeconds);
    if (counted.allowed) return;
    await context.rateLimiter.refund(key, points, windowSeconds);
    if (wait > 800) throw rateLimited(Math.ceil(wait / 1000));
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * The published event for the code, for anyone holding it: the code is the venue's invitation.
 * Codes that match nothing are limited per client: a hall behind one address joins freely (its
 * matches are not counted) while a guesser is stopped. The misses are counted once known; the
 * look-ups in flight are limited too, so that a burst of guesses (aliased or concurrent) can
 * overrun the budget of misses by no more than those.
 */
async function openEventByCode(context: Context, code: string): Promise<Event | null> {
  const limiter = context.rateLimiter;
  const misses = LIMITS.joinCodeMissesPerClient;
  const missKey = `join-code:miss:${context.clientAddress}`;
  const flight = LIMITS.joinCodeLookUpsInFlightPerClient;
  const flightKey = `join-code:flight:${context.clientAddress}`;
  await enterCodeLookUp(context, flightKey);
  let row: Record<string, unknown> | undefined;
  try {
    // Once in flight: the misses of those that were waiting are counted by now.
    const spent = await limiter.peek(missKey, misses.points, misses.windowSeconds);
    if (!spent.allowed) throw rateLimited(spent.retryAfter);
    [row] = await context.db.read((em) =>
      em.execute<Array<Record<string, unknown>>>('select * from alany.event_by_code(?)', [
        code.trim().toUpperCase(),
      ]),
    );
  } finally {
    await limiter.refund(flightKey, flight.points, flight.windowSeconds);
  }
  if (!row) {
    await limiter.hit(missKey, misses.points, misses.windowSeconds);
    return null;
  }
  const found = row;
  return context.db.read(async (em) => em.map(Event, found));
}

/** Before joining, the code shows only what tells the holder it is the right event. */
export async function eventByCode(context: Context, code: string): Promise<EventPreview | null> {
  const event = await openEventByCode(context, code);
  return event && { id: event.id, title: event.title, status: event.status };
}

export async function listEvents(
  context: Context,
  filter: EventFilter | undefined,
  first: number,
): Promise<Event[]> {
  const spaceIds = await readableSpaceIds(context);
  if (spaceIds.length === 0) return [];
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

function eventEmail(
  context: Context,
  event: Event,
  to: string,
  what: 'registered' | 'waitlisted' | 'promoted' | 'cancelled',
) {
  const when = new Intl.DateTimeFormat('ru-RU', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: event.timezone,
  }).format(event.startsAt);
  const link = `${context.publicUrl}/events/${event.id}`;
  const lines: Record<typeof what, [string, string, string]> = {
    registered: [
      `Сіз «${event.title}» іс-шарасына тіркелдіңіз (${when}).`,
      `Вы зарегистрированы на «${event.title}» (${when}).`,
      `You are registered for "${event.title}" (${when}).`,
    ],
    waitlisted: [
      `Орын жоқ: сіз «${event.title}» күту тізіміндесіз. Орын босаса, хабарлаймыз.`,
      `Мест нет: вы в листе ожидания «${event.title}». Сообщим, если место освободится.`,
      `The event is full: you are on the waitlist for "${event.title}". We will tell you if a seat frees up.`,
    ],
    promoted: [
      `Орын босады: сіз енді «${event.title}» іс-шарасына тіркелдіңіз (${when}).`,
      `Место освободилось: теперь вы зарегистрированы на «${event.title}» (${when}).`,
      `A seat freed up: you are now registered for "${event.title}" (${when}).`,
    ],
    cancelled: [
      `«${event.title}» іс-шарасы болмайды.`,
      `Мероприятие «${event.title}» отменено.`,
      `"${event.title}" has been cancelled.`,
    ],
  };
  const attachCalendar = what === 'registered' || what === 'promoted' || what === 'cancelled';
  return {
    to,
    kind: `event.${what}`,
    organisationId: null,
    subject: `Alany: ${event.title}`,
    text: [...lines[what], '', event.location, event.onlineUrl ?? '', link]
      .filter((line) => line !== undefined)
      .join('\n'),
    attachments: attachCalendar
      ? [
          {
            filename: 'event.ics',
            contentType: 'text/calendar; charset=utf-8',
            content: icalendar({
              uid: event.id,
              title: event.title,
              description: `${link}`,
              startsAt: event.startsAt,
              endsAt: event.endsAt,
              location: event.location || event.onlineUrl || '',
              url: link,
              cancelled: what === 'cancelled',
            }),
          },
        ]
      : [],
  };
}

const CLOSED_EVENT = {
  EVENT_CANCELLED: 'This event was cancelled.',
  EVENT_NOT_PUBLISHED: 'This event is not open yet.',
  EVENT_ENDED: 'This event has ended.',
} as const;

/** The same rule as `alany.cast_vote` applies to a vote. */
function ensureOpen(event: Event, field = 'eventId') {
  if (event.status === EventStatus.CANCELLED)
    throw BadUserInput.field(field, 'EVENT_CANCELLED', CLOSED_EVENT.EVENT_CANCELLED);
  if (event.status !== EventStatus.PUBLISHED)
    throw BadUserInput.field(field, 'EVENT_NOT_PUBLISHED', CLOSED_EVENT.EVENT_NOT_PUBLISHED);
  if (event.endsAt.getTime() <= Date.now())
    throw BadUserInput.field(field, 'EVENT_ENDED', CLOSED_EVENT.EVENT_ENDED);
}

/** Serialises registrations of one event, so capacity and the waitlist never overbook. */
async function lockEvent(em: EntityManager, eventId: string) {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 727))', [eventId]);
}

export async function registerForEvent(
  context: Context,
  eventId: string,
): Promise<EventRegistration> {
  const { userId } = requireUser(context);
  const { event } = await eventRights(context, eventId);
  ensureOpen(event);
  await spaceRights(context, event.spaceId).catch(() => {
    throw forbidden('Registration is open to those who can see the event’s space.');
  });
  return context.db.write(async (em) => {
    await lockEvent(em, eventId);
    const existing = await em.findOne(EventRegistration, {
      eventId,
      userId,
      status: { $ne: RegistrationStatus.CANCELLED },
    });
    if (existing) return existing;
    const [{ taken } = { taken: 0 }] = await em.execute<Array<{ taken: number }>>(
      'select alany.seats_taken(?) as taken',
      [eventId],
    );
    const full = event.capacity != null && taken >= event.capacity;
    const registration = em.create(EventRegistration, {
      organisationId: event.organisationId,
      spaceId: event.spaceId,
      eventId,
      userId,
      status: full ? RegistrationStatus.WAITLISTED : RegistrationStatus.REGISTERED,
    });
    await em.flush();
    const email = (await userLoader(context).load(userId))?.email;
    if (email)
      await context.mailer.queue(
        em,
        context.db,
        eventEmail(context, event, email, full ? 'waitlisted' : 'registered'),
      );
    return registration;
  });
}

export async function cancelRegistration(
  context: Context,
  eventId: string,
): Promise<EventRegistration> {
  const { userId } = requireUser(context);
  const { event } = await eventRights(context, eventId);
  return context.db.write(async (em) => {
    await lockEvent(em, eventId);
    const registration = await em.findOne(EventRegistration, {
      eventId,
      userId,
      status: { $ne: RegistrationStatus.CANCELLED },
    });
    if (!registration) throw notFound('The registration');
    const hadSeat = registration.status === RegistrationStatus.REGISTERED;
    registration.status = RegistrationStatus.CANCELLED;
    await em.flush();
    if (hadSeat && event.status === EventStatus.PUBLISHED) {
      const [row] = await em.execute<Array<{ promoted: string | null }>>(
        'select alany.promote_waitlist(?) as promoted',
        [eventId],
      );
      if (row?.promoted) {
        const promoted = await em.execute<Array<{ email: string }>>(
          'select email from app_user where id = ?',
          [row.promoted],
        );
        if (promoted[0])
          await context.mailer.queue(
            em,
            context.db,
            eventEmail(context, event, promoted[0].email, 'promoted'),
          );
      }
    }
    return registration;
  });
}

export async function viewerRegistration(
  context: Context,
  event: Event,
): Promise<EventRegistration | null> {
  if (context.viewer.kind !== 'user') return null;
  const userId = context.viewer.userId;
  return context.db.read((em) =>
    em.findOne(EventRegistration, {
      eventId: event.id,
      userId,
      status: { $ne: RegistrationStatus.CANCELLED },
    }),
  );
}

export async function listRegistrations(
  context: Context,
  eventId: string,
): Promise<EventRegistration[]> {
  const rights = await eventRights(context, eventId);
  if (!rights.organise) throw forbidden("Only the organisation's admins can see registrations.");
  return context.db.read((em) =>
    em.find(
      EventRegistration,
      { eventId, status: { $ne: RegistrationStatus.CANCELLED } },
      { orderBy: { status: 'asc', createdAt: 'asc' } },
    ),
  );
}

export async function registrationsCsv(context: Context, eventId: string): Promise<string> {
  const registrations = await listRegistrations(context, eventId);
  const users = await userLoader(context).loadMany(registrations.map((r) => r.userId));
  const rows = registrations.map((registration, index) => {
    const user = users[index];
    const person = user && !(user instanceof Error) ? user : null;
    return [
      person?.displayName ?? '',
      person?.email ?? '',
      registration.status,
      registration.createdAt.toISOString(),
    ];
  });
  return csvLines([['name', 'email', 'status', 'registered_at'], ...rows]);
}

export async function joinEvent(
  context: Context,
  code: string,
  displayName: string,
): Promise<{ event: Event; participant: EventParticipant; guestToken: string | null }> {
  const event = await openEventByCode(context, code);
  if (!event)
    throw BadUserInput.field(
      'code',
      'UNKNOWN_CODE',
      'No open event has this code. Check it and try again.',
    );
  if (event.endsAt.getTime() <= Date.now())
    throw BadUserInput.field('code', 'EVENT_ENDED', 'This event has ended.');
  const name = displayName.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) throw BadUserInput.field('displayName', 'REQUIRED', 'Enter the name others will see.');
  const viewer = context.viewer;
  if (viewer.kind === 'guest' && viewer.eventId === event.id) {
    const participant = await context.db.read((em) =>
      em.findOneOrFail(EventParticipant, { id: viewer.participantId }),
    );
    return { event, participant, guestToken: null };
  }
  if (viewer.kind === 'apiToken') throw forbidden('An API token cannot join an audience.');
  return context.db.write(async (em) => {
    if (viewer.kind === 'user') {
      const existing = await em.findOne(EventParticipant, {
        eventId: event.id,
        userId: viewer.userId,
      });
      if (existing) return { event, participant: existing, guestToken: null };
      const participant = em.create(EventParticipant, {
        organisationId: event.organisationId,
        spaceId: event.spaceId,
        eventId: event.id,
        userId: viewer.userId,
        displayName: name,
      });
      await em.flush();
      context.loaders.forget('viewerParticipant');
      return { event, participant, guestToken: null };
    }
    // A guest: nothing about them is stored but the name they chose and a hash of their token.
    // Only the code opens the door, in the database too (alany.join_as_guest).
    const guestToken = newSecret(GUEST_TOKEN_PREFIX);
    const participantId = randomUUID();
    const [joined] = await em.execute<Array<{ event_id: string | null }>>(
      'select alany.join_as_guest(?, ?, ?, ?) as event_id',
      [code.trim().toUpperCase(), participantId, name, hashSecret(guestToken)],
    );
    if (!joined?.event_id)
      throw BadUserInput.field(
        'code',
        'UNKNOWN_CODE',
        'No open event has this code. Check it and try again.',
      );
    const participant = em.create(EventParticipant, {
      id: participantId,
      organisationId: event.organisationId,
      spaceId: event.spaceId,
      eventId: event.id,
      guestTokenHash: null,
      displayName: name,
    });
    // The row exists already: keep the entity out of the unit of work.
    em.getUnitOfWork().unsetIdentity(participant);
    return { event, participant, guestToken };
  });
}

/** Authenticates a guest token; unknown → undefined. */
/**
 * How long a guest token keeps working after its event ends: long enough to read the answers and
 * results afterwards, short enough that a token left on a shared phone does not open the event
 * for ever.
 */
export const GUEST_TOKEN_DAYS_AFTER_EVENT = 3;

/** The viewer a `guest_…` secret names; `undefined` when unknown or past its expiry. */
export async function authenticateGuest(
  em: EntityManager,
  secret: string,
): Promise<Viewer | undefined> {
  const tokenHash = hashSecret(secret);
  const [row] = await em.execute<
    Array<{ participant_id: string; event_id: string; event_ends_at: Date }>
  >('select * from alany.guest_by_hash(?)', [tokenHash]);
  if (!row) return undefined;
  const expiresAt = new Date(
    new Date(row.event_ends_at).getTime() + GUEST_TOKEN_DAYS_AFTER_EVENT * 24 * 3600 * 1000,
  );
  if (expiresAt.getTime() <= Date.now()) return undefined;
  return {
    kind: 'guest',
    participantId: row.participant_id,
    eventId: row.event_id,
    tokenHash,
    expiresAt,
  };
}

/** The viewer's participant for the event: a guest's own, or a person's (created on first use). */
async function requireParticipant(
  context: Context,
  rights: EventRights,
): Promise<EventParticipant> {
  if (rights.participant) return rights.participant;
  const viewer = context.viewer;
  if (viewer.kind !== 'user') throw forbidden('Join the event with its code first.');
  const user = await userLoader(context).load(viewer.userId);
  const participant = await context.db.write(async (em) => {
    const created = em.create(EventParticipant, {
      organisationId: rights.event.organisationId,
      spaceId: rights.event.spaceId,
      eventId: rights.event.id,
      userId: viewer.userId,
      displayName: user?.displayName ?? 'Participant',
    });
    await em.flush();
    return created;
  });
  context.loaders.forget('viewerParticipant');
  return participant;
}

export async function askQuestion(
  context: Context,
  eventId: string,
  body: string,
  anonymous: boolean,
): Promise<Question> {
  const rights = await eventRights(context, eventId);
  ensureOpen(rights.event);
  const text = body.normalize('NFC').trim();
  if (!text) throw BadUserInput.field('body', 'REQUIRED', 'Write your question first.');
  if (anonymous && !rights.event.allowAnonymousQuestions) {
    throw BadUserInput.field(
      'anonymous',
      'ANONYMOUS_NOT_ALLOWED',
      'This event takes questions with a name only.',
    );
  }
  const participant = await requireParticipant(context, rights);
  await enforce(context.rateLimiter, LIMITS.askQuestion, `ask:${participant.id}`);
  return context.db.write(async (em) => {
    const question = em.create(Question, {
      organisationId: rights.event.organisationId,
      spaceId: rights.event.spaceId,
      eventId,
      // An anonymous question keeps no trace of who asked.
      participantId: anonymous ? null : participant.id,
      body: text,
      anonymous,
      status:
        rights.event.questionModeration === QuestionModeration.PRE
          ? QuestionStatus.PENDING
          : QuestionStatus.APPROVED,
    });
    await em.flush();
    publish(context, { kind: EventActivityKind.QUESTION_ADDED, eventId, questionId: question.id });
    return question;
  });
}

export const AUDIENCE_STATUSES = [QuestionStatus.APPROVED, QuestionStatus.ANSWERED];

async function visibleQuestion(context: Context, questionId: string) {
  const question = await context.db.read((em) => em.findOne(Question, { id: questionId }));
  if (!question) throw notFound('The question');
  const rights = await eventRights(context, question.eventId).catch(() => {
    throw notFound('The question');
  });
  const own = !!rights.participant && question.participantId === rights.participant.id;
  if (!rights.moderate && !own && !AUDIENCE_STATUSES.includes(question.status))
    throw notFound('The question');
  return { question, rights };
}

type VoteOutcome =
  | 'OK'
  | 'NO_QUESTION'
  | 'NO_PARTICIPANT'
  | 'EVENT_CANCELLED'
  | 'EVENT_NOT_PUBLISHED'
  | 'EVENT_ENDED'
  | 'NOT_VOTABLE';

/** The error for each refusal of `alany.cast_vote`: the same as the checks below raise. */
function voteRefused(outcome: Exclude<VoteOutcome, 'OK'>) {
  switch (outcome) {
    case 'NO_QUESTION':
      return notFound('The question');
    case 'NO_PARTICIPANT':
      return forbidden('Join the event with its code first.');
    case 'NOT_VOTABLE':
      return BadUserInput.field(
        'questionId',
        'NOT_VOTABLE',
        'Only approved questions can be upvoted.',
      );
    default:
      return BadUserInput.field('questionId', outcome, CLOSED_EVENT[outcome]);
  }
}

interface CastVote {
  outcome: VoteOutcome;
  changed: number;
  /** The question with its exact count (only when cast), a copy no unit of work tracks. */
  question: Question | null;
  /** Already committed on its own (a guest's vote) rather than in the operation's transaction. */
  committed: boolean;
}

/**
 * The vote in one statement (`alany.cast_vote`, see its migration): the database checks the
 * voter, the event and the question, casts or takes back the vote and counts.
 *
 * A guest proves who it is with its token's hash, so its vote needs no viewer settings and
 * runs as a statement of its own outside the operation's transaction (autocommit), shared with
 * the guests' votes that arrive with it (`GuestVoteBatcher`): one round trip at most. Being
 * outside the operation's transaction, it stays cast even if something else in the same HTTP
 * operation fails (mutations there are already independent of each other). It commits with `synchronous_commit = off` for this statement's transaction only: the
 * answer does not wait for the WAL to reach the disk (5–30 ms under a storm), and the trade-off,
 * as PostgreSQL documents it, is that a vote acknowledged in the last fraction of a second
 * before an operating-system crash (not a PostgreSQL crash) may be lost after a restart. Never
 * a corrupt or inexact count: the vote row and the count are one atomic transaction, and what
 * is lost is lost whole. A signed-in person votes in the operation's transaction, as themself
 * (`viewer_user_id()` reads the transaction's settings), committed as usual.
 */
async function castVote(context: Context, questionId: string, upvote: boolean): Promise<CastVote> {
  const viewer = context.viewer;
  if (viewer.kind === 'guest') {
    const hash = viewer.tokenHash;
    return context.db.standalone(async (em) =>
      voteAnswer(em, await guestVotes(em).cast({ questionId, upvote, hash }), true),
    );
  }
  return context.db.read(async (em) => {
    const [row] = await em.execute<CastVoteRow[]>('select * from alany.cast_vote(?, ?, ?)', [
      questionId,
      upvote,
      null,
    ]);
    if (!row) throw new Error('alany.cast_vote gave no answer');
    return voteAnswer(em, row, false);
  });
}

interface CastVoteRow {
  outcome: VoteOutcome;
  changed: number | null;
  votes: number | null;
  id: string;
  organisation_id: string;
  space_id: string;
  event_id: string;
  participant_id: string | null;
  body: string;
  anonymous: boolean;
  status: QuestionStatus;
  pinned: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

function voteAnswer(em: StatementRunner, row: CastVoteRow, committed: boolean): CastVote {
  if (row.outcome !== 'OK') return { outcome: row.outcome, changed: 0, question: null, committed };
  // A copy no entity manager tracks: a flush never writes its count to the question row that
  // every voter shares (the cached count is refreshed by the coalesced recount).
  const question = readOnlyEntity(em, Question, { ...row, upvote_count: row.votes ?? 0 });
  return { outcome: row.outcome, changed: row.changed ?? 0, question, committed };
}

interface GuestVote {
  questionId: string;
  upvote: boolean;
  hash: string;
}

/**
 * Group commit for guests' votes. A vote that finds no batch in flight goes at once; votes that
 * arrive while batches are in flight wait for one to return and then go together, as one
 * statement (`alany.cast_votes`: each vote checked and answered with its count as if cast on its
 * own, in order; batches on the same question take turns on its counter) and one commit. A lone
 * vote waits for nothing; a hall voting at once costs a few statements instead of one per vote.
 * Should a batch fail (a question or participant deleted under it), its votes are cast again one
 * by one, so that only the vote at fault fails.
 */
class GuestVoteBatcher {
  private static readonly IN_FLIGHT = 4;
  private static readonly MAX_BATCH = 500;
  private queue: Array<{
    vote: GuestVote;
    resolve: (row: CastVoteRow) => void;
    reject: (error: unknown) => void;
  }> = [];
  private inFlight = 0;

  constructor(private readonly em: StatementRunner) {}

  cast(vote: GuestVote): Promise<CastVoteRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ vote, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < GuestVoteBatcher.IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, GuestVoteBatcher.MAX_BATCH);
      this.inFlight += 1;
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async send(batch: GuestVoteBatcher['queue']) {
    try {
      const rows = await this.em.execute<Array<CastVoteRow & { seq: number }>>(
        // synchronous_commit = off for this statement's own transaction: see castVote.
        `select v.* from alany.cast_votes(?::uuid[], ?::boolean[], ?::text[]) v,
         set_config('synchronous_commit', 'off', true) s order by v.seq`,
        [
          arrayLiteral(batch.map((b) => b.vote.questionId)),
          arrayLiteral(batch.map((b) => String(b.vote.upvote))),
          arrayLiteral(batch.map((b) => b.vote.hash)),
        ],
      );
      batch.forEach((pending, index) => {
        const row = rows[index];
        if (row && row.seq === index + 1) pending.resolve(row);
        else pending.reject(new Error('alany.cast_votes gave no answer for a vote'));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.send([pending])));
    }
  }
}

/**
 * A PostgreSQL array literal with every element quoted: whatever an element holds (ids are
 * validated as UUIDs before, hashes are hex), it stays one element, so the three arrays of a
 * batch can never slip against each other and pair one guest's proof with another's vote.
 */
function arrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** One batcher per database (the ORM's driver), since the module serves every app in a process. */
const guestVoteBatchers = new WeakMap<object, GuestVoteBatcher>();
function guestVotes(em: StatementRunner): GuestVoteBatcher {
  const key = em.getDriver();
  let batcher = guestVoteBatchers.get(key);
  if (!batcher) {
    batcher = new GuestVoteBatcher(em);
    guestVoteBatchers.set(key, batcher);
  }
  return batcher;
}

export async function setUpvote(
  context: Context,
  questionId: string,
  upvote: boolean,
): Promise<Question> {
  let vote = await castVote(context, questionId, upvote);
  if (vote.outcome !== 'OK') {
    // Refused, or a signed-in person's first vote in this event. The checks the vote made
    // before it was one statement run again, to raise exactly the error they always raised (a
    // question the viewer may not see is NOT_FOUND whatever else is wrong with it) and to
    // create the person's participant; then the vote is cast by the same one rule.
    const { question, rights } = await visibleQuestion(context, questionId);
    ensureOpen(rights.event, 'questionId');
    if (!AUDIENCE_STATUSES.includes(question.status)) throw voteRefused('NOT_VOTABLE');
    await requireParticipant(context, rights);
    vote = await castVote(context, questionId, upvote);
    if (vote.outcome !== 'OK') throw voteRefused(vote.outcome);
  }
  const question = vote.question!;
  if (vote.changed) {
    // Many votes in a moment become one recount and one live update carrying the latest count.
    const eventId = question.eventId;
    const recount = () =>
      votes.schedule(questionId, async () => {
        await context.db.detached((em) =>
          em.execute('select alany.refresh_vote_count(?)', [questionId]),
        );
        await context.pubsub.publish(eventTopic(eventId), {
          kind: EventActivityKind.VOTES_CHANGED,
          eventId,
          questionId,
        });
      });
    if (vote.committed) recount();
    else context.db.afterCommit(recount);
  }
  viewerUpvoted(context).prime(questionId, upvote);
  return question;
}

const NEXT_STATUS: Partial<
  Record<ModerationAction, { from: QuestionStatus[]; to: QuestionStatus }>
> = {
  [ModerationAction.APPROVE]: {
    from: [QuestionStatus.PENDING, QuestionStatus.REJECTED, QuestionStatus.ARCHIVED],
    to: QuestionStatus.APPROVED,
  },
  [ModerationAction.REJECT]: {
    from: [QuestionStatus.PENDING, QuestionStatus.APPROVED],
    to: QuestionStatus.REJECTED,
  },
  [ModerationAction.MARK_ANSWERED]: {
    from: [QuestionStatus.APPROVED],
    to: QuestionStatus.ANSWERED,
  },
  [ModerationAction.ARCHIVE]: {
    from: [QuestionStatus.APPROVED, QuestionStatus.ANSWERED, QuestionStatus.REJECTED],
    to: QuestionStatus.ARCHIVED,
  },
};

export async function moderateQuestion(
  context: Context,
  questionId: string,
  action: ModerationAction,
): Promise<Question> {
  requireUser(context);
  const { question, rights } = await visibleQuestion(context, questionId);
  if (!rights.moderate) throw forbidden('Only moderators can do this.');
  return context.db.write(async (em) => {
    const managed = em.merge(question);
    if (action === ModerationAction.PIN || action === ModerationAction.UNPIN) {
      managed.pinned = action === ModerationAction.PIN;
    } else {
      const step = NEXT_STATUS[action]!;
      if (!step.from.includes(managed.status)) {
        throw BadUserInput.field(
          'action',
          'NOT_ALLOWED',
          `A ${managed.status} question cannot be changed with ${action}.`,
        );
      }
      managed.status = step.to;
    }
    await em.flush();
    publish(context, {
      kind: EventActivityKind.QUESTION_UPDATED,
      eventId: question.eventId,
      questionId,
    });
    return managed;
  });
}

export async function listQuestions(context: Context, args: QuestionsArgs): Promise<Question[]> {
  const rights = await eventRights(context, args.eventId);
  const statuses = args.status
    ? [args.status]
    : rights.moderate
      ? Object.values(QuestionStatus)
      : AUDIENCE_STATUSES;
  if (!rights.moderate && args.status && !AUDIENCE_STATUSES.includes(args.status)) {
    throw forbidden('Only moderators see questions waiting for moderation or rejected.');
  }
  return context.db.read(async (em) => {
    // Untracked: the live counts set below are for this answer only. On managed entities the
    // operation's commit would write them back (`update question …`), a write on the very rows a
    // vote storm's recounts update, by viewers who may not even change questions.
    const questions = await em.find(
      Question,
      { eventId: args.eventId, status: { $in: statuses } },
      { disableIdentityMap: true },
    );
    // The exact counts (kept with the votes): exact even while the cached count waits for its
    // refresh.
    const counts = await em.execute<Array<{ question_id: string; votes: number }>>(
      'select * from alany.vote_counts(?::uuid[])',
      [`{${questions.map((q) => q.id).join(',')}}`],
    );
    const byQuestion = new Map(counts.map((row) => [row.question_id, row.votes]));
    for (const question of questions) question.upvoteCount = byQuestion.get(question.id) ?? 0;
    const newest = (a: Question, b: Question) =>
      b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id);
    const top = (a: Question, b: Question) =>
      Number(b.pinned) - Number(a.pinned) ||
      b.upvoteCount - a.upvoteCount ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id);
    return questions
      .sort(args.orderBy === QuestionOrder.RECENT ? newest : top)
      .slice(0, args.first);
  });
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    viewerUpvoted: RequestLoader<string, boolean>;
  }
}

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

export async function questionAuthorName(
  context: Context,
  question: Question,
): Promise<string | null> {
  if (question.anonymous || !question.participantId) return null;
  const [row] = await context.db.read((em) =>
    em.execute<Array<{ display_name: string }>>(
      `select display_name from event_participant where id = ?`,
      [question.participantId],
    ),
  );
  return row?.display_name ?? null;
}

export async function createPoll(
  context: Context,
  eventId: string,
  text: string,
  options: string[],
  multipleChoice: boolean,
): Promise<Poll> {
  requireUser(context);
  const rights = await eventRights(context, eventId);
  if (!rights.moderate) throw forbidden('Only moderators can run polls.');
  if (rights.event.status === EventStatus.CANCELLED)
    throw BadUserInput.field('eventId', 'EVENT_CANCELLED', 'This event was cancelled.');
  const labels = options.map((option) => option.normalize('NFC').trim());
  if (labels.some((label) => !label))
    throw BadUserInput.field('options', 'REQUIRED', 'Every option needs a text.');
  return context.db.write(async (em) => {
    const poll = em.create(Poll, {
      organisationId: rights.event.organisationId,
      spaceId: rights.event.spaceId,
      eventId,
      question: text.normalize('NFC').trim(),
      multipleChoice,
      status: PollStatus.DRAFT,
    });
    await em.flush();
    labels.forEach((label, position) =>
      em.create(PollOption, {
        organisationId: poll.organisationId,
        spaceId: poll.spaceId,
        pollId: poll.id,
        label,
        position,
      }),
    );
    await em.flush();
    return poll;
  });
}

async function pollWithRights(context: Context, pollId: string) {
  const poll = await context.db.read((em) => em.findOne(Poll, { id: pollId }));
  if (!poll) throw notFound('The poll');
  const rights = await eventRights(context, poll.eventId).catch(() => {
    throw notFound('The poll');
  });
  if (poll.status === PollStatus.DRAFT && !rights.moderate) throw notFound('The poll');
  return { poll, rights };
}

export async function setPollStatus(
  context: Context,
  pollId: string,
  status: PollStatus.OPEN | PollStatus.CLOSED,
): Promise<Poll> {
  requireUser(context);
  const { poll, rights } = await pollWithRights(context, pollId);
  if (!rights.moderate) throw forbidden('Only moderators can run polls.');
  const from = status === PollStatus.OPEN ? PollStatus.DRAFT : PollStatus.OPEN;
  if (poll.status !== from)
    throw BadUserInput.field(
      'pollId',
      'NOT_ALLOWED',
      `A ${poll.status} poll cannot become ${status}.`,
    );
  return context.db.write(async (em) => {
    const managed = em.merge(poll);
    managed.status = status;
    if (status === PollStatus.OPEN) managed.openedAt = new Date();
    else managed.closedAt = new Date();
    await em.flush();
    publish(context, { kind: EventActivityKind.POLL_UPDATED, eventId: poll.eventId, pollId });
    return managed;
  });
}

export async function votePoll(
  context: Context,
  pollId: string,
  optionIds: string[],
): Promise<Poll> {
  const { poll, rights } = await pollWithRights(context, pollId);
  if (poll.status !== PollStatus.OPEN)
    throw BadUserInput.field('pollId', 'POLL_CLOSED', 'This poll is not open for votes.');
  const chosen = [...new Set(optionIds)];
  if (!poll.multipleChoice && chosen.length !== 1)
    throw BadUserInput.field('optionIds', 'ONE_OPTION', 'Choose exactly one option.');
  const participant = await requireParticipant(context, rights);
  await context.db.write(async (em) => {
    const valid = await em.count(PollOption, { pollId, id: { $in: chosen } });
    if (valid !== chosen.length)
      throw BadUserInput.field('optionIds', 'NOT_IN_POLL', 'Choose options of this poll.');
    await em.execute(
      `insert into poll_ballot (id, organisation_id, space_id, poll_id, participant_id, option_ids, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?::uuid[], now())
       on conflict (poll_id, participant_id) do update set option_ids = excluded.option_ids, updated_at = now()`,
      [poll.organisationId, poll.spaceId, pollId, participant.id, `{${chosen.join(',')}}`],
    );
    context.db.afterCommit(() =>
      votes.schedule(`poll:${pollId}`, () =>
        context.pubsub.publish(eventTopic(poll.eventId), {
          kind: EventActivityKind.POLL_UPDATED,
          eventId: poll.eventId,
          pollId,
        }),
      ),
    );
  });
  return poll;
}

export async function listPolls(context: Context, event: Event): Promise<Poll[]> {
  const rights = await eventRights(context, event.id);
  return context.db.read((em) =>
    em.find(
      Poll,
      { eventId: event.id, ...(rights.moderate ? {} : { status: { $ne: PollStatus.DRAFT } }) },
      { orderBy: { createdAt: 'asc' } },
    ),
  );
}

export async function pollOptions(context: Context, poll: Poll): Promise<PollOption[]> {
  return context.db.read((em) =>
    em.find(PollOption, { pollId: poll.id }, { orderBy: { position: 'asc' } }),
  );
}

export async function pollResults(context: Context, poll: Poll): Promise<PollResults> {
  const options = await pollOptions(context, poll);
  const rows = await context.db.read((em) =>
    em.execute<Array<{ option_id: string; votes: string; ballots: string }>>(
      'select * from alany.poll_results(?)',
      [poll.id],
    ),
  );
  const ballots = Number(rows[0]?.ballots ?? 0);
  const byOption = new Map(rows.map((row) => [row.option_id, Number(row.votes)]));
  return {
    ballots,
    options: options.map((option) => {
      const count = byOption.get(option.id) ?? 0;
      return {
        option,
        votes: count,
        percentage: ballots ? Math.round((count / ballots) * 1000) / 10 : 0,
      };
    }),
  };
}

export async function viewerBallot(context: Context, poll: Poll): Promise<string[] | null> {
  const { participant } = await eventRights(context, poll.eventId);
  if (!participant) return null;
  const ballot = await context.db.read((em) =>
    em.findOne(PollBallot, { pollId: poll.id, participantId: participant.id }),
  );
  return ballot?.optionIds ?? null;
}

/** Whether this viewer may receive this question live: the audience never sees PENDING or REJECTED. */
export async function questionForViewer(
  context: Context,
  questionId: string,
): Promise<Question | null> {
  return visibleQuestion(context, questionId).then(
    ({ question }) => question,
    () => null,
  );
}

export async function pollForViewer(context: Context, pollId: string): Promise<Poll | null> {
  return pollWithRights(context, pollId).then(
    ({ poll }) => poll,
    () => null,
  );
}
