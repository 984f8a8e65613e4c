import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { SignedIn, SignedInOrToken } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { Organisation, organisationLoader } from '../organisations/index.js';
import { Network, NetworkInvitation } from './networks.entity.js';
import {
  AcceptNetworkInvitationInput,
  CreateNetworkInput,
  InviteOrganisationToNetworkInput,
  LeaveNetworkInput,
  NetworkInvitationPayload,
  NetworkPayload,
  NetworkViewerCan,
} from './networks.inputs.js';
import { networkLoader } from './networks.reads.js';
import { mayInvite } from './networks.policy.js';
import * as networks from './networks.service.js';

const OrganisationConnection = ConnectionType(Organisation, 'Organisation');

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, {
    nullable: true,
    description: 'A network, visible to its member organisations and to those it invited.',
  })
  @SignedInOrToken('READ')
  network(@Arg('slug') slug: string, @Ctx() context: Context): Promise<Network | null> {
    return networks.networkBySlug(context, slug);
  }

  @Query(() => [NetworkInvitation], {
    description: 'Network invitations waiting for this organisation (admins).',
  })
  @SignedIn()
  networkInvitations(
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() context: Context,
  ) {
    return networks.pendingNetworkInvitations(context, organisationId);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation that stewards the network.' })
  async steward(@Root() network: Network, @Ctx() context: Context): Promise<Organisation> {
    return (await organisationLoader(context).load(network.organisationId))!;
  }

  @FieldResolver(() => OrganisationConnection, {
    description: 'Member organisations, in the order they joined.',
  })
  members(@Root() network: Network, @Args() page: PageArgs, @Ctx() context: Context) {
    return networks.memberOrganisations(context, network, page);
  }

  @FieldResolver(() => NetworkViewerCan)
  async viewerCan(@Root() network: Network, @Ctx() context: Context): Promise<NetworkViewerCan> {
    return { invite: await mayInvite(context, network) };
  }

  @Mutation(() => NetworkPayload, {
    description: 'Creates a network stewarded by the given organisation (admins).',
  })
  @SignedIn()
  async createNetwork(@Arg('input') input: CreateNetworkInput, @Ctx() context: Context) {
    return { network: await networks.createNetwork(context, input) };
  }

  @Mutation(() => NetworkInvitationPayload)
  @SignedIn()
  async inviteOrganisationToNetwork(
    @Arg('input') input: InviteOrganisationToNetworkInput,
    @Ctx() context: Context,
  ) {
    return { invitation: await networks.inviteOrganisation(context, input) };
  }

  @Mutation(() => NetworkInvitationPayload)
  @SignedIn()
  async acceptNetworkInvitation(
    @Arg('input') input: AcceptNetworkInvitationInput,
    @Ctx() context: Context,
  ) {
    return { invitation: await networks.acceptNetworkInvitation(context, input.invitationId) };
  }

  @Mutation(() => NetworkPayload, {
    description:
      'Takes an organisation out of a network; its network-wide spaces become its own again.',
  })
  @SignedIn()
  async leaveNetwork(@Arg('input') input: LeaveNetworkInput, @Ctx() context: Context) {
    return { network: await networks.leaveNetwork(context, input.networkId, input.organisationId) };
  }
}

@Resolver(() => NetworkInvitation)
export class NetworkInvitationResolver {
  @FieldResolver(() => Network)
  async network(@Root() invitation: NetworkInvitation, @Ctx() context: Context): Promise<Network> {
    return (await networkLoader(context).load(invitation.networkId))!;
  }

  @FieldResolver(() => Organisation, { description: 'The invited organisation.' })
  async organisation(
    @Root() invitation: NetworkInvitation,
    @Ctx() context: Context,
  ): Promise<Organisation> {
    return (await organisationLoader(context).load(invitation.organisationId))!;
  }
}

@Resolver(() => Organisation)
export class OrganisationNetworksResolver {
  @FieldResolver(() => [Network], {
    description: 'The networks the organisation belongs to (for its members).',
  })
  networks(@Root() organisation: Organisation, @Ctx() context: Context): Promise<Network[]> {
    return networks.organisationNetworks(context, organisation.id);
  }
}
