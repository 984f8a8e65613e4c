/**
 * The accounts feature's public face: the only file other features (and the composition root)
 * import from accounts.
 */
export { LocaleCode, localeCodes, Session, User } from './accounts.entity.js';
export {
  beginSession,
  normaliseEmail,
  sessionAuthenticator,
  signUp,
  viewerUser,
} from './accounts.service.js';
export {
  authorColumns,
  isVerified,
  primeAuthors,
  userEmail,
  userLoader,
} from './accounts.reads.js';
export { requireVerified } from './accounts.policy.js';
export { verifyEmail } from './email-verification.js';
