/**
 * The resources feature's public face: the only file other features import from the library.
 * (Its search SQL is not here: search moves to its own module.)
 */
export { FileUpload, Resource, ResourceKind, ResourceVersion } from './resources.entity.js';
export { readableResource, readableResources, resourceLoader } from './resources.reads.js';
export { mayCurate } from './resources.policy.js';
export {
  sweepExpiredUploads,
  type ResourceSpaceEvent,
  UPLOAD_CLAIM_WINDOW_MS,
} from './resources.service.js';
export { fileRoutes } from './resources.http.js';
