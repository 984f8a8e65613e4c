import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { byKey, requestLoader, type RequestLoader } from '../../platform/graphql/loaders.js';
import { columnsOf, readOnlyEntity } from '../../platform/database/read-only.js';
import { Organisation } from './organisations.entity.js';

/**
 * How other features read organisations. The rows handed out are shown, never changed through
 * (changes load the organisation themselves): treat them as read-only.
 */

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    organisationById: RequestLoader<string, Organisation>;
  }
}

export function organisationLoader(context: Context) {
  return requestLoader(context, 'organisationById', async (em, ids) =>
    byKey(ids, await em.find(Organisation, { id: { $in: [...ids] } }), (o) => o.id),
  );
}

const ORGANISATION_PREFIX = 'organisation__';

/** The columns `primeOrganisation` takes, for a read that brings an organisation with its row. */
export function organisationColumns(em: EntityManager, alias: string): string {
  return columnsOf(em, Organisation, alias, ORGANISATION_PREFIX);
}

/**
 * Hands the organisation that `organisationColumns` brought along in `row` to the request's
 * loader. The row is left as it is: the caller may still hold and map it.
 */
export function primeOrganisation(
  context: Context,
  em: EntityManager,
  row: Readonly<Record<string, unknown>>,
): void {
  const organisation: Record<string, unknown> = {};
  for (const name in row) {
    if (name.startsWith(ORGANISATION_PREFIX))
      organisation[name.slice(ORGANISATION_PREFIX.length)] = row[name];
  }
  if (typeof organisation.id === 'string')
    organisationLoader(context).prime(
      organisation.id,
      readOnlyEntity(em, Organisation, organisation),
    );
}

export function organisationById(
  context: Context,
  id: string,
): Promise<Readonly<Organisation> | null> {
  return organisationLoader(context).load(id);
}

/** Organisation profiles are a public directory: name, kind, place and description. */
export function organisationBySlug(context: Context, slug: string): Promise<Organisation | null> {
  return context.db.read((em) => em.findOne(Organisation, { slug: slug.trim().toLowerCase() }));
}

/** The organisation with this address, inside a caller's transaction (public directory data). */
export function organisationBySlugIn(
  em: EntityManager,
  slug: string,
): Promise<Organisation | null> {
  return em.findOne(Organisation, { slug: slug.trim().toLowerCase() });
}

/** Organisations by id, in the order of `ids` (null where missing), inside a caller's transaction. */
export async function organisationsByIds(
  em: EntityManager,
  ids: readonly string[],
): Promise<Array<Organisation | null>> {
  return byKey(ids, await em.find(Organisation, { id: { $in: [...ids] } }), (o) => o.id);
}

/** The organisation with this id, inside a caller's transaction; throws when there is none. */
export function organisationByIdIn(em: EntityManager, id: string): Promise<Organisation> {
  return em.findOneOrFail(Organisation, { id });
}

/** Which of `userIds` are members of the organisation, inside a caller's transaction. */
export async function membersAmong(
  em: EntityManager,
  organisationId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const rows = await em.execute<Array<{ user_id: string }>>(
    'select user_id from membership where organisation_id = ? and user_id = any(?::uuid[])',
    [organisationId, `{${userIds.join(',')}}`],
  );
  return rows.map((row) => row.user_id);
}
