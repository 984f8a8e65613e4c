import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Audience, Public, SignedIn } from '../../platform/graphql/authorization.js';
import { renderMarkdown } from '../../platform/text/markdown.js';
import { User, userLoader } from '../accounts/index.js';
import { Space, readableSpace } from '../spaces/index.js';
import { Event, EventRegistration, Poll } from './events.entity.js';
import {
  CreateEventInput,
  EventActivity,
  EventFilter,
  EventIdInput,
  EventPayload,
  EventPreview,
  EventViewerCan,
  JoinEventInput,
  JoinEventPayload,
  RegistrationPayload,
  UpdateEventInput,
} from './events.inputs.js';
import * as events from './events.service.js';
import * as audience from './audience.service.js';
import * as registrations from './registrations.service.js';
import { listPolls } from './polls.service.js';
import { eventRights, eventViewerCan } from './events.policy.js';
import { liveEventActivity, type LiveEventActivity } from './events.live.js';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, {
    nullable: true,
    description: 'An event the viewer may see (PUBLIC ones without signing in).',
  })
  @Public()
  event(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Event | null> {
    return eventRights(context, id).then(
      ({ event }) => event,
      () => null,
    );
  }

  @Query(() => EventPreview, {
    nullable: true,
    description:
      'The published event with this join code, as its holder sees it before joining. Look-ups that match nothing are limited per client (RATE_LIMITED).',
  })
  @Public()
  eventByCode(@Arg('code') code: string, @Ctx() context: Context): Promise<EventPreview | null> {
    return audience.eventByCode(context, code);
  }

  @Query(() => [Event], { description: 'Events the viewer may see; upcoming ones soonest first.' })
  @Public()
  events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() context: Context,
  ): Promise<Event[]> {
    return events.listEvents(context, filter ?? undefined, Math.min(Math.max(first, 1), 200));
  }

  @Query(() => String, {
    description: 'Registrations as CSV (name, e-mail, status, time), for organisers.',
  })
  @SignedIn()
  eventRegistrationsCsv(
    @Arg('eventId', () => ID) eventId: string,
    @Ctx() context: Context,
  ): Promise<string> {
    return registrations.registrationsCsv(context, eventId);
  }

  @FieldResolver(() => String)
  descriptionHtml(@Root() event: Event): string {
    return renderMarkdown(event.description);
  }

  @FieldResolver(() => Space, { nullable: true })
  space(@Root() event: Event, @Ctx() context: Context): Promise<Space | null> {
    return readableSpace(context, event.spaceId).catch(() => null);
  }

  @FieldResolver(() => [EventRegistration], {
    nullable: true,
    description: 'For organisers; null for others.',
  })
  registrations(
    @Root() event: Event,
    @Ctx() context: Context,
  ): Promise<EventRegistration[] | null> {
    return registrations.listRegistrations(context, event.id).catch(() => null);
  }

  @FieldResolver(() => EventRegistration, { nullable: true })
  viewerRegistration(
    @Root() event: Event,
    @Ctx() context: Context,
  ): Promise<EventRegistration | null> {
    return registrations.viewerRegistration(context, event);
  }

  @FieldResolver(() => [Poll])
  polls(@Root() event: Event, @Ctx() context: Context): Promise<Poll[]> {
    return listPolls(context, event).catch(() => []);
  }

  @FieldResolver(() => EventViewerCan)
  async viewerCan(@Root() event: Event, @Ctx() context: Context): Promise<EventViewerCan> {
    const rights = await eventRights(context, event.id).catch(() => null);
    return eventViewerCan(context, event, rights);
  }

  @Mutation(() => EventPayload, {
    description: 'A draft event in a space (its organisation admins).',
  })
  @SignedIn()
  async createEvent(@Arg('input') input: CreateEventInput, @Ctx() context: Context) {
    return { event: await events.createEvent(context, input) };
  }

  @Mutation(() => EventPayload)
  @SignedIn()
  async updateEvent(@Arg('input') input: UpdateEventInput, @Ctx() context: Context) {
    return { event: await events.updateEvent(context, input) };
  }

  @Mutation(() => EventPayload, {
    description: 'Opens registration and gives the event its join code.',
  })
  @SignedIn()
  async publishEvent(@Arg('input') input: EventIdInput, @Ctx() context: Context) {
    return { event: await events.publishEvent(context, input.eventId) };
  }

  @Mutation(() => EventPayload, { description: 'Cancels the event and tells everyone registered.' })
  @SignedIn()
  async cancelEvent(@Arg('input') input: EventIdInput, @Ctx() context: Context) {
    return { event: await events.cancelEvent(context, input.eventId) };
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Registers, or joins the waitlist when the event is full.',
  })
  @SignedIn()
  async registerForEvent(@Arg('input') input: EventIdInput, @Ctx() context: Context) {
    return { registration: await registrations.registerForEvent(context, input.eventId) };
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Frees the seat; the first on the waitlist moves up.',
  })
  @SignedIn()
  async cancelRegistration(@Arg('input') input: EventIdInput, @Ctx() context: Context) {
    return { registration: await registrations.cancelRegistration(context, input.eventId) };
  }

  @Mutation(() => JoinEventPayload, {
    description: 'Joins the audience with the code: signed in, or as a guest.',
  })
  @Public()
  joinEvent(@Arg('input') input: JoinEventInput, @Ctx() context: Context) {
    return audience.joinEvent(context, input.code, input.displayName);
  }

  @Subscription(() => EventActivity, {
    description:
      'Questions added, approved, voted and answered, and polls: what the viewer may see, as it happens.',
    subscribe: ({ args, context }) => liveEventActivity(context as Context, String(args.eventId)),
  })
  @Audience()
  eventUpdated(
    @Arg('eventId', () => ID) _eventId: string,
    @Root() activity: LiveEventActivity,
  ): EventActivity {
    return activity;
  }
}

@Resolver(() => EventRegistration)
export class EventRegistrationResolver {
  @FieldResolver(() => User, { nullable: true })
  user(@Root() registration: EventRegistration, @Ctx() context: Context): Promise<User | null> {
    return userLoader(context).load(registration.userId);
  }
}
