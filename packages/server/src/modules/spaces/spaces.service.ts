import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, notFound } from '../../platform/graphql/errors.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { executePrepared, prepared } from '../../platform/database/prepared.js';
import { readOnlyEntity } from '../../platform/database/read-only.js';
import { recordAudit } from '../audit/audit.service.js';
import { MemberRole, Organisation } from '../organisations/organisations.entity.js';
import {
  hasRank,
  primeViewerMemberships,
  requireRole,
  viewerOrganisationIds,
  viewerOrganisationIdsKnown,
  viewerRole,
} from '../organisations/organisations.policy.js';
import { primeViewerNetworkIds, viewerNetworkIds } from '../networks/networks.service.js';
import { NetworkMembership } from '../networks/networks.entity.js';
import { Space, SpaceParticipant, SpaceVisibility } from './spaces.entity.js';
import type {
  CreateSpaceInput,
  ShareSpaceInput,
  SpaceFilter,
  UpdateSpaceInput,
} from './spaces.inputs.js';

interface SpaceAccess {
  organisationIds: string[];
  networkIds: string[];
  sharedSpaceIds: string[];
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestMemos {
    spaceAccess: Promise<SpaceAccess>;
    /** Rights per space id. */
    spaceRights: Map<string, Promise<SpaceRights>>;
  }
}

/** What the viewer can reach, loaded once per request. */
async function spaceAccess(context: Context): Promise<SpaceAccess> {
  const cached = context.loaders.recall('spaceAccess');
  if (cached) return cached;
  const viewer = context.viewer;
  if (viewer.kind === 'user' && !viewerOrganisationIdsKnown(context)) {
    return context.loaders.memo('spaceAccess', () => signedInAccess(context, viewer.userId));
  }
  return context.loaders.memo('spaceAccess', async () => {
    const organisationIds = await viewerOrganisationIds(context);
    const networkIds = await viewerNetworkIds(context);
    const sharedSpaceIds = organisationIds.length
      ? (
          await context.db.read((em) =>
            em.find(
              SpaceParticipant,
              { organisationId: { $in: organisationIds } },
              { fields: ['spaceId'] },
            ),
          )
        ).map((p) => p.spaceId)
      : [];
    return { organisationIds, networkIds, sharedSpaceIds };
  });
}

/**
 * A signed-in person's reach, as a CTE (`reach_m`, one parameter: the person's id) and select-list
 * columns, so that another statement (the thread page's) can bring it along: memberships with
 * roles, the networks of those organisations and the spaces shared with them.
 */
export const SIGNED_IN_ACCESS_CTE =
  'reach_m as (select organisation_id, role from membership where user_id = ?)';
export const SIGNED_IN_ACCESS_COLUMNS = `
  coalesce((select json_agg(json_build_object('organisationId', organisation_id, 'role', role)) from reach_m), '[]') as reach__memberships,
  coalesce((select array_agg(distinct network_id) from network_membership where organisation_id in (select organisation_id from reach_m)), '{}') as reach__network_ids,
  coalesce((select array_agg(space_id) from space_participant where organisation_id in (select organisation_id from reach_m)), '{}') as reach__shared_space_ids`;

/** Whether the viewer's reach is still to be read (a signed-in person's, not read yet). */
export function signedInAccessWanted(context: Context): boolean {
  return (
    context.viewer.kind === 'user' &&
    !context.loaders.has('spaceAccess') &&
    !viewerOrganisationIdsKnown(context)
  );
}

/** Takes the `SIGNED_IN_ACCESS_COLUMNS` out of a row and primes the request's caches with them. */
export function primeSignedInAccess(context: Context, row: Record<string, unknown>): SpaceAccess {
  const memberships =
    (row.reach__memberships as Array<{ organisationId: string; role: MemberRole }> | null) ?? [];
  const networkIds = (row.reach__network_ids as string[] | null) ?? [];
  const sharedSpaceIds = (row.reach__shared_space_ids as string[] | null) ?? [];
  delete row.reach__memberships;
  delete row.reach__network_ids;
  delete row.reach__shared_space_ids;
  primeViewerMemberships(context, memberships);
  primeViewerNetworkIds(context, networkIds);
  const access = {
    organisationIds: memberships.map((m) => m.organisationId),
    networkIds,
    sharedSpaceIds,
  };
  context.loaders.remember('spaceAccess', Promise.resolve(access));
  return access;
}

