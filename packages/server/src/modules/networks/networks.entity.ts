import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'network' })
@ObjectType('Network', {
  simpleResolvers: true,
  description: 'Organisations that learn from each other; stewarded by one of them.',
})
export class Network {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  /** The steward organisation. */
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text', unique: true })
  @Field()
  slug!: string;

  @Property({ type: 'text' })
  @Field()
  name!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  description: string & Opt = '';

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'network_membership' })
export class NetworkMembership {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  networkId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'timestamptz' })
  joinedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'network_invitation' })
@ObjectType('NetworkInvitation', { simpleResolvers: true })
export class NetworkInvitation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  networkId!: string;

  /** The invited organisation. */
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}
