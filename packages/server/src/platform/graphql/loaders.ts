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

/** A request loader: `null` where a key has no row (or none the viewer may see). */
export type RequestLoader<K, V> = DataLoader<K, V | null>;

/**
 * The request's DataLoaders, by name, with their key and value types. Platform declares none:
 * each feature declares its own from its reads or service file by module augmentation, so the
 * platform never imports a feature and two features cannot give one name two types:
 *
 * ```ts
 * declare module '../../platform/graphql/loaders.js' {
 *   interface RequestLoaders {
 *     spaceById: RequestLoader<string, Space>;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface RequestLoaders {}

/**
 * Values worked out once per request (or per live event) that are not DataLoaders — the viewer's
 * organisations, networks, reach — by name, with their types; declared like `RequestLoaders`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface RequestMemos {}

type LoaderName = keyof RequestLoaders;
type MemoName = keyof RequestMemos;
type KeyOf<N extends LoaderName> =
  RequestLoaders[N] extends DataLoader<infer K, unknown, unknown> ? K : never;
type ValueOf<N extends LoaderName> =
  RequestLoaders[N] extends DataLoader<unknown, infer V, unknown> ? V : never;

/**
 * What one request (or one subscription event) has loaded: its DataLoaders and memoised values,
 * each under a name declared in `RequestLoaders` / `RequestMemos`. `clear()` before a new live
 * event (access may have changed), `forget(name)` after a write that makes a value stale.
 */
export class RequestCache {
  readonly #loaders = new Map<LoaderName, unknown>();
  readonly #memos = new Map<MemoName, unknown>();

  /** The loader of this name, made by `create` the first time this request asks for it. */
  loader<N extends LoaderName>(name: N, create: () => RequestLoaders[N]): RequestLoaders[N] {
    if (this.#loaders.has(name)) return this.#loaders.get(name) as RequestLoaders[N];
    const loader = create();
    this.#loaders.set(name, loader);
    return loader;
  }

  /** The memoised value of this name, worked out by `compute` the first time it is asked for. */
  memo<N extends MemoName>(name: N, compute: () => RequestMemos[N]): RequestMemos[N] {
    if (this.#memos.has(name)) return this.#memos.get(name) as RequestMemos[N];
    const value = compute();
    this.#memos.set(name, value);
    return value;
  }

  /** The memoised value of this name, or undefined when this request has none yet. */
  recall<N extends MemoName>(name: N): RequestMemos[N] | undefined {
    return this.#memos.get(name) as RequestMemos[N] | undefined;
  }

  /** Primes a memo with a value read some other way (replacing what it held). */
  remember<N extends MemoName>(name: N, value: RequestMemos[N]): void {
    this.#memos.set(name, value);
  }

  /** Whether this request has made the loader or memo of this name. */
  has(name: LoaderName | MemoName): boolean {
    return this.#loaders.has(name as LoaderName) || this.#memos.has(name as MemoName);
  }

  /** Drops one loader or memo after a write made it stale; the next use reads afresh. */
  forget(...names: Array<LoaderName | MemoName>): void {
    for (const name of names) {
      this.#loaders.delete(name as LoaderName);
      this.#memos.delete(name as MemoName);
    }
  }

  /** Drops everything (a subscription's next event starts afresh). */
  clear(): void {
    this.#loaders.clear();
    this.#memos.clear();
  }
}

/**
 * A DataLoader that lives as long as one request (or one subscription event), so that a page of
 * rows costs one statement per kind of related row, not one per row. Its key and value types are
 * the ones `name` is declared with in `RequestLoaders`.
 */
export function requestLoader<N extends LoaderName>(
  context: Context,
  name: N,
  batch: (em: EntityManager, keys: readonly KeyOf<N>[]) => Promise<Array<ValueOf<N> | null>>,
): RequestLoaders[N] {
  return context.loaders.loader(name, () => {
    const cacheMap = new Map<KeyOf<N>, Promise<ValueOf<N> | null>>();
    const loader = new DataLoader<KeyOf<N>, ValueOf<N> | null>(
      (keys) => context.db.read((em) => batch(em, keys)),
      { cacheMap },
    );
    caches.set(loader as DataLoader<never, unknown>, { cacheMap, primed: new Map() });
    return loader as RequestLoaders[N];
  });
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
