/** The integrations feature's public face: API tokens, for the composition root and others. */
export { ApiToken, ApiTokenScope } from './integrations.entity.js';
export { authenticateApiToken } from './integrations.reads.js';
