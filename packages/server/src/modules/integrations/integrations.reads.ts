import type { EntityManager } from '@mikro-orm/postgresql';
import { hashSecret } from '../../platform/auth/tokens.js';
import type { Viewer } from '../../platform/auth/viewer.js';

/** How the composition root reads API tokens: by their secret, when a request brings one. */

/**
 * Resolves an `alany_…` secret through a definer function (no viewer is known yet, and row-level
 * security hides tokens from everyone but admins). Unknown, revoked or expired: undefined.
 */
export async function authenticateApiToken(
  em: EntityManager,
  secret: string,
): Promise<Viewer | undefined> {
  const [row] = await em.execute<
    { id: string; organisation_id: string; scopes: string[]; expires_at: Date | null }[]
  >('select * from alany.api_token_by_hash(?)', [hashSecret(secret)]);
  if (!row) return undefined;
  await em.execute('select alany.touch_api_token(?)', [row.id]);
  return {
    kind: 'apiToken',
    tokenId: row.id,
    organisationId: row.organisation_id,
    scopes: row.scopes.filter((s): s is 'READ' | 'WRITE' => s === 'READ' || s === 'WRITE'),
    expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  };
}
