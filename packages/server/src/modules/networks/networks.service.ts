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
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole, Organisation } from '../organisations/organisations.entity.js';
import {
  findForRole,
  requireRole,
  viewerOrganisationIds,
  viewerRole,
} from '../organisations/organisations.policy.js';
import { Network, NetworkInvitation, NetworkMembership } from './networks.entity.js';
import type { CreateNetworkInput, InviteOrganisationToNetworkInput } from './networks.inputs.js';

declare module '../../platform/graphql/loaders.js' {
  interface RequestMemos {
    viewerNetworkIds: Promise<string[]>;
  }
}

/** Networks the viewer's organisations belong to (or are invited to, or steward). */
export async function viewerNetworkIds(context: Context): Promise<string[]> {
  return context.loaders.memo('viewerNetworkIds', async () => {
    const organisationIds = await viewerOrganisationIds(context);
    if (organisationIds.length === 0) return [];
    const rows = await context.db.read((em) =>
      em.find(
        NetworkMembership,
        { organisationId: { $in: organisationIds } },
        { fields: ['networkId'] },
      ),
    );
    return [...new Set(rows.map((row) => row.networkId))];
  });
}

/** Records the viewer's networks when they were read with the rest of the viewer's reach. */
export function primeViewerNetworkIds(context: Context, networkIds: string[]): void {
  context.loaders.remember('viewerNetworkIds', Promise.resolve(networkIds));
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    networkById: RequestLoader<string, Network>;
  }
}

export function networkLoader(context: Context) {
  return requestLoader(context, 'networkById', async (em, ids) =>
    byKey(ids, await em.find(Network, { id: { $in: [...ids] } }), (n) => n.id),
  );
}

/** A network is visible to its member organisations and to those it has invited. */
async function mayReadNetwork(context: Context, network: Network): Promise<boolean> {
  if ((await viewerNetworkIds(context)).includes(network.id)) return true;
  const organisationIds = await viewerOrganisationIds(context);
  if (organisationIds.includes(network.organisationId)) return true;
  if (organisationIds.length === 0) return false;
  const invited = await context.db.read((em) =>
    em.count(NetworkInvitation, {
      networkId: network.id,
      organisationId: { $in: organisationIds },
      acceptedAt: null,
      revokedAt: null,
    }),
  );
  return invited > 0;
}

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
  await requireRole(context, input.organisationId, MemberRole.ADMIN);
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
      context.loaders.forget('viewerNetworkIds');
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
    const organisations = byKey(
      memberships.map((m) => m.organisationId),
      await em.find(Organisation, { id: { $in: memberships.map((m) => m.organisationId) } }),
      (o) => o.id,
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
  await requireRole(context, network.organisationId, MemberRole.ADMIN, 'The network');
  return context.db.write(async (em) => {
    const invited = await em.findOne(Organisation, {
      slug: input.organisationSlug.trim().toLowerCase(),
    });
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
  await requireRole(context, organisationId, MemberRole.ADMIN);
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
    const { row: invitation } = await findForRole(
      context,
      em,
      NetworkInvitation,
      invitationId,
      MemberRole.ADMIN,
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
    context.loaders.forget('viewerNetworkIds');
    return invitation;
  });
}

export async function leaveNetwork(
  context: Context,
  networkId: string,
  organisationId: string,
): Promise<Network> {
  requireUser(context);
  await requireRole(context, organisationId, MemberRole.ADMIN);
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
    context.loaders.forget('viewerNetworkIds');
    return network;
  });
}
