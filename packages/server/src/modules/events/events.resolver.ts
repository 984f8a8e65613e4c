import {
  Arg,
  Args,
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
import { User } from '../accounts/accounts.entity.js';
import { userLoader } from '../accounts/accounts.service.js';
import { Space } from '../spaces/spaces.entity.js';
import { readableSpace } from '../spaces/spaces.service.js';
import {
  Event,
  EventRegistration,
  Poll,
  PollOption,
  PollStatus,
  Question,
} from './events.entity.js';
import {
  AskQuestionInput,
  CreateEventInput,
  CreatePollInput,
  EventActivity,
  EventFilter,
  EventIdInput,
  EventPayload,
  EventPreview,
  EventViewerCan,
  JoinEventInput,
  JoinEventPayload,
  ModerateQuestionInput,
  PollIdInput,
  PollPayload,
  PollResults,
  QuestionIdInput,
  QuestionPayload,
  QuestionsArgs,
  RegistrationPayload,
  UpdateEventInput,
  VotePollInput,
} from './events.inputs.js';
import * as events from './events.service.js';
import { liveEventActivity, type LiveEventActivity } from './events.live.js';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, {
    nullable: true,
    description: 'An event the viewer may see (PUBLIC ones without signing in).',
  })
  @Public()
  event(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Event | null> {
    return events.eventRights(context, id).then(
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
    return events.eventByCode(context, code);
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

  @Query(() => [Question], {
    description: 'The audience sees approved and answered questions; moderators any status.',
  })
  @Audience()
  questions(@Args() args: QuestionsArgs, @Ctx() context: Context): Promise<Question[]> {
    return events.listQuestions(context, args);
  }

  @Query(() => String, {
    description: 'Registrations as CSV (name, e-mail, status, time), for organisers.',
  })
  @SignedIn()
  eventRegistrationsCsv(
    @Arg('eventId', () => ID) eventId: string,
    @Ctx() context: Context,
  ): Promise<string> {
    return events.registrationsCsv(context, eventId);
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
    return events.listRegistrations(context, event.id).catch(() => null);
  }

  @FieldResolver(() => EventRegistration, { nullable: true })
  viewerRegistration(
    @Root() event: Event,
    @Ctx() context: Context,
  ): Promise<EventRegistration | null> {
    return events.viewerRegistration(context, event);
  }

  @FieldResolver(() => [Poll])
  polls(@Root() event: Event, @Ctx() context: Context): Promise<Poll[]> {
    return events.listPolls(context, event).catch(() => []);
  }

  @FieldResolver(() => EventViewerCan)
  async viewerCan(@Root() event: Event, @Ctx() context: Context): Promise<EventViewerCan> {
    const rights = await events.eventRights(context, event.id).catch(() => null);
    const open = event.status === 'PUBLISHED' && event.endsAt.getTime() > Date.now();
    return {
      edit: !!rights?.organise,
      moderate: !!rights?.moderate,
      register: open && context.viewer.kind === 'user',
      ask: open && (context.viewer.kind === 'user' || context.viewer.kind === 'guest'),
    };
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
    return { registration: await events.registerForEvent(context, input.eventId) };
  }

  @Mutation(() => RegistrationPayload, {
    description: 'Frees the seat; the first on the waitlist moves up.',
  })
  @SignedIn()
  async cancelRegistration(@Arg('input') input: EventIdInput, @Ctx() context: Context) {
    return { registration: await events.cancelRegistration(context, input.eventId) };
  }

  @Mutation(() => JoinEventPayload, {
    description: 'Joins the audience with the code: signed in, or as a guest.',
  })
  @Public()
  joinEvent(@Arg('input') input: JoinEventInput, @Ctx() context: Context) {
    return events.joinEvent(context, input.code, input.displayName);
  }

  @Mutation(() => QuestionPayload)
  @Audience()
  async askQuestion(@Arg('input') input: AskQuestionInput, @Ctx() context: Context) {
    return {
      question: await events.askQuestion(context, input.eventId, input.body, input.anonymous),
    };
  }

  @Mutation(() => QuestionPayload, { description: 'One upvote per participant; again is a no-op.' })
  @Audience()
  async upvoteQuestion(@Arg('input') input: QuestionIdInput, @Ctx() context: Context) {
    return { question: await events.setUpvote(context, input.questionId, true) };
  }

  @Mutation(() => QuestionPayload)
  @Audience()
  async removeUpvote(@Arg('input') input: QuestionIdInput, @Ctx() context: Context) {
    return { question: await events.setUpvote(context, input.questionId, false) };
  }

  @Mutation(() => QuestionPayload, { description: "The organisation's moderators and up." })
  @SignedIn()
  async moderateQuestion(@Arg('input') input: ModerateQuestionInput, @Ctx() context: Context) {
    return { question: await events.moderateQuestion(context, input.questionId, input.action) };
  }

  @Mutation(() => PollPayload, { description: 'A draft poll (moderators).' })
  @SignedIn()
  async createPoll(@Arg('input') input: CreatePollInput, @Ctx() context: Context) {
    return {
      poll: await events.createPoll(
        context,
        input.eventId,
        input.question,
        input.options,
        input.multipleChoice,
      ),
    };
  }

  @Mutation(() => PollPayload)
  @SignedIn()
  async openPoll(@Arg('input') input: PollIdInput, @Ctx() context: Context) {
    return { poll: await events.setPollStatus(context, input.pollId, PollStatus.OPEN) };
  }

  @Mutation(() => PollPayload)
  @SignedIn()
  async closePoll(@Arg('input') input: PollIdInput, @Ctx() context: Context) {
    return { poll: await events.setPollStatus(context, input.pollId, PollStatus.CLOSED) };
  }

  @Mutation(() => PollPayload, {
    description: 'One ballot per participant, changeable while the poll is open.',
  })
  @Audience()
  async votePoll(@Arg('input') input: VotePollInput, @Ctx() context: Context) {
    return { poll: await events.votePoll(context, input.pollId, input.optionIds) };
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

@Resolver(() => Question)
export class QuestionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The asker's name; null for anonymous questions.",
  })
  authorName(@Root() question: Question, @Ctx() context: Context): Promise<string | null> {
    return events.questionAuthorName(context, question);
  }

  @FieldResolver(() => Boolean)
  viewerUpvoted(@Root() question: Question, @Ctx() context: Context): Promise<boolean> {
    return events.viewerUpvoted(context).load(question.id).then(Boolean);
  }
}

@Resolver(() => Poll)
export class PollResolver {
  @FieldResolver(() => [PollOption])
  options(@Root() poll: Poll, @Ctx() context: Context): Promise<PollOption[]> {
    return events.pollOptions(context, poll);
  }

  @FieldResolver(() => PollResults, {
    description: 'Counts and percentages of ballots per option.',
  })
  results(@Root() poll: Poll, @Ctx() context: Context): Promise<PollResults> {
    return events.pollResults(context, poll);
  }

  @FieldResolver(() => [ID], { nullable: true, description: "The options of the viewer's ballot." })
  viewerChoice(@Root() poll: Poll, @Ctx() context: Context): Promise<string[] | null> {
    return events.viewerBallot(context, poll);
  }
}

@Resolver(() => EventRegistration)
export class EventRegistrationResolver {
  @FieldResolver(() => User, { nullable: true })
  user(@Root() registration: EventRegistration, @Ctx() context: Context): Promise<User | null> {
    return userLoader(context).load(registration.userId);
  }
}
