import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { GUEST_TOKEN_PREFIX, type Viewer } from '../../platform/auth/viewer.js';
import type { Context } from '../../platform/graphql/context.js';
import { BadUserInput, rateLimited } from '../../platform/graphql/errors.js';
import { LIMITS } from '../../platform/auth/rate-limit.js';
import { userLoader } from '../accounts/index.js';
import { Event, EventParticipant } from './events.entity.js';
import type { EventPreview } from './events.inputs.js';
import { requireJoinAudience, requireJoinOnFirstUse, type EventRights } from './events.policy.js';
import {
  eventByJoinCode,
  forgetViewerParticipants,
  guestByTokenHash,
  guestParticipant,
} from './events.reads.js';

/*
 * The audience: join codes, joining (signed in or as a guest), guests' tokens, and the
 * participant row a person gets on first use.
 */

/** No look-alike characters (0/O, 1/I/L): read aloud in a hall and typed on a phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh join code for a published event. */
export function newJoinCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
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
  let event: Event | null;
  try {
    // Once in flight: the misses of those that were waiting are counted by now.
    const spent = await limiter.peek(missKey, misses.points, misses.windowSeconds);
    if (!spent.allowed) throw rateLimited(spent.retryAfter);
    event = await eventByJoinCode(context, code);
  } finally {
    await limiter.refund(flightKey, flight.points, flight.windowSeconds);
  }
  if (!event) await limiter.hit(missKey, misses.points, misses.windowSeconds);
  return event;
}

/** Before joining, the code shows only what tells the holder it is the right event. */
export async function eventByCode(context: Context, code: string): Promise<EventPreview | null> {
  const event = await openEventByCode(context, code);
  return event && { id: event.id, title: event.title, status: event.status };
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
    const participant = await guestParticipant(context, viewer.participantId);
    return { event, participant, guestToken: null };
  }
  requireJoinAudience(context);
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
      forgetViewerParticipants(context);
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
  const row = await guestByTokenHash(em, tokenHash);
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
export async function requireParticipant(
  context: Context,
  rights: EventRights,
): Promise<EventParticipant> {
  if (rights.participant) return rights.participant;
  const { userId } = requireJoinOnFirstUse(context);
  const user = await userLoader(context).load(userId);
  const participant = await context.db.write(async (em) => {
    const created = em.create(EventParticipant, {
      organisationId: rights.event.organisationId,
      spaceId: rights.event.spaceId,
      eventId: rights.event.id,
      userId,
      displayName: user?.displayName ?? 'Participant',
    });
    await em.flush();
    return created;
  });
  forgetViewerParticipants(context);
  return participant;
}
