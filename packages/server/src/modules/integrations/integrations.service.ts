import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { API_TOKEN_PREFIX, credential } from '../../platform/auth/viewer.js';
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
import { recordAudit } from '../audit/index.js';
import { requireManageTokens, findTokenToManage } from './integrations.policy.js';
import { ApiToken, ApiTokenScope } from './integrations.entity.js';
import type { CreateApiTokenInput } from './integrations.inputs.js';

export async function createApiToken(
  context: Context,
  input: CreateApiTokenInput,
): Promise<{ apiToken: ApiToken; secret: string }> {
  const { userId } = requireUser(context);
  await requireManageTokens(context, input.organisationId);
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
  await requireManageTokens(context, organisationId);
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
    const token = await findTokenToManage(context, em, id);
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
