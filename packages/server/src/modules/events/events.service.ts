import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import { recordAudit } from '../audit/index.js';
import { readableSpaceIds } from '../spaces/index.js';
import { Event, EventStatus } from './events.entity.js';
import {
  EventActivityKind,
  type CreateEventInput,
  type EventFilter,
  type UpdateEventInput,
} from './events.inputs.js';
import { publishEventActivity } from './events.live.js';
import { requireCreateEvent, requireOrganiser } from './events.policy.js';
import { eventsInSpaces } from './events.reads.js';
import { newJoinCode } from './audience.service.js';
import { tellRegistrantsCancelled } from './registrations.service.js';

/*
 * Events themselves: creating, editing, publishing (with the join code), cancelling, listing.
 * Registrations, the audience, questions and polls have their own services beside this one.
 */

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
  const space = await requireCreateEvent(context, input.spaceId);
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

export async function updateEvent(context: Context, input: UpdateEventInput): Promise<Event> {
  const event = await requireOrganiser(context, input.id);
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
    publishEventActivity(context, { kind: EventActivityKind.EVENT_UPDATED, eventId: event.id });
    return managed;
  });
}

export async function publishEvent(context: Context, eventId: string): Promise<Event> {
  const event = await requireOrganiser(context, eventId);
  if (event.status !== EventStatus.DRAFT) {
    throw BadUserInput.field('eventId', 'NOT_DRAFT', 'Only a draft can be published.');
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await context.db.write(async (em) => {
        const managed = em.merge(event);
        managed.status = EventStatus.PUBLISHED;
        managed.code = newJoinCode();
        managed.publishedAt = new Date();
        recordAudit(em, context, {
          organisationId: event.organisationId,
          action: 'event.published',
          targetType: 'Event',
          targetId: event.id,
        });
        await em.flush();
        publishEventActivity(context, { kind: EventActivityKind.EVENT_UPDATED, eventId: event.id });
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
  const event = await requireOrganiser(context, eventId);
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
    await tellRegistrantsCancelled(em, context, managed);
    publishEventActivity(context, { kind: EventActivityKind.EVENT_UPDATED, eventId: event.id });
    return managed;
  });
}

export async function listEvents(
  context: Context,
  filter: EventFilter | undefined,
  first: number,
): Promise<Event[]> {
  const spaceIds = await readableSpaceIds(context);
  if (spaceIds.length === 0) return [];
  return eventsInSpaces(context, spaceIds, filter, first);
}
