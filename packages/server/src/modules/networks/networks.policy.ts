import type { Context } from '../../platform/graphql/context.js';
import {
  mayAdminister,
  requireAdmin,
  viewerOrganisationIds,
  type MemberRole,
} from '../organisations/index.js';
import type { Network } from './networks.entity.js';
import { hasPendingInvitation, viewerNetworkIds } from './networks.reads.js';

/**
 * Who may do what with networks. A network is stewarded by one organisation: its admins invite
 * others. Seeing a network takes being in it, stewarding it or being invited to it.
 */

/** A network is visible to its member organisations and to those it has invited. */
export async function mayReadNetwork(context: Context, network: Network): Promise<boolean> {
  if ((await viewerNetworkIds(context)).includes(network.id)) return true;
  const organisationIds = await viewerOrganisationIds(context);
  if (organisationIds.includes(network.organisationId)) return true;
  return hasPendingInvitation(context, network.id, organisationIds);
}

/** Admins of the steward organisation; anyone else is told the network is not there. */
export function requireSteward(context: Context, network: Network): Promise<MemberRole> {
  return requireAdmin(context, network.organisationId, 'The network');
}

/** Whether the signed-in viewer may invite organisations to the network (`viewerCan.invite`). */
export function mayInvite(context: Context, network: Network): Promise<boolean> {
  return mayAdminister(context, network.organisationId);
}
