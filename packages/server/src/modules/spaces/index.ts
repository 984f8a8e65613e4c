/**
 * The spaces feature as other features see it: where content lives, who may read, write in and
 * moderate a space (the policy), and the reads other features bring along in their statements.
 */
export { Space, SpaceParticipant, SpaceVisibility } from './spaces.entity.js';
export {
  mayAdministerSpace,
  mayModerateSpace,
  mayReadSpace,
  mayWriteInSpace,
  primeSpaceRights,
  readableSpace,
  readableSpacesWhere,
  spaceRights,
  type SpaceRights,
} from './spaces.policy.js';
export {
  primeSpaceAndReach,
  primeSpaceFromRow,
  primeSpaceReach,
  spaceColumns,
  spaceFromRow,
  spaceLoader,
  spaceReach,
  spaceReachFragments,
  type SpaceReach,
} from './spaces.reads.js';
export {
  createSpace,
  findSpace,
  listSpaces,
  readableSpaceIds,
  sharedWith,
  shareSpace,
  updateSpace,
} from './spaces.service.js';
