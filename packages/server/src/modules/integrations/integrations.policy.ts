import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { findForAdmin, requireAdmin, type MemberRole } from '../organisations/index.js';
import { ApiToken } from './integrations.entity.js';

/** API tokens are the organisation's admins' business: they list, create and revoke them. */

export function requireManageTokens(context: Context, organisationId: string): Promise<MemberRole> {
  return requireAdmin(context, organisationId);
}

/** A token an admin of its organisation may revoke; NOT_FOUND for anyone else. */
export async function findTokenToManage(
  context: Context,
  em: EntityManager,
  id: string,
): Promise<ApiToken> {
  return (await findForAdmin(context, em, ApiToken, id, 'The API token')).row;
}
