import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { notFound } from '../../platform/graphql/errors.js';
import { csvLines } from '../../platform/text/csv.js';
import { eventEmail } from './events.mail.js';
import { userEmail, userLoader } from '../accounts/index.js';
import { Event, EventRegistration, EventStatus, RegistrationStatus } from './events.entity.js';
import {
  eventRights,
  requireOpenEvent,
  requireRegister,
  requireSeeRegistrations,
} from './events.policy.js';
import {
  activeRegistration,
  activeRegistrations,
  registrantEmails,
  seatsTaken,
} from './events.reads.js';

/*
 * Registrations: seats up to the capacity, then the waitlist, moved up when a seat frees; each
 * step e-mailed (with an iCalendar file) after commit.
 */

/** Tells everyone registered or waitlisted that the event is cancelled, in its transaction. */
export async function tellRegistrantsCancelled(
  em: EntityManager,
  context: Context,
  event: Event,
): Promise<void> {
  for (const email of await registrantEmails(em, event.id)) {
    await context.mailer.queue(
      em,
      context.db,
      eventEmail(context.publicUrl, event, email, 'cancelled'),
    );
  }
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
  requireOpenEvent(event);
  await requireRegister(context, event);
  return context.db.write(async (em) => {
    await lockEvent(em, eventId);
    const existing = await em.findOne(EventRegistration, {
      eventId,
      userId,
      status: { $ne: RegistrationStatus.CANCELLED },
    });
    if (existing) return existing;
    const taken = await seatsTaken(em, eventId);
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
        eventEmail(context.publicUrl, event, email, full ? 'waitlisted' : 'registered'),
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
        const promoted = await userEmail(em, row.promoted);
        if (promoted)
          await context.mailer.queue(
            em,
            context.db,
            eventEmail(context.publicUrl, event, promoted, 'promoted'),
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
  return activeRegistration(context, event.id, context.viewer.userId);
}

export async function listRegistrations(
  context: Context,
  eventId: string,
): Promise<EventRegistration[]> {
  requireSeeRegistrations(await eventRights(context, eventId));
  return activeRegistrations(context, eventId);
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
