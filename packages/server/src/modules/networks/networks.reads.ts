import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { viewerOrganisationIds } from '../organisations/index.js';
import { Network, NetworkInvitation, NetworkMembership } from './networks.entity.js';

/**
 * How other features read networks: the viewer's networks (spaces' network visibility),
 * networks by id, and whether an organisation is in a network. Rows handed out are shown, never
 * changed through.
 */

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

/** After the viewer's organisations joined or left a network: the next use reads afresh. */
export function forgetViewerNetworkIds(context: Context): void {
  context.loaders.forget('viewerNetworkIds');
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

/** Whether `organisationId` is a member of `networkId`, inside a caller's transaction. */
export async function isNetworkMember(
  em: EntityManager,
  networkId: string,
  organisationId: string,
): Promise<boolean> {
  return (await em.count(NetworkMembership, { networkId, organisationId })) > 0;
}

/** Whether one of `organisationIds` has a pending invitation to the network. */
export async function hasPendingInvitation(
  context: Context,
  networkId: string,
  organisationIds: readonly string[],
): Promise<boolean> {
  if (organisationIds.length === 0) return false;
  const invited = await context.db.read((em) =>
    em.count(NetworkInvitation, {
      networkId,
      organisationId: { $in: [...organisationIds] },
      acceptedAt: null,
      revokedAt: null,
    }),
  );
  return invited > 0;
}

/** The organisations in a network (those the viewer may see in it: row-level security decides). */
export async function networkOrganisationIds(
  context: Context,
  networkId: string,
): Promise<string[]> {
  const rows = await context.db.read((em) =>
    em.find(NetworkMembership, { networkId }, { fields: ['organisationId'] }),
  );
  return rows.map((row) => row.organisationId);
}
