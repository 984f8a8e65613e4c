import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'notification' })
@ObjectType('Notification', {
  simpleResolvers: true,
  description: 'Something that happened for the viewer, e.g. a mention.',
})
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  /** Absent for what happens outside spaces (a change of an organisation's case handlers). */
  @Property({ type: 'uuid', nullable: true })
  spaceId?: string | null;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'text' })
  @Field({ description: 'What happened: MENTION, or REPORT_HANDLERS_CHANGED.' })
  kind!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  threadId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  postId?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  readAt?: Date | null;
}