/**
 * A signed-in person's reach in one statement (row-level security as that person). The same
 * rows the separate lookups read; their caches are primed from it.
 */
async function signedInAccess(context: Context, userId: string): Promise<SpaceAccess> {
  const [row] = await context.db.read((em) =>
    em.execute<Array<Record<string, unknown>>>(
      `with ${SIGNED_IN_ACCESS_CTE} select ${SIGNED_IN_ACCESS_COLUMNS}`,
      [userId],
    ),
  );
  return primeSignedInAccess(context, row ?? {});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A page about one space (its thread list) reads the space and, when not known yet, the viewer's
 * reach in one statement, priming the request's caches; `readableSpace` and `spaceRights` then
 * decide from them as always. A no-op when either was read already or the id is no uuid.
 */
export async function primeSpaceAndAccess(context: Context, spaceId: string): Promise<void> {
  if (context.loaders.has('spaceById') || !signedInAccessWanted(context) || !UUID.test(spaceId))
    return;
  const viewer = context.viewer as { userId: string };
  await context.db.read(async (em) => {
    // One row whether or not the space exists or may be read (the reach is the viewer's own).
    const [row] = await executePrepared(
      em,
      prepared(`with ${SIGNED_IN_ACCESS_CTE}
       select ${spaceColumns('s')}, ${SIGNED_IN_ACCESS_COLUMNS}
       from (select 1) as one left join space s on s.id = ?`),
      [viewer.userId, spaceId],
    );
    if (!row) return;
    primeSignedInAccess(context, row);
    if (row.space__id === null) spaceLoader(context).prime(spaceId, null);
    else primeSpace(context, em, row);
  });
}

const SPACE_COLUMNS = [
  'id',
  'organisation_id',
  'network_id',
  'name',
  'description',
  'visibility',
  'created_by',
  'created_at',
  'updated_at',
];

/** The select list that brings a row's space along (`left join space <alias> on …`). */
export function spaceColumns(alias: string): string {
  return SPACE_COLUMNS.map((column) => `${alias}.${column} as "space__${column}"`).join(', ');
}

/** Takes the `spaceColumns` out of a raw row and hands that space to the request's space loader. */
export function primeSpace(
  context: Context,
  em: EntityManager,
  row: Record<string, unknown>,
): void {
  const space: Record<string, unknown> = {};
  for (const column of SPACE_COLUMNS) {
    space[column] = row[`space__${column}`];
    delete row[`space__${column}`];
  }
  // Shown and checked, never changed through this object (changes load the space themselves).
  if (typeof space.id === 'string')
    spaceLoader(context).prime(space.id, readOnlyEntity(em, Space, space));
}

/**
 * The access rule, in one place: members of the owning organisation, of organisations it is
 * shared with, of any organisation in its network when NETWORK, and anyone when PUBLIC.
 */
function readableWhere(access: SpaceAccess): FilterQuery<Space> {
  return {
    $or: [
      { organisationId: { $in: access.organisationIds } },
      { visibility: SpaceVisibility.PUBLIC },
      { visibility: SpaceVisibility.NETWORK, networkId: { $in: access.networkIds } },
      { id: { $in: access.sharedSpaceIds } },
    ],
  };
}

function mayRead(access: SpaceAccess, space: Space): boolean {
  return (
    access.organisationIds.includes(space.organisationId) ||
    space.visibility === SpaceVisibility.PUBLIC ||
    (space.visibility === SpaceVisibility.NETWORK &&
      !!space.networkId &&
      access.networkIds.includes(space.networkId)) ||
    access.sharedSpaceIds.includes(space.id)
  );
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    spaceById: RequestLoader<string, Space>;
  }
}

export function spaceLoader(context: Context) {
  return requestLoader(context, 'spaceById', async (em, ids) =>
    byKey(ids, await em.find(Space, { id: { $in: [...ids] } }), (s) => s.id),
  );
}

/** The space if the viewer may read it; NOT_FOUND otherwise, whether or not it exists. */
export async function readableSpace(context: Context, id: string): Promise<Space> {
  const [space, access] = await Promise.all([spaceLoader(context).load(id), spaceAccess(context)]);
  if (!space || !mayRead(access, space)) throw notFound('The space');
  return space;
}

