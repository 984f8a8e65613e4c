import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import { SLUG_PATTERN } from '../organisations/index.js';
import { Network, NetworkInvitation } from './networks.entity.js';

const slugMessage = 'Use 2 to 60 lower-case letters, digits and single dashes.';

@InputType()
export class CreateNetworkInput {
  @Field(() => ID, { description: 'The organisation that creates the network and stewards it.' })
  @IsUUID('all', { message: 'Not a valid id.' })
  organisationId!: string;

  @Field()
  @Length(2, 120, { message: 'A name has 2 to 120 characters.' })
  name!: string;

  @Field()
  @Length(2, 60, { message: slugMessage })
  @Matches(SLUG_PATTERN, { message: slugMessage })
  slug!: string;

  @Field({ defaultValue: '' })
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description!: string;
}

@InputType()
export class InviteOrganisationToNetworkInput {
  @IdField()
  networkId!: string;

  @Field({ description: 'The slug of the organisation to invite.' })
  @Length(2, 60, { message: slugMessage })
  organisationSlug!: string;
}

@InputType()
export class AcceptNetworkInvitationInput {
  @IdField()
  invitationId!: string;
}

@InputType()
export class LeaveNetworkInput {
  @IdField()
  networkId!: string;

  @IdField()
  organisationId!: string;
}

@ObjectType()
export class NetworkPayload {
  @Field(() => Network)
  network!: Network;
}

@ObjectType()
export class NetworkInvitationPayload {
  @Field(() => NetworkInvitation)
  invitation!: NetworkInvitation;
}

@ObjectType()
export class NetworkViewerCan {
  @Field({ description: 'Invite organisations (admins of the steward).' })
  invite!: boolean;
}
