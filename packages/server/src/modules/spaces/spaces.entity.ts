import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum SpaceVisibility {
  ORGANISATION = 'ORGANISATION',
  NETWORK = 'NETWORK',
  PUBLIC = 'PUBLIC',
}
registerEnumType(SpaceVisibility, {
  name: 'SpaceVisibility',
  description:
    'ORGANISATION: its members and the organisations it is shared with. NETWORK: also every organisation of its network. PUBLIC: anyone may read.',
});

@Entity({ tableName: 'space' })
@ObjectType('Space', {
  simpleResolvers: true,
  description: 'Where content lives: threads, resources, events.',
})
export class Space {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid', nullable: true })
  networkId?: string | null;

  @Property({ type: 'text' })
  @Field()
  name!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  description: string & Opt = '';

  @Enum({ items: () => SpaceVisibility, nativeEnumName: 'space_visibility' })
  @Field(() => SpaceVisibility)
  visibility!: SpaceVisibility;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'space_participant' })
export class SpaceParticipant {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  spaceId!: string;

  /** The organisation the space is shared with. */
  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