export async function findSpace(context: Context, id: string): Promise<Space | null> {
  return readableSpace(context, id).catch(() => null);
}

export async function listSpaces(
  context: Context,
  filter: SpaceFilter | undefined,
  page: PageArgs,
): Promise<Connection<Space>> {
  const access = await spaceAccess(context);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Space,
      {
        $and: [
          readableWhere(access),
          {
            ...(filter?.organisationId ? { organisationId: filter.organisationId } : {}),
            ...(filter?.networkId ? { networkId: filter.networkId } : {}),
            ...(filter?.visibility ? { visibility: filter.visibility } : {}),
            ...afterCursor(after),
          },
        ],
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (s) => ({ at: s.createdAt, id: s.id }), Boolean(after));
}

async function checkNetwork(
  em: EntityManager,
  organisationId: string,
  visibility: SpaceVisibility,
  networkId: string | null | undefined,
): Promise<void> {
  if (visibility === SpaceVisibility.NETWORK && !networkId) {
    throw BadUserInput.field(
      'networkId',
      'REQUIRED',
      'Choose the network that may read this space.',
    );
  }
  if (networkId && !(await em.count(NetworkMembership, { networkId, organisationId }))) {
    throw BadUserInput.field(
      'networkId',
      'NOT_IN_NETWORK',
      'The organisation is not in this network.',
    );
  }
}

export async function createSpace(context: Context, input: CreateSpaceInput): Promise<Space> {
  const { userId } = requireUser(context);
  await requireRole(context, input.organisationId, MemberRole.ADMIN);
  return context.db.write(async (em) => {
    await checkNetwork(em, input.organisationId, input.visibility, input.networkId);
    const space = em.create(Space, {
      organisationId: input.organisationId,
      networkId: input.networkId ?? null,
      name: input.name.normalize('NFC').trim(),
      description: input.description.normalize('NFC').trim(),
      visibility: input.visibility,
      createdBy: userId,
    });
    recordAudit(em, context, {
      organisationId: input.organisationId,
      action: 'space.created',
      targetType: 'Space',
      targetId: space.id,
      data: { visibility: input.visibility, networkId: input.networkId ?? null },
    });
    await em.flush();
    return space;
  });
}

async function spaceForAdmin(context: Context, em: EntityManager, id: string): Promise<Space> {
  const space = await em.findOne(Space, { id });
  if (!space || !mayRead(await spaceAccess(context), space)) throw notFound('The space');
  await requireRole(context, space.organisationId, MemberRole.ADMIN, 'The space');
  return space;
}

export async function updateSpace(context: Context, input: UpdateSpaceInput): Promise<Space> {
  requireUser(context);
  return context.db.write(async (em) => {
    const space = await spaceForAdmin(context, em, input.id);
    const visibility = input.visibility ?? space.visibility;
    const networkId = input.networkId !== undefined ? input.networkId : space.networkId;
    await checkNetwork(em, space.organisationId, visibility, networkId);
    if (input.name) space.name = input.name.normalize('NFC').trim();
    if (input.description !== undefined && input.description !== null)
      space.description = input.description.normalize('NFC').trim();
    const visibilityChanged = visibility !== space.visibility || networkId !== space.networkId;
    space.visibility = visibility;
    space.networkId = networkId ?? null;
    recordAudit(em, context, {
      organisationId: space.organisationId,
      action: visibilityChanged ? 'space.visibility_changed' : 'space.updated',
      targetType: 'Space',
      targetId: space.id,
      data: { visibility, networkId: networkId ?? null },
    });
    await em.flush();
    return space;
  });
}

export async function shareSpace(
  context: Context,
  input: ShareSpaceInput,
  share: boolean,
): Promise<Space> {
  requireUser(context);
  return context.db.write(async (em) => {
    const space = await spaceForAdmin(context, em, input.spaceId);
    const target = await em.findOne(Organisation, { id: input.organisationId });
    if (!target) throw BadUserInput.field('organisationId', 'NOT_FOUND', 'No such organisation.');
    if (target.id === space.organisationId) {
      throw BadUserInput.field(
        'organisationId',
        'OWN_ORGANISATION',
        'The space belongs to this organisation already.',
      );
    }
    const existing = await em.findOne(SpaceParticipant, {
      spaceId: space.id,
      organisationId: target.id,
    });
    if (share && !existing)
      em.create(SpaceParticipant, { spaceId: space.id, organisationId: target.id });
    if (!share && existing) em.remove(existing);
    if (share !== Boolean(existing)) {
      recordAudit(em, context, {
        organisationId: space.organisationId,
        action: share ? 'space.shared' : 'space.unshared',
        targetType: 'Space',
        targetId: space.id,
        data: { organisationId: target.id },
      });
    }
    await em.flush();
    return space;
  });
}

