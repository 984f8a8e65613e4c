import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { forbidden, notFound } from '../../platform/graphql/errors.js';
import { requestLoader, type RequestLoader, byKey } from '../../platform/graphql/loaders.js';
import { Membership, MemberRole, ROLE_RANK } from './organisations.entity.js';

/**
 * The application's wall of tenant isolation: "may this viewer do X in organisation Y?".
 * Every rule starts with the same question: is the viewer in that organisation at all?
 * Row-level security asks it again in the database.
 */

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    viewerMembership: RequestLoader<string, Membership>;
  }
}

/** The viewer's memberships, loaded once per request. */
function viewerMemberships(context: Context) {
  return requestLoader(context, 'viewerMembership', async (em, organisationIds) => {
    const viewer = context.viewer;
    if (viewer.kind !== 'user') return organisationIds.map(() => null);
    const rows = await em.find(Membership, {
      userId: viewer.userId,
      organisationId: { $in: [...organisationIds] },
    });
    return byKey(organisationIds, rows, (row) => row.organisationId);
  });
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestMemos {
    /** All of the viewer's roles, when read together with the viewer's reach. */
    viewerRoles: ReadonlyMap<string, MemberRole>;
    viewerOrganisationIds: Promise<string[]>;
  }
}

/** The viewer's role in an organisation; an API token counts as a plain member of its own. */
export async function viewerRole(
  context: Context,
  organisationId: string,
): Promise<MemberRole | null> {
  const viewer = context.viewer;
  if (viewer.kind === 'apiToken')
    return viewer.organisationId === organisationId ? MemberRole.MEMBER : null;
  if (viewer.kind !== 'user') return null;
  const known = context.loaders.recall('viewerRoles');
  if (known) return known.get(organisationId) ?? null;
  return (await viewerMemberships(context).load(organisationId))?.role ?? null;
}

/**
 * Records all of the signed-in viewer's memberships when they were read together with the rest
 * of the viewer's reach (`spaceAccess`): roles and organisations then cost no statement of their own.
 */
export function primeViewerMemberships(
  context: Context,
  memberships: ReadonlyArray<{ organisationId: string; role: MemberRole }>,
): void {
  context.loaders.remember(
    'viewerRoles',
    new Map(memberships.map((m) => [m.organisationId, m.role])),
  );
  context.loaders.remember(
    'viewerOrganisationIds',
    Promise.resolve(memberships.map((m) => m.organisationId)),
  );
}

export function hasRank(role: MemberRole | null, minimum: MemberRole): boolean {
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/**
 * Requires at least `minimum` in the organisation. Outsiders get NOT_FOUND (nothing about the
 * organisation's insides is revealed); members with too low a role get FORBIDDEN.
 */
export async function requireRole(
  context: Context,
  organisationId: string,
  minimum: MemberRole,
  what = 'The organisation',
): Promise<MemberRole> {
  const role = await viewerRole(context, organisationId);
  if (role === null) throw notFound(what);
  if (!hasRank(role, minimum)) throw forbidden(`This needs the ${minimum} role or higher.`);
  return role;
}

/** Organisations the viewer belongs to (a token: its own). */
export async function viewerOrganisationIds(context: Context): Promise<string[]> {
  const viewer = context.viewer;
  if (viewer.kind === 'apiToken') return [viewer.organisationId];
  if (viewer.kind !== 'user') return [];
  return context.loaders.memo('viewerOrganisationIds', () =>
    context.db.read(async (em) =>
      (await em.find(Membership, { userId: viewer.userId }, { fields: ['organisationId'] })).map(
        (m) => m.organisationId,
      ),
    ),
  );
}

/** Whether this request knows the viewer's organisations already (read or primed). */
export function viewerOrganisationIdsKnown(context: Context): boolean {
  return context.loaders.has('viewerOrganisationIds');
}

/** After the viewer's memberships changed: the next question reads them afresh. */
export function forgetViewerMemberships(context: Context): void {
  context.loaders.forget('viewerMembership', 'viewerOrganisationIds');
}

/** Roles an actor may hand out: OWNER only by an OWNER, ADMIN by an ADMIN, never above one's own. */
export function mayAssign(actor: MemberRole, role: MemberRole): boolean {
  return (
    ROLE_RANK[role] <= ROLE_RANK[actor] && (role !== MemberRole.OWNER || actor === MemberRole.OWNER)
  );
}

/**
 * Loads a row that belongs to an organisation, for someone holding at least `minimum` there.
 * A row that does not exist and one the viewer may not touch both give NOT_FOUND.
 */
export async function findForRole<T extends { organisationId: string }>(
  context: Context,
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  minimum: MemberRole,
  what: string,
): Promise<{ row: T; role: MemberRole }> {
  const row = (await em.findOne(entity, { id } as FilterQuery<T>)) as T | null;
  const role = row ? await viewerRole(context, row.organisationId) : null;
  if (!row || !role || !hasRank(role, minimum)) throw notFound(what);
  return { row, role };
}

/*
 * Named actions, so that features say what they need rather than which rank it takes.
 * `requireRole` stays the base they are built on.
 */

/** Any member (or the organisation's own API token); outsiders get NOT_FOUND. */
export function requireMember(
  context: Context,
  organisationId: string,
  what?: string,
): Promise<MemberRole> {
  return requireRole(context, organisationId, MemberRole.MEMBER, what);
}

/** Administers the organisation: its profile, members, spaces, tokens, networks, audit log. */
export function requireAdmin(
  context: Context,
  organisationId: string,
  what?: string,
): Promise<MemberRole> {
  return requireRole(context, organisationId, MemberRole.ADMIN, what);
}

export function requireOwner(
  context: Context,
  organisationId: string,
  what?: string,
): Promise<MemberRole> {
  return requireRole(context, organisationId, MemberRole.OWNER, what);
}

/**
 * Whether the signed-in viewer administers the organisation (what `viewerCan` shows). An API
 * token never does: it acts as a plain member.
 */
export async function mayAdminister(context: Context, organisationId: string): Promise<boolean> {
  if (context.viewer.kind !== 'user') return false;
  return hasRank(await viewerRole(context, organisationId), MemberRole.ADMIN);
}

/** Whether the viewer holds at least `minimum` in the organisation (no error either way). */
export async function mayActAs(
  context: Context,
  organisationId: string,
  minimum: MemberRole,
): Promise<boolean> {
  return hasRank(await viewerRole(context, organisationId), minimum);
}

/** A row of the organisation for one of its admins; NOT_FOUND for anyone else. */
export function findForAdmin<T extends { organisationId: string }>(
  context: Context,
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  what: string,
): Promise<{ row: T; role: MemberRole }> {
  return findForRole(context, em, entity, id, MemberRole.ADMIN, what);
}
