import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IdField, IsEmailAddress } from '../../platform/graphql/validators.js';
import {
  Invitation,
  Membership,
  MemberRole,
  Organisation,
  OrganisationKind,
} from './organisations.entity.js';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugMessage =
  'Use 2 to 60 lower-case letters, digits and single dashes, e.g. "almaty-integrity".';

@InputType()
export class CreateOrganisationInput {
  @Field()
  @Length(2, 120, { message: 'A name has 2 to 120 characters.' })
  name!: string;

  @Field()
  @Length(2, 60, { message: slugMessage })
  @Matches(SLUG_PATTERN, { message: slugMessage })
  slug!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field({ defaultValue: '' })
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description!: string;

  @Field({ defaultValue: '' })
  @MaxLength(120, { message: 'A city has at most 120 characters.' })
  city!: string;

  @Field({ defaultValue: '' })
  @MaxLength(120, { message: 'A country has at most 120 characters.' })
  country!: string;
}

@InputType()
export class UpdateOrganisationInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 120, { message: 'A name has 2 to 120 characters.' })
  name?: string;

  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  kind?: OrganisationKind;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(120, { message: 'A city has at most 120 characters.' })
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(120, { message: 'A country has at most 120 characters.' })
  country?: string;
}

@InputType()
export class InviteMemberInput {
  @IdField()
  organisationId!: string;

  @Field()
  @MaxLength(254, { message: 'An e-mail address has at most 254 characters.' })
  @IsEmailAddress()
  email!: string;

  @Field(() => MemberRole, { defaultValue: MemberRole.MEMBER })
  role!: MemberRole;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The secret from the e-mailed link.' })
  @Length(20, 200, { message: 'This invitation link is not valid.' })
  token!: string;
}

@InputType()
export class IdInput {
  @IdField()
  id!: string;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID, { description: 'The membership to change.' })
  @IsUUID('all', { message: 'Not a valid id.' })
  membershipId!: string;

  @Field(() => MemberRole)
  role!: MemberRole;
}

@InputType()
export class RemoveMemberInput {
  @IdField()
  membershipId!: string;
}

@InputType()
export class LeaveOrganisationInput {
  @IdField()
  organisationId!: string;
}

@ObjectType({
  description:
    'What the holder of an invitation link may know before signing up: who invites, and which address was invited.',
})
export class InvitationPreview {
  @Field({ description: 'The name of the organisation that invites.' })
  organisationName!: string;

  @Field({
    description: 'The address the invitation was sent to; only that address can accept it.',
  })
  email!: string;
}

@ObjectType()
export class OrganisationPayload {
  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType()
export class InvitationPayload {
  @Field(() => Invitation)
  invitation!: Invitation;
}

@ObjectType()
export class MembershipPayload {
  @Field(() => Membership)
  membership!: Membership;
}

@ObjectType()
export class RemovedMembershipPayload {
  @Field(() => ID)
  removedMembershipId!: string;
}

@ObjectType()
export class OrganisationViewerCan {
  @Field({ description: 'Edit the profile.' })
  update!: boolean;

  @Field({ description: 'Invite people, change roles, remove members.' })
  manageMembers!: boolean;

  @Field({ description: 'Create spaces and share them.' })
  manageSpaces!: boolean;

  @Field({ description: 'Create and revoke API tokens.' })
  manageApiTokens!: boolean;

  @Field({ description: 'Read the audit log.' })
  readAuditLog!: boolean;

  @Field({ description: 'Create networks and invite organisations to them.' })
  manageNetworks!: boolean;
}
