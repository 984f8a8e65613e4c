import { randomUUID } from 'node:crypto';
import { Entity, JsonType, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

@Entity({ tableName: 'audit_event' })
@ObjectType('AuditEvent', {
  simpleResolvers: true,
  description: 'One change to an organisation: who did what to which target, when. Append-only.',
})
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorTokenId?: string | null;

  @Property({ type: 'text' })
  @Field({ description: 'What happened, e.g. `member.role_changed`.' })
  action!: string;

  @Property({ type: 'text' })
  @Field()
  targetType!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  targetId?: string | null;

  @Property({ type: JsonType })
  @Field(() => GraphQLJSONObject)
  data: Record<string, unknown> & Opt = {};

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();
}