/** Organisations a space is shared with; only its own organisation's members see the list. */
export async function sharedWith(context: Context, space: Space): Promise<Organisation[]> {
  if ((await viewerRole(context, space.organisationId)) === null) return [];
  const participants = await participantsLoader(context).load(space.id);
  if (!participants?.length) return [];
  return context.db.read((em) =>
    em.find(Organisation, { id: { $in: participants } }, { orderBy: { name: 'asc' } }),
  );
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    spaceParticipants: RequestLoader<string, string[]>;
  }
}

function participantsLoader(context: Context) {
  return requestLoader(context, 'spaceParticipants', async (em, spaceIds) => {
    const rows = await em.find(SpaceParticipant, { spaceId: { $in: [...spaceIds] } });
    return spaceIds.map((id) => rows.filter((r) => r.spaceId === id).map((r) => r.organisationId));
  });
}

export async function spaceViewerCan(context: Context, space: Space) {
  const role =
    context.viewer.kind === 'user' ? await viewerRole(context, space.organisationId) : null;
  const admin = hasRank(role, MemberRole.ADMIN);
  const contribute = context.viewer.kind === 'user' && mayWrite(await spaceAccess(context), space);
  return { update: admin, share: admin, contribute };
}

export interface SpaceRights {
  space: Space;
  /** Write threads, replies and reactions: members of the organisations with access, not PUBLIC readers. */
  write: boolean;
  /** Pin, lock, hide and restore: MODERATORs of the owning organisation. */
  moderate: boolean;
}

function mayWrite(access: SpaceAccess, space: Space): boolean {
  return (
    access.organisationIds.includes(space.organisationId) ||
    (space.visibility === SpaceVisibility.NETWORK &&
      !!space.networkId &&
      access.networkIds.includes(space.networkId)) ||
    access.sharedSpaceIds.includes(space.id)
  );
}

function rightsMemo(context: Context): Map<string, Promise<SpaceRights>> {
  return context.loaders.memo('spaceRights', () => new Map());
}

/**
 * What the viewer may do in a space it can read; NOT_FOUND when it cannot read it. Decided once
 * per request (or per live event) and space: a page asks it for the thread and for every post.
 */
export function spaceRights(context: Context, spaceId: string): Promise<SpaceRights> {
  const memo = rightsMemo(context);
  let rights = memo.get(spaceId);
  if (!rights) {
    rights = decideSpaceRights(context, spaceId);
    memo.set(spaceId, rights);
  }
  return rights;
}

/**
 * Live delivery decides the rights of many subscribers in one statement (`thread_readers`,
 * the same rule in SQL) and hands each subscriber's fresh context its own answer.
 */
export function primeSpaceRights(context: Context, rights: SpaceRights): void {
  rightsMemo(context).set(rights.space.id, Promise.resolve(rights));
}

async function decideSpaceRights(context: Context, spaceId: string): Promise<SpaceRights> {
  const space = await readableSpace(context, spaceId);
  const access = await spaceAccess(context);
  const isUser = context.viewer.kind === 'user';
  // Moderators of the owning organisation. Network stewards' moderators are not (yet): the
  // database's policies and the audit log would refuse their actions.
  const moderate =
    isUser && hasRank(await viewerRole(context, space.organisationId), MemberRole.MODERATOR);
  const tokenMayWrite =
    context.viewer.kind !== 'apiToken' || context.viewer.scopes.includes('WRITE');
  return {
    space,
    write: tokenMayWrite && context.viewer.kind !== 'anonymous' && mayWrite(access, space),
    moderate,
  };
}

/** Every space id the viewer may read (for search and other cross-space lists). */
export async function readableSpaceIds(context: Context): Promise<string[]> {
  const access = await spaceAccess(context);
  const rows = await context.db.read((em) =>
    em.find(Space, readableWhere(access), { fields: ['id'] }),
  );
  return rows.map((row) => row.id);
}
