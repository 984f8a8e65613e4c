import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OrganisationKind {
  NGO = 'NGO',
  BUSINESS = 'BUSINESS',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  MEDIA = 'MEDIA',
  ACADEMIC = 'ACADEMIC',
  PROJECT_OFFICE = 'PROJECT_OFFICE',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

/** Ordered: each role can do what the ones before it can. */
export enum MemberRole {
  MEMBER = 'MEMBER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
  OWNER = 'OWNER',
}
registerEnumType(MemberRole, { name: 'MemberRole' });

export const ROLE_RANK: Record<MemberRole, number> = {
  MEMBER: 1,
  MODERATOR: 2,
  ADMIN: 3,
  OWNER: 4,
};

@Entity({ tableName: 'organisation' })
@ObjectType('Organisation', {
  simpleResolvers: true,
  description:
    'A tenant: an NGO, business, public institution, media outlet, university or project office.',
})
export class Organisation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Lower-case letters, digits and dashes; unique.' })
  slug!: string;

  @Property({ type: 'text' })
  @Field()
  name!: string;

  @Enum({ items: () => OrganisationKind, nativeEnumName: 'organisation_kind' })
  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Property({ type: 'text' })
  @Field(() => String)
  description: string & Opt = '';

  @Property({ type: 'text' })
  @Field(() => String)
  city: string & Opt = '';

  @Property({ type: 'text' })
  @Field(() => String)
  country: string & Opt = '';

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'membership' })
@ObjectType('Membership', {
  simpleResolvers: true,
  description: "A person's role in an organisation.",
})
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => MemberRole, nativeEnumName: 'member_role' })
  @Field(() => MemberRole)
  role!: MemberRole;

  @Property({ type: 'timestamptz' })
  @Field(() => Date, { description: 'When the person joined.' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'invitation' })
@ObjectType('Invitation', {
  simpleResolvers: true,
  description: 'An e-mailed, single-use invitation to join.',
})
export class Invitation {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  @Field()
  email!: string;

  @Enum({ items: () => MemberRole, nativeEnumName: 'member_role' })
  @Field(() => MemberRole)
  role!: MemberRole;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  acceptedBy?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}
