import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import {
  Event,
  EventParticipant,
  EventRegistration,
  EventStatus,
  Poll,
  PollOption,
  Question,
  QuestionModeration,
  QuestionStatus,
} from './events.entity.js';

export enum ModerationAction {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  MARK_ANSWERED = 'MARK_ANSWERED',
  PIN = 'PIN',
  UNPIN = 'UNPIN',
  ARCHIVE = 'ARCHIVE',
}
registerEnumType(ModerationAction, { name: 'ModerationAction' });

export enum QuestionOrder {
  TOP = 'TOP',
  RECENT = 'RECENT',
}
registerEnumType(QuestionOrder, {
  name: 'QuestionOrder',
  description: 'TOP: pinned, then most upvoted. RECENT: newest first.',
});

export enum EventActivityKind {
  EVENT_UPDATED = 'EVENT_UPDATED',
  QUESTION_ADDED = 'QUESTION_ADDED',
  QUESTION_UPDATED = 'QUESTION_UPDATED',
  VOTES_CHANGED = 'VOTES_CHANGED',
  POLL_UPDATED = 'POLL_UPDATED',
}
registerEnumType(EventActivityKind, { name: 'EventActivityKind' });

@InputType()
export class CreateEventInput {
  @IdField()
  spaceId!: string;

  @Field()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title!: string;

  @Field({ defaultValue: '' })
  @MaxLength(20000, { message: 'A description has at most 20 000 characters.' })
  description!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field({ defaultValue: 'Asia/Almaty', description: 'IANA time zone, e.g. Asia/Almaty.' })
  @Length(1, 64)
  timezone!: string;

  @Field({ defaultValue: '' })
  @MaxLength(300, { message: 'A location has at most 300 characters.' })
  location!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: 'Capacity is at least 1 (or empty for no limit).' })
  @Max(100000)
  capacity?: number | null;

  @Field(() => QuestionModeration, { defaultValue: QuestionModeration.PRE })
  questionModeration!: QuestionModeration;

  @Field({ defaultValue: true })
  allowAnonymousQuestions!: boolean;
}

@InputType()
export class UpdateEventInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(20000, { message: 'A description has at most 20 000 characters.' })
  description?: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  endsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64)
  timezone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  location?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field(() => QuestionModeration, { nullable: true })
  @IsOptional()
  questionModeration?: QuestionModeration;

  @Field({ nullable: true })
  @IsOptional()
  allowAnonymousQuestions?: boolean;
}

@InputType()
export class EventIdInput {
  @IdField()
  eventId!: string;
}

@InputType()
export class JoinEventInput {
  @Field({ description: 'The 6-character code shown at the venue.' })
  @Length(6, 6, { message: 'An event code has 6 characters.' })
  code!: string;

  @Field({ description: 'The name others see; for guests only this is stored.' })
  @Length(1, 80, { message: 'A name has 1 to 80 characters.' })
  displayName!: string;
}

@InputType()
export class AskQuestionInput {
  @IdField()
  eventId!: string;

  @Field()
  @Length(1, 500, { message: 'A question has 1 to 500 characters.' })
  body!: string;

  @Field({
    defaultValue: false,
    description: 'Ask without a name: nobody, not even moderators, can tell who asked.',
  })
  anonymous!: boolean;
}

@InputType()
export class QuestionIdInput {
  @IdField()
  questionId!: string;
}

@InputType()
export class ModerateQuestionInput {
  @IdField()
  questionId!: string;

  @Field(() => ModerationAction)
  action!: ModerationAction;
}

@InputType()
export class CreatePollInput {
  @IdField()
  eventId!: string;

  @Field()
  @Length(1, 300, { message: 'A poll question has 1 to 300 characters.' })
  question!: string;

  @Field(() => [String])
  @ArrayMinSize(2, { message: 'A poll has 2 to 10 options.' })
  @ArrayMaxSize(10, { message: 'A poll has 2 to 10 options.' })
  @Length(1, 200, { each: true, message: 'An option has 1 to 200 characters.' })
  options!: string[];

  @Field({ defaultValue: false })
  multipleChoice!: boolean;
}

@InputType()
export class PollIdInput {
  @IdField()
  pollId!: string;
}

@InputType()
export class VotePollInput {
  @IdField()
  pollId!: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'Choose at least one option.' })
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'Not a valid id.' })
  optionIds!: string[];
}

@InputType()
export class EventFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  networkId?: string;

  @Field({ nullable: true, description: 'Only events that have not ended.' })
  @IsOptional()
  upcoming?: boolean;

  @Field({ nullable: true, description: 'Only events in PUBLIC spaces.' })
  @IsOptional()
  public?: boolean;
}

@ArgsType()
export class QuestionsArgs {
  @IdField()
  eventId!: string;

  @Field(() => QuestionStatus, {
    nullable: true,
    description: 'Moderators may ask for PENDING or REJECTED.',
  })
  @IsOptional()
  status?: QuestionStatus;

  @Field(() => QuestionOrder, { defaultValue: QuestionOrder.TOP })
  orderBy!: QuestionOrder;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first: number = 50;
}

@ObjectType()
export class EventPayload {
  @Field(() => Event)
  event!: Event;
}

@ObjectType()
export class RegistrationPayload {
  @Field(() => EventRegistration)
  registration!: EventRegistration;
}

@ObjectType('EventPreview', {
  description:
    'What the holder of a join code sees before joining: enough to know it is the right event. The rest (place, link, polls) comes with `event(id)` once joined.',
})
export class EventPreview {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => EventStatus)
  status!: EventStatus;
}

@ObjectType()
export class JoinEventPayload {
  @Field(() => Event)
  event!: Event;

  @Field(() => EventParticipant)
  participant!: EventParticipant;

  @Field(() => String, {
    nullable: true,
    description:
      'For a guest: the token to send as `Authorization: Bearer <token>` (and as connectionParams.authorization on the socket). Shown once.',
  })
  guestToken!: string | null;
}

@ObjectType()
export class QuestionPayload {
  @Field(() => Question)
  question!: Question;
}

@ObjectType()
export class PollPayload {
  @Field(() => Poll)
  poll!: Poll;
}

@ObjectType()
export class PollOptionResult {
  @Field(() => PollOption)
  option!: PollOption;

  @Field(() => Int)
  votes!: number;

  @Field(() => Float, { description: 'Share of ballots that chose this option, 0 to 100.' })
  percentage!: number;
}

@ObjectType()
export class PollResults {
  @Field(() => Int)
  ballots!: number;

  @Field(() => [PollOptionResult])
  options!: PollOptionResult[];
}

@ObjectType()
export class EventViewerCan {
  @Field()
  edit!: boolean;

  @Field()
  moderate!: boolean;

  @Field()
  register!: boolean;

  @Field()
  ask!: boolean;
}

@ObjectType()
export class EventActivity {
  @Field(() => EventActivityKind)
  kind!: EventActivityKind;

  @Field(() => Event)
  event!: Event;

  @Field(() => ID, {
    nullable: true,
    description: 'The question concerned, even when the viewer may no longer see it.',
  })
  questionId!: string | null;

  @Field(() => Question, { nullable: true })
  question!: Question | null;

  @Field(() => Poll, { nullable: true })
  poll!: Poll | null;
}
