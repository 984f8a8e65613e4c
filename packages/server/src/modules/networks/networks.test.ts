import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuery, startTestServer, type TestServer } from '../../test/harness.js';
import {
  Factories,
  MemberRole,
  SpaceVisibility,
  type OrganisationWithMembers,
} from '../../test/factories.js';
import {
  acceptNetworkInvitation,
  createNetwork,
  inviteOrganisation,
  leaveNetwork,
  memberOrganisations,
  networkBySlug,
  organisationNetworks,
  pendingNetworkInvitations,
  readableNetwork,
} from './networks.service.js';
import { viewerNetworkIds } from './networks.reads.js';

/** An error's GraphQL code and, for field errors, its reason. */
async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
    const fields = extensions.fields as Array<{ reason: string }> | undefined;
    return { code: extensions.code, reason: fields?.[0]?.reason };
  }
  throw new Error('expected a refusal, got an answer');
}

describe('networks', () => {
  let server: TestServer;
  let make: Factories;
  let steward: OrganisationWithMembers;
  let peer: OrganisationWithMembers;
  let outsider: OrganisationWithMembers;

  beforeAll(async () => {
    server = await startTestServer();
    make = new Factories(server);
    steward = await make.organisation({ roles: [MemberRole.ADMIN, MemberRole.MEMBER] });
    peer = await make.organisation({ roles: [MemberRole.MEMBER] });
    outsider = await make.organisation();
  });
  afterAll(() => server?.stop());

  it('an admin creates a network; a plain member may not, an outsider does not see the organisation', async () => {
    const [admin, member] = steward.members as [typeof steward.owner, typeof steward.owner];
    const network = await make.network(admin, steward.organisation.id, 'Transparency network');
    expect(network.organisationId).toBe(steward.organisation.id);
    // The creator's organisation is its first member.
    const page = await memberOrganisations(make.as(member), network, { first: 10 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual([steward.organisation.id]);

    const input = {
      organisationId: steward.organisation.id,
      name: 'Another',
      slug: `another-${Date.now()}`,
      description: '',
    };
    expect(await refusal(createNetwork(make.as(member), input))).toEqual({
      code: 'FORBIDDEN',
      reason: undefined,
    });
    expect((await refusal(createNetwork(make.as(outsider.owner), input))).code).toBe('NOT_FOUND');
    expect(
      await refusal(createNetwork(make.as(steward.owner), { ...input, slug: network.slug })),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'SLUG_TAKEN' });
  });

  it('invitation, acceptance and leaving, with who may do each', async () => {
    const network = await make.network(steward.owner, steward.organisation.id);
    const peerMember = peer.members[0]!;

    // Not invited yet: the peer does not see the network, by id or by address.
    expect((await refusal(readableNetwork(make.as(peer.owner), network.id))).code).toBe(
      'NOT_FOUND',
    );
    expect(await networkBySlug(make.as(peer.owner), network.slug)).toBeNull();

    // Only the steward's admins invite; others are told the network is not there.
    const invite = { networkId: network.id, organisationSlug: peer.organisation.slug };
    expect((await refusal(inviteOrganisation(make.as(peer.owner), invite))).code).toBe('NOT_FOUND');
    expect((await refusal(inviteOrganisation(make.as(steward.members[1]!), invite))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      await refusal(
        inviteOrganisation(make.as(steward.owner), {
          networkId: network.id,
          organisationSlug: 'no-such-organisation',
        }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });

    const invitation = await inviteOrganisation(make.as(steward.owner), invite);
    // Asking twice gives the pending invitation, not a second one.
    expect((await inviteOrganisation(make.as(steward.owner), invite)).id).toBe(invitation.id);

    // Invited: the peer's members see the network; its admins see the invitation.
    expect((await networkBySlug(make.as(peerMember), network.slug))?.id).toBe(network.id);
    const pending = await pendingNetworkInvitations(make.as(peer.owner), peer.organisation.id);
    expect(pending.map((row) => row.id)).toEqual([invitation.id]);
    expect(
      (await refusal(pendingNetworkInvitations(make.as(peerMember), peer.organisation.id))).code,
    ).toBe('FORBIDDEN');

    // Accepting takes an admin of the invited organisation.
    expect((await refusal(acceptNetworkInvitation(make.as(peerMember), invitation.id))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await refusal(acceptNetworkInvitation(make.as(steward.owner), invitation.id))).code,
    ).toBe('NOT_FOUND');
    const accepted = await acceptNetworkInvitation(make.as(peer.owner), invitation.id);
    expect(accepted.acceptedAt).toBeInstanceOf(Date);
    expect(await refusal(acceptNetworkInvitation(make.as(peer.owner), invitation.id))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVITATION_USED',
    });

    const members = await memberOrganisations(make.as(peerMember), network, { first: 10 });
    expect(members.edges.map((edge) => edge.node.id)).toEqual([
      steward.organisation.id,
      peer.organisation.id,
    ]);
    expect(await viewerNetworkIds(make.as(peerMember))).toContain(network.id);
    expect(
      (await organisationNetworks(make.as(peerMember), peer.organisation.id)).map((n) => n.id),
    ).toContain(network.id);
    // An outsider asking about the peer's networks learns nothing.
    expect(await organisationNetworks(make.as(outsider.owner), peer.organisation.id)).toEqual([]);

    // The peer shares a space with the network, then leaves: the space is its own again.
    const shared = await make.space(peer.owner, peer.organisation.id, {
      visibility: SpaceVisibility.NETWORK,
      networkId: network.id,
    });
    expect(
      await refusal(leaveNetwork(make.as(steward.owner), network.id, steward.organisation.id)),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'STEWARD_CANNOT_LEAVE' });
    expect(
      (await refusal(leaveNetwork(make.as(peerMember), network.id, peer.organisation.id))).code,
    ).toBe('FORBIDDEN');
    await leaveNetwork(make.as(peer.owner), network.id, peer.organisation.id);
    const [space] = await ownerQuery<{ visibility: string; network_id: string | null }>(
      server,
      'select visibility, network_id from space where id = $1',
      [shared.id],
    );
    expect(space).toEqual({ visibility: 'ORGANISATION', network_id: null });
    expect(await viewerNetworkIds(make.as(peerMember))).not.toContain(network.id);
    expect(
      (await refusal(leaveNetwork(make.as(peer.owner), network.id, peer.organisation.id))).code,
    ).toBe('NOT_FOUND');
  });

  it('through the API: viewerCan says who may invite; anonymous callers are refused', async () => {
    const network = await make.network(steward.owner, steward.organisation.id);
    const query = `query($slug: String!) { network(slug: $slug) { id viewerCan { invite } steward { id } } }`;
    const asOwner = await make.client(steward.owner).ok(query, { slug: network.slug });
    expect(asOwner.network).toEqual({
      id: network.id,
      viewerCan: { invite: true },
      steward: { id: steward.organisation.id },
    });
    const asMember = await make.client(steward.members[1]!).ok(query, { slug: network.slug });
    expect(asMember.network.viewerCan).toEqual({ invite: false });
    const asOutsider = await make.client(outsider.owner).ok(query, { slug: network.slug });
    expect(asOutsider.network).toBeNull();
    const anonymous = await server.client().request(query, { slug: network.slug });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
