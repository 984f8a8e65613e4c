import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context.js';

/** A request loader's own cache, and the values it was primed with (readable synchronously). */
interface LoaderCache {
  cacheMap: Map<unknown, Promise<unknown>>;
  primed: Map<unknown, unknown>;
}

const caches = new WeakMap<DataLoader<never, unknown>, LoaderCache>();

/**
 * Primes a request loader as `loader.prime` does (a key it already holds, loaded or primed, keeps
 * its value), and remembers the value so that a field resolver can have it without a promise.
 */
export function primeLoader<K, V>(loader: DataLoader<K, V | null>, key: K, value: V): void {
  const cache = caches.get(loader as DataLoader<never, unknown>);
  if (!cache) {
    loader.prime(key, value);
    return;
  }
  if (cache.cacheMap.has(key)) return;
  loader.prime(key, value);
  cache.primed.set(key, value);
}

/**
 * The value `primeLoader` gave this key, while the loader still holds it; undefined when the key
 * was loaded rather than primed (then `loader.load` it), or was never asked for.
 */
export function primedValue<K, V>(loader: DataLoader<K, V | null>, key: K): V | undefined {
  const cache = caches.get(loader as DataLoader<never, unknown>);
  if (!cache?.cacheMap.has(key)) return undefined;
  return cache.primed.get(key) as V | undefined;
}

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
    const cacheMap = new Map<K, Promise<V | null>>();
    loader = new DataLoader<K, V | null>((keys) => context.db.read((em) => batch(em, keys)), {
      cacheMap,
    });
    caches.set(loader, { cacheMap, primed: new Map() });
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
