import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { InSpace } from '../../platform/database/in-space.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
export enum QuestionModeration {
  PRE = 'PRE',
  POST = 'POST',
}
export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
export enum QuestionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  ANSWERED = 'ANSWERED',
  ARCHIVED = 'ARCHIVED',
}
export enum PollStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(QuestionModeration, {
  name: 'QuestionModeration',
  description:
    'PRE: questions wait for a moderator. POST: they show at once and moderators act afterwards.',
});
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(QuestionStatus, { name: 'QuestionStatus' });
registerEnumType(PollStatus, { name: 'PollStatus' });

@Entity({ tableName: 'event' })
@ObjectType('Event', {
  simpleResolvers: true,
  description: 'A public dialogue: registration, live Q&A and polls.',
})
export class Event extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  @Field()
  title!: string;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'Markdown.' })
  description: string & Opt = '';

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  endsAt!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'IANA time zone of the venue, e.g. Asia/Almaty.' })
  timezone!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  location: string & Opt = '';

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Seats; further registrations join the waitlist.',
  })
  capacity?: number | null;

  @Enum({ items: () => QuestionModeration, nativeEnumName: 'question_moderation' })
  @Field(() => QuestionModeration)
  questionModeration!: QuestionModeration;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  allowAnonymousQuestions!: boolean;

  @Enum({ items: () => EventStatus, nativeEnumName: 'event_status' })
  @Field(() => EventStatus)
  status!: EventStatus;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The audience joins with it; set when published.',
  })
  code?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt?: Date | null;
}

@Entity({ tableName: 'event_registration' })
@ObjectType('EventRegistration', { simpleResolvers: true })
export class EventRegistration extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => RegistrationStatus, nativeEnumName: 'registration_status' })
  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'event_participant' })
@ObjectType('EventParticipant', {
  simpleResolvers: true,
  description: 'Someone in the audience: a person or a guest.',
})
export class EventParticipant extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid', nullable: true })
  userId?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  guestTokenHash?: string | null;

  @Property({ type: 'text' })
  @Field()
  displayName!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'question' })
@ObjectType('Question', { simpleResolvers: true, description: "An audience member's question." })
export class Question extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  eventId!: string;

  /** Null for anonymous questions: nobody can tell who asked. */
  @Property({ type: 'uuid', nullable: true })
  participantId?: string | null;

  @Property({ type: 'text' })
  @Field()
  body!: string;

  /**
   * The name the asker chose to show, as it was when they asked; null when anonymous. Set by the
   * database from the asker's participant row (migration 000330), so it cannot be another's.
   */
  @Property({ type: 'text', nullable: true })
  authorName?: string | null;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  anonymous!: boolean;

  @Enum({ items: () => QuestionStatus, nativeEnumName: 'question_status' })
  @Field(() => QuestionStatus)
  status!: QuestionStatus;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  pinned: boolean & Opt = false;

  @Property({ type: 'integer' })
  @Field(() => Int)
  upvoteCount: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'poll' })
@ObjectType('Poll', { simpleResolvers: true })
export class Poll extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'text' })
  @Field()
  question!: string;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  multipleChoice!: boolean;

  @Enum({ items: () => PollStatus, nativeEnumName: 'poll_status' })
  @Field(() => PollStatus)
  status!: PollStatus;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  openedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}

@Entity({ tableName: 'poll_option' })
@ObjectType('PollOption', { simpleResolvers: true })
export class PollOption extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  pollId!: string;

  @Property({ type: 'text' })
  @Field()
  label!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  position!: number;
}

@Entity({ tableName: 'poll_ballot' })
export class PollBallot extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  pollId!: string;

  @Property({ type: 'uuid' })
  participantId!: string;

  @Property({ type: ArrayType<string> })
  optionIds!: string[];

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
