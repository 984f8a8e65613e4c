import type { Context } from '../../platform/graphql/context.js';
import { forbidden } from '../../platform/graphql/errors.js';
import { mayActAs, MemberRole } from '../organisations/index.js';
import { spaceRights } from '../spaces/index.js';
import type { Resource } from './resources.entity.js';

/**
 * Who may do what in a space's library: whoever may write in the space adds resources; the
 * author, or the moderators and above of the owning organisation, curate them.
 */

/** The space's rights when the viewer may add resources there; FORBIDDEN (or NOT_FOUND) otherwise. */
export async function requireAddResources(context: Context, spaceId: string) {
  const rights = await spaceRights(context, spaceId);
  if (!rights.write)
    throw forbidden('Only members of organisations with access can add resources here.');
  return rights;
}

/** Edit, version and delete: the author, or moderators and above of the owning organisation. */
export async function mayCurate(context: Context, resource: Resource): Promise<boolean> {
  if (context.viewer.kind !== 'user') return false;
  const rights = await spaceRights(context, resource.spaceId).catch(() => undefined);
  if (!rights?.write) return false;
  if (resource.createdBy === context.viewer.userId) return true;
  return mayActAs(context, resource.organisationId, MemberRole.MODERATOR);
}

export async function requireCurate(context: Context, resource: Resource): Promise<void> {
  if (!(await mayCurate(context, resource)))
    throw forbidden('Only its author or the moderators of its organisation can change this.');
}
