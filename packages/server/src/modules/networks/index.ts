/** The networks feature's public face: the only file other features import from networks. */
export { Network, NetworkInvitation, NetworkMembership } from './networks.entity.js';
export { createNetwork, readableNetwork } from './networks.service.js';
export {
  isNetworkMember,
  networkLoader,
  networkOrganisationIds,
  primeViewerNetworkIds,
  viewerNetworkIds,
} from './networks.reads.js';
export { mayReadNetwork } from './networks.policy.js';
