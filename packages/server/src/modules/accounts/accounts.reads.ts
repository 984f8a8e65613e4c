import type { EntityManager } from '@mikro-orm/postgresql';
import { readOnlyEntity } from '../../platform/database/read-only.js';
import type { Context } from '../../platform/graphql/context.js';
import {
  byKey,
  primeLoader,
  requestLoader,
  type RequestLoader,
} from '../../platform/graphql/loaders.js';
import { User } from './accounts.entity.js';

/**
 * How other features read people: by id through the request's loader, or brought along with
 * their own rows (`authorColumns` + `primeAuthors`). The people handed out are shown, never
 * changed through (they are not tracked by a unit of work).
 */

export async function userEmail(em: EntityManager, userId: string): Promise<string | undefined> {
  return (await em.findOne(User, { id: userId }, { fields: ['email'] }))?.email;
}

const AUTHOR_COLUMNS = [
  'id',
  'email',
  'display_name',
  'handle',
  'locale',
  'created_at',
  'updated_at',
];

/**
 * The select list that brings a row's author along in the same statement
 * (`left join app_user <alias> on …`), so a page costs no statement of its own for its authors.
 */
export function authorColumns(alias: string): string {
  return AUTHOR_COLUMNS.map((column) => `${alias}.${column} as "author__${column}"`).join(', ');
}

const AUTHOR_PREFIX = 'author__';
const AUTHOR_ID = `${AUTHOR_PREFIX}id`;

/**
 * Takes the `authorColumns` out of raw rows and hands those people to the request's user loader.
 * Each row is replaced (in `rows`) by a fresh object without them: deleting properties would turn
 * every row into a slow dictionary-mode object before it is mapped to an entity.
 */
export function primeAuthors(
  context: Context,
  em: EntityManager,
  rows: Array<Record<string, unknown>>,
): void {
  const loader = userLoader(context);
  // A page often shows the same people many times: each is mapped once.
  const seen = new Set<string>();
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    const id = row[AUTHOR_ID];
    // The author's id when this row brings someone not mapped yet.
    const first = typeof id === 'string' && !seen.has(id) ? id : undefined;
    const rest: Record<string, unknown> = {};
    const author: Record<string, unknown> = {};
    for (const key in row) {
      if (!key.startsWith(AUTHOR_PREFIX)) rest[key] = row[key];
      else if (first !== undefined) author[key.slice(AUTHOR_PREFIX.length)] = row[key];
    }
    rows[index] = rest;
    if (first === undefined) continue;
    seen.add(first);
    // Shown, never changed through this object: not tracked by the unit of work.
    primeLoader(loader, first, readOnlyEntity(em, User, author));
  }
}

declare module '../../platform/graphql/loaders.js' {
  interface RequestLoaders {
    userById: RequestLoader<string, User>;
  }
}

export function userLoader(context: Context) {
  return requestLoader(context, 'userById', async (em, ids) =>
    byKey(ids, await em.find(User, { id: { $in: [...ids] } }), (u) => u.id),
  );
}

/** Whether the account's address is confirmed. */
export async function isVerified(context: Context, userId: string): Promise<boolean> {
  const rows = await context.db.read((em) =>
    em.execute<Array<{ verified: boolean }>>(
      'select email_verified_at is not null as verified from app_user where id = ?',
      [userId],
    ),
  );
  return rows[0]?.verified === true;
}
