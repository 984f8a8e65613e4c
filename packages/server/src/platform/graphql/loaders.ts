import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context.js';

/**
 * A DataLoader that lives as long as one request (or one subscription event), so that a page of
 * rows costs one statement per kind of related row, not one per row.
 */
export function requestLoader<K, V>(
  context: Context,
  name: string,
  batch: (em: EntityManager, keys: readonly K[]) => Promise<Array<V | null>>,
): DataLoader<K, V | null> {
  let loader = context.loaders.get(name) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | null>((keys) => context.db.read((em) => batch(em, keys)));
    context.loaders.set(name, loader);
  }
  return loader;
}

/** Orders rows to match `keys`, with null where a row is missing (or not visible). */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): Array<V | null> {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
