import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public, SignedIn, SignedInOrToken } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { User, userLoader } from '../accounts/index.js';
import { Invitation, Membership, MemberRole, Organisation } from './organisations.entity.js';
import {
  AcceptInvitationInput,
  ChangeMemberRoleInput,
  CreateOrganisationInput,
  IdInput,
  InvitationPayload,
  InvitationPreview,
  InviteMemberInput,
  LeaveOrganisationInput,
  MembershipPayload,
  OrganisationPayload,
  OrganisationViewerCan,
  RemovedMembershipPayload,
  RemoveMemberInput,
  UpdateOrganisationInput,
} from './organisations.inputs.js';
import { mayAdminister, viewerRole } from './organisations.policy.js';
import { organisationBySlug } from './organisations.reads.js';
import * as organisations from './organisations.service.js';

export const MembershipConnection = ConnectionType(Membership, 'Membership');
const InvitationConnection = ConnectionType(Invitation, 'Invitation');

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, {
    nullable: true,
    description:
      'An organisation by its slug. Profiles are a public directory; members and everything else are not.',
  })
  @Public()
  organisation(@Arg('slug') slug: string, @Ctx() context: Context): Promise<Organisation | null> {
    return organisationBySlug(context, slug);
  }

  @Query(() => InvitationPreview, {
    nullable: true,
    description:
      'Who invites and which address, for the holder of an invitation link (null once it is used, withdrawn or expired). Rate-limited per client address.',
  })
  @Public()
  invitationPreview(
    @Arg('token') token: string,
    @Ctx() context: Context,
  ): Promise<InvitationPreview | null> {
    return organisations.invitationPreview(context, token);
  }

  @Query(() => MembershipConnection, {
    description: "An organisation's members, longest-standing first.",
  })
  @SignedInOrToken('READ')
  members(
    @Arg('organisationId', () => ID) organisationId: string,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return organisations.listMembers(context, organisationId, page);
  }

  @Query(() => InvitationConnection, {
    description: "An organisation's invitations, newest first (admins).",
  })
  @SignedIn()
  invitations(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('pendingOnly', { defaultValue: true }) pendingOnly: boolean,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return organisations.listInvitations(context, organisationId, pendingOnly, page);
  }

  @FieldResolver(() => MemberRole, {
    nullable: true,
    description: "The viewer's role here, if a member.",
  })
  viewerRole(
    @Root() organisation: Organisation,
    @Ctx() context: Context,
  ): Promise<MemberRole | null> {
    return viewerRole(context, organisation.id);
  }

  @FieldResolver(() => OrganisationViewerCan, { description: 'What the viewer may do here.' })
  async viewerCan(
    @Root() organisation: Organisation,
    @Ctx() context: Context,
  ): Promise<OrganisationViewerCan> {
    const admin = await mayAdminister(context, organisation.id);
    return {
      update: admin,
      manageMembers: admin,
      manageSpaces: admin,
      manageApiTokens: admin,
      readAuditLog: admin,
      manageNetworks: admin,
    };
  }

  @Mutation(() => OrganisationPayload, {
    description: 'Creates an organisation; the creator becomes its OWNER.',
  })
  @SignedIn()
  async createOrganisation(@Arg('input') input: CreateOrganisationInput, @Ctx() context: Context) {
    return { organisation: await organisations.createOrganisation(context, input) };
  }

  @Mutation(() => OrganisationPayload)
  @SignedIn()
  async updateOrganisation(@Arg('input') input: UpdateOrganisationInput, @Ctx() context: Context) {
    return { organisation: await organisations.updateOrganisation(context, input) };
  }

  @Mutation(() => InvitationPayload, {
    description:
      'E-mails a single-use link, valid for 7 days. ADMINs invite up to ADMIN; only an OWNER invites an OWNER.',
  })
  @SignedIn()
  async inviteMember(@Arg('input') input: InviteMemberInput, @Ctx() context: Context) {
    return { invitation: await organisations.inviteMember(context, input) };
  }

  @Mutation(() => MembershipPayload, {
    description: 'Joins with the secret from an invitation e-mail.',
  })
  @SignedIn()
  async acceptInvitation(@Arg('input') input: AcceptInvitationInput, @Ctx() context: Context) {
    return { membership: await organisations.acceptInvitation(context, input.token) };
  }

  @Mutation(() => InvitationPayload)
  @SignedIn()
  async revokeInvitation(@Arg('input') input: IdInput, @Ctx() context: Context) {
    return { invitation: await organisations.revokeInvitation(context, input.id) };
  }

  @Mutation(() => MembershipPayload, { description: 'The last OWNER cannot be demoted.' })
  @SignedIn()
  async changeMemberRole(@Arg('input') input: ChangeMemberRoleInput, @Ctx() context: Context) {
    return { membership: await organisations.changeMemberRole(context, input) };
  }

  @Mutation(() => RemovedMembershipPayload)
  @SignedIn()
  async removeMember(@Arg('input') input: RemoveMemberInput, @Ctx() context: Context) {
    return { removedMembershipId: await organisations.removeMember(context, input.membershipId) };
  }

  @Mutation(() => RemovedMembershipPayload, { description: 'The last OWNER cannot leave.' })
  @SignedIn()
  async leaveOrganisation(@Arg('input') input: LeaveOrganisationInput, @Ctx() context: Context) {
    return {
      removedMembershipId: await organisations.leaveOrganisation(context, input.organisationId),
    };
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Organisation)
  async organisation(
    @Root() membership: Membership,
    @Ctx() context: Context,
  ): Promise<Organisation> {
    return (await organisations.organisationLoader(context).load(membership.organisationId))!;
  }

  @FieldResolver(() => User)
  async user(@Root() membership: Membership, @Ctx() context: Context): Promise<User> {
    return (await userLoader(context).load(membership.userId))!;
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @FieldResolver(() => Organisation)
  async organisation(
    @Root() invitation: Invitation,
    @Ctx() context: Context,
  ): Promise<Organisation> {
    return (await organisations.organisationLoader(context).load(invitation.organisationId))!;
  }
}

@Resolver(() => User)
export class UserMembershipsResolver {
  @FieldResolver(() => MembershipConnection, {
    nullable: true,
    description: "The person's organisations and roles; only the viewer sees their own.",
  })
  async memberships(@Root() user: User, @Args() page: PageArgs, @Ctx() context: Context) {
    if (context.viewer.kind !== 'user' || context.viewer.userId !== user.id) return null;
    return organisations.listViewerMemberships(context, page);
  }
}
