import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { executePrepared, prepared } from '../../platform/database/prepared.js';
import { readOnlyEntity } from '../../platform/database/read-only.js';
import { SqlFragment } from '../../platform/database/sql-fragment.js';
import {
  type MemberRole,
  primeViewerMemberships,
  viewerOrganisationIds,
  viewerOrganisationIdsKnown,
} from '../organisations/index.js';
import { primeViewerNetworkIds, viewerNetworkIds } from '../networks/index.js';
import { Space, SpaceParticipant } from './spaces.entity.js';

/**
 * What the viewer can reach, the input of every space rule (`spaces.policy.ts`): the
 * organisations it acts for, their networks and the spaces shared with them.
 */
export interface SpaceReach {
  readonly organisationIds: readonly string[];
  readonly networkIds: readonly string[];
  readonly sharedSpaceIds: readonly string[];
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestMemos {
    spaceAccess: Promise<SpaceReach>;
  }
  interface RequestLoaders {
    spaceById: RequestLoader<string, Space>;
    /** The organisations each space is shared with. */
    spaceParticipants: RequestLoader<string, string[]>;
  }
}

/** The viewer's reach, loaded once per request. */
export function spaceReach(context: Context): Promise<SpaceReach> {
  const cached = context.loaders.recall('spaceAccess');
  if (cached) return cached;
  const viewer = context.viewer;
  if (viewer.kind === 'user' && !viewerOrganisationIdsKnown(context))
    return context.loaders.memo('spaceAccess', () => signedInReach(context, viewer.userId));
  return context.loaders.memo('spaceAccess', async (): Promise<SpaceReach> => {
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
const REACH_CTE = 'reach_m as (select organisation_id, role from membership where user_id = ?)';
const REACH_COLUMNS = `
  coalesce((select json_agg(json_build_object('organisationId', organisation_id, 'role', role)) from reach_m), '[]') as reach__memberships,
  coalesce((select array_agg(distinct network_id) from network_membership where organisation_id in (select organisation_id from reach_m)), '{}') as reach__network_ids,
  coalesce((select array_agg(space_id) from space_participant where organisation_id in (select organisation_id from reach_m)), '{}') as reach__shared_space_ids`;

/** The reach's columns as the statement returns them. */
interface ReachColumns {
  readonly reach__memberships: ReadonlyArray<{ organisationId: string; role: MemberRole }> | null;
  readonly reach__network_ids: readonly string[] | null;
  readonly reach__shared_space_ids: readonly string[] | null;
}

/**
 * The signed-in viewer's reach for another feature's statement, when it is still to be read:
 * `with` goes first in the statement (`with <with> select …`) and `columns` into its select list;
 * `primeSpaceReach` then takes the answer from the row. `undefined` when it need not be read
 * (known already, or the viewer is not a signed-in person).
 */
export function spaceReachFragments(
  context: Context,
): { with: SqlFragment; columns: SqlFragment } | undefined {
  if (
    context.viewer.kind !== 'user' ||
    context.loaders.has('spaceAccess') ||
    viewerOrganisationIdsKnown(context)
  )
    return undefined;
  return {
    with: SqlFragment.of(REACH_CTE, [context.viewer.userId]),
    columns: SqlFragment.of(REACH_COLUMNS),
  };
}

/**
 * Reads the reach columns (`spaceReachFragments`) of a row and primes the request's caches with
 * them; the row is left as it is.
 */
export function primeSpaceReach(
  context: Context,
  row: Readonly<Record<string, unknown>>,
): SpaceReach {
  const columns = row as Partial<ReachColumns>;
  const memberships = columns.reach__memberships ?? [];
  const networkIds = columns.reach__network_ids ?? [];
  const reach: SpaceReach = {
    organisationIds: memberships.map((m) => m.organisationId),
    networkIds,
    sharedSpaceIds: columns.reach__shared_space_ids ?? [],
  };
  primeViewerMemberships(context, memberships);
  primeViewerNetworkIds(context, [...networkIds]);
  context.loaders.remember('spaceAccess', Promise.resolve(reach));
  return reach;
}

/**
 * A signed-in person's reach in one statement (row-level security as that person). The same
 * rows the separate lookups read; their caches are primed from it.
 */
async function signedInReach(context: Context, userId: string): Promise<SpaceReach> {
  const [row] = await context.db.read((em) =>
    em.execute<Array<Record<string, unknown>>>(`with ${REACH_CTE} select ${REACH_COLUMNS}`, [
      userId,
    ]),
  );
  return primeSpaceReach(context, row ?? {});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A page about one space (its thread list) reads the space and, when not known yet, the viewer's
 * reach in one statement, priming the request's caches; `readableSpace` and `spaceRights` then
 * decide from them as always. A no-op when either was read already or the id is no uuid.
 */
export async function primeSpaceAndReach(context: Context, spaceId: string): Promise<void> {
  const reach = spaceReachFragments(context);
  if (context.loaders.has('spaceById') || !reach || !UUID.test(spaceId)) return;
  const viewer = context.viewer as { userId: string };
  await context.db.read(async (em) => {
    // One row whether or not the space exists or may be read (the reach is the viewer's own).
    const [row] = await executePrepared(
      em,
      prepared(`with ${REACH_CTE}
       select ${spaceColumnList('s')}, ${REACH_COLUMNS}
       from (select 1) as one left join space s on s.id = ?`),
      [viewer.userId, spaceId],
    );
    if (!row) return;
    primeSpaceReach(context, row);
    if (row.space__id === null) spaceLoader(context).prime(spaceId, null);
    else primeSpaceFromRow(context, em, row);
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

function spaceColumnList(alias: string): string {
  return SPACE_COLUMNS.map((column) => `${alias}.${column} as "space__${column}"`).join(', ');
}

/**
 * The select list that brings a row's space along in another feature's statement
 * (`left join space <alias> on …`); `primeSpaceFromRow` takes it from the row.
 */
export function spaceColumns(alias: string): SqlFragment {
  return SqlFragment.of(spaceColumnList(alias));
}

/** The space of a row read with `spaceColumns` (null when its join found none); the row is left as it is. */
export function spaceFromRow(
  em: EntityManager,
  row: Readonly<Record<string, unknown>>,
): Space | null {
  if (typeof row.space__id !== 'string') return null;
  const space: Record<string, unknown> = {};
  for (const column of SPACE_COLUMNS) space[column] = row[`space__${column}`];
  // Shown and checked, never changed through this object (changes load the space themselves).
  return readOnlyEntity(em, Space, space);
}

/**
 * Reads the `spaceColumns` of a raw row and hands that space to the request's space loader; the
 * row is left as it is.
 */
export function primeSpaceFromRow(
  context: Context,
  em: EntityManager,
  row: Readonly<Record<string, unknown>>,
): void {
  const space = spaceFromRow(em, row);
  if (space) spaceLoader(context).prime(space.id, space);
}

export function spaceLoader(context: Context) {
  return requestLoader(context, 'spaceById', async (em, ids) =>
    byKey(ids, await em.find(Space, { id: { $in: [...ids] } }), (s) => s.id),
  );
}

/** The organisations each space is shared with. */
export function participantsLoader(context: Context) {
  return requestLoader(context, 'spaceParticipants', async (em, spaceIds) => {
    const rows = await em.find(SpaceParticipant, { spaceId: { $in: [...spaceIds] } });
    return spaceIds.map((id) => rows.filter((r) => r.spaceId === id).map((r) => r.organisationId));
  });
}
