import type { EntityManager } from '@mikro-orm/postgresql';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { API_TOKEN_PREFIX, credential, type Viewer } from '../../platform/auth/viewer.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { announceRevoked } from '../../platform/graphql/socket-credentials.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole } from '../organisations/organisations.entity.js';
import { findForRole, requireRole } from '../organisations/organisations.policy.js';
import { ApiToken, ApiTokenScope } from './integrations.entity.js';
import type { CreateApiTokenInput } from './integrations.inputs.js';

export async function createApiToken(
  context: Context,
  input: CreateApiTokenInput,
): Promise<{ apiToken: ApiToken; secret: string }> {
  const { userId } = requireUser(context);
  await requireRole(context, input.organisationId, MemberRole.ADMIN);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw BadUserInput.field('expiresAt', 'IN_THE_PAST', 'The expiry date must be in the future.');
  }
  const scopes = [...new Set([ApiTokenScope.READ, ...input.scopes])];
  const secret = newSecret(API_TOKEN_PREFIX);
  return context.db.write(async (em) => {
    const apiToken = em.create(ApiToken, {
      organisationId: input.organisationId,
      name: input.name.trim(),
      tokenHash: hashSecret(secret),
      tokenPrefix: secret.slice(0, API_TOKEN_PREFIX.length + 4),
      scopes,
      createdBy: userId,
      expiresAt: input.expiresAt ?? null,
    });
    recordAudit(em, context, {
      organisationId: input.organisationId,
      action: 'api_token.created',
      targetType: 'ApiToken',
      targetId: apiToken.id,
      data: { name: apiToken.name, scopes },
    });
    await em.flush();
    return { apiToken, secret };
  });
}

export async function listApiTokens(
  context: Context,
  organisationId: string,
  page: PageArgs,
): Promise<Connection<ApiToken>> {
  await requireRole(context, organisationId, MemberRole.ADMIN);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      ApiToken,
      { organisationId, ...afterCursor(after) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (t) => ({ at: t.createdAt, id: t.id }), Boolean(after));
}

export async function revokeApiToken(context: Context, id: string): Promise<ApiToken> {
  requireUser(context);
  return context.db.write(async (em) => {
    const { row: token } = await findForRole(
      context,
      em,
      ApiToken,
      id,
      MemberRole.ADMIN,
      'The API token',
    );
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      recordAudit(em, context, {
        organisationId: token.organisationId,
        action: 'api_token.revoked',
        targetType: 'ApiToken',
        targetId: token.id,
        data: { name: token.name },
      });
      await em.flush();
      announceRevoked(context, [credential.apiToken(token.id)]);
    }
    return token;
  });
}

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
