import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, notFound } from '../../platform/graphql/errors.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/index.js';
import {
  findForAdmin,
  organisationBySlugIn,
  organisationsByIds,
  requireAdmin,
  viewerRole,
  type Organisation,
} from '../organisations/index.js';
import { forgetViewerNetworkIds, networkLoader } from './networks.reads.js';
import { mayReadNetwork, requireSteward } from './networks.policy.js';
import { Network, NetworkInvitation, NetworkMembership } from './networks.entity.js';
import type { CreateNetworkInput, InviteOrganisationToNetworkInput } from './networks.inputs.js';

// Importers that still reach these here (spaces) move to `index.ts`.
export { networkLoader, primeViewerNetworkIds, viewerNetworkIds } from './networks.reads.js';

export async function networkBySlug(context: Context, slug: string): Promise<Network | null> {
  const network = await context.db.read((em) =>
    em.findOne(Network, { slug: slug.trim().toLowerCase() }),
  );
  return network && (await mayReadNetwork(context, network)) ? network : null;
}

export async function readableNetwork(context: Context, id: string): Promise<Network> {
  const network = await networkLoader(context).load(id);
  if (!network || !(await mayReadNetwork(context, network))) throw notFound('The network');
  return network;
}

export async function createNetwork(context: Context, input: CreateNetworkInput): Promise<Network> {
  requireUser(context);
  await requireAdmin(context, input.organisationId);
  const slugTaken = () =>
    BadUserInput.field('slug', 'SLUG_TAKEN', 'This address is taken; choose another.');
  try {
    return await context.db.write(async (em) => {
      if (await em.count(Network, { slug: input.slug })) throw slugTaken();
      const network = em.create(Network, {
        organisationId: input.organisationId,
        slug: input.slug,
        name: input.name.normalize('NFC').trim(),
        description: input.description.normalize('NFC').trim(),
      });
      await em.flush();
      em.create(NetworkMembership, { networkId: network.id, organisationId: input.organisationId });
      recordAudit(em, context, {
        organisationId: input.organisationId,
        action: 'network.created',
        targetType: 'Network',
        targetId: network.id,
        data: { slug: network.slug },
      });
      await em.flush();
      forgetViewerNetworkIds(context);
      return network;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw slugTaken();
    throw error;
  }
}

export async function memberOrganisations(
  context: Context,
  network: Network,
  page: PageArgs,
): Promise<Connection<Organisation>> {
  const after = decodeCursor(page.after);
  return context.db.read(async (em) => {
    const memberships = await em.find(
      NetworkMembership,
      { networkId: network.id, ...afterCursor(after, 'joinedAt', 'asc') },
      { orderBy: { joinedAt: 'asc', id: 'asc' }, limit: page.first + 1 },
    );
    const organisations = await organisationsByIds(
      em,
      memberships.map((m) => m.organisationId),
    );
    const connection = toConnection(
      memberships,
      page.first,
      (m) => ({ at: m.joinedAt, id: m.id }),
      Boolean(after),
    );
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((edge, index) => ({
        cursor: edge.cursor,
        node: organisations[index]!,
      })),
    };
  });
}

export async function organisationNetworks(
  context: Context,
  organisationId: string,
): Promise<Network[]> {
  if ((await viewerRole(context, organisationId)) === null) return [];
  return context.db.read(async (em) => {
    const memberships = await em.find(
      NetworkMembership,
      { organisationId },
      { orderBy: { joinedAt: 'asc' } },
    );
    return em.find(
      Network,
      { id: { $in: memberships.map((m) => m.networkId) } },
      { orderBy: { name: 'asc' } },
    );
  });
}

export async function inviteOrganisation(
  context: Context,
  input: InviteOrganisationToNetworkInput,
): Promise<NetworkInvitation> {
  const { userId } = requireUser(context);
  const network = await readableNetwork(context, input.networkId);
  await requireSteward(context, network);
  return context.db.write(async (em) => {
    const invited = await organisationBySlugIn(em, input.organisationSlug);
    if (!invited)
      throw BadUserInput.field(
        'organisationSlug',
        'NOT_FOUND',
        'No organisation has this address.',
      );
    if (await em.count(NetworkMembership, { networkId: network.id, organisationId: invited.id })) {
      throw BadUserInput.field(
        'organisationSlug',
        'ALREADY_MEMBER',
        'This organisation is in the network already.',
      );
    }
    const pending = await em.findOne(NetworkInvitation, {
      networkId: network.id,
      organisationId: invited.id,
      acceptedAt: null,
      revokedAt: null,
    });
    if (pending) return pending;
    const invitation = em.create(NetworkInvitation, {
      networkId: network.id,
      organisationId: invited.id,
      invitedBy: userId,
    });
    recordAudit(em, context, {
      organisationId: network.organisationId,
      action: 'network.organisation_invited',
      targetType: 'NetworkInvitation',
      targetId: invitation.id,
      data: { networkId: network.id, organisationId: invited.id },
    });
    await em.flush();
    return invitation;
  });
}

export async function pendingNetworkInvitations(
  context: Context,
  organisationId: string,
): Promise<NetworkInvitation[]> {
  await requireAdmin(context, organisationId);
  return context.db.read((em) =>
    em.find(
      NetworkInvitation,
      { organisationId, acceptedAt: null, revokedAt: null },
      { orderBy: { createdAt: 'desc' } },
    ),
  );
}

export async function acceptNetworkInvitation(
  context: Context,
  invitationId: string,
): Promise<NetworkInvitation> {
  requireUser(context);
  return context.db.write(async (em) => {
    const { row: invitation } = await findForAdmin(
      context,
      em,
      NetworkInvitation,
      invitationId,
      'The network invitation',
    );
    if (invitation.revokedAt)
      throw BadUserInput.field(
        'invitationId',
        'INVITATION_REVOKED',
        'This invitation was withdrawn.',
      );
    if (invitation.acceptedAt)
      throw BadUserInput.field(
        'invitationId',
        'INVITATION_USED',
        'This invitation was accepted already.',
      );
    invitation.acceptedAt = new Date();
    await em.flush();
    em.create(NetworkMembership, {
      networkId: invitation.networkId,
      organisationId: invitation.organisationId,
    });
    recordAudit(em, context, {
      organisationId: invitation.organisationId,
      action: 'network.joined',
      targetType: 'Network',
      targetId: invitation.networkId,
      data: { invitationId: invitation.id },
    });
    await em.flush();
    forgetViewerNetworkIds(context);
    return invitation;
  });
}

export async function leaveNetwork(
  context: Context,
  networkId: string,
  organisationId: string,
): Promise<Network> {
  requireUser(context);
  await requireAdmin(context, organisationId);
  return context.db.write(async (em) => {
    const network = await em.findOne(Network, { id: networkId });
    const membership =
      network && (await em.findOne(NetworkMembership, { networkId, organisationId }));
    if (!network || !membership) throw notFound('The network');
    if (network.organisationId === organisationId) {
      throw BadUserInput.field(
        'organisationId',
        'STEWARD_CANNOT_LEAVE',
        'The steward organisation cannot leave its network.',
      );
    }
    // The organisation's network-wide spaces go back to being its own.
    await em.execute(
      `update space set visibility = 'ORGANISATION', network_id = null
       where organisation_id = ? and network_id = ? and visibility = 'NETWORK'`,
      [organisationId, networkId],
    );
    await em.execute(
      `update space set network_id = null where organisation_id = ? and network_id = ?`,
      [organisationId, networkId],
    );
    em.remove(membership);
    recordAudit(em, context, {
      organisationId,
      action: 'network.left',
      targetType: 'Network',
      targetId: networkId,
    });
    await em.flush();
    forgetViewerNetworkIds(context);
    return network;
  });
}
