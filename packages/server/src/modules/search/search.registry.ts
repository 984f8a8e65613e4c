import type { SearchKind } from './search.inputs.js';

/**
 * What a feature tells the search about one kind of thing it can find. The SQL stays with the
 * feature (its tables, its visibility rules); the search combines the kinds, ranks, pages and
 * cuts snippets. Every statement may use the one-row relation `search_query`, with columns
 *
 * - `q` (tsquery): the query's English and Russian Snowball forms, its ё-folded words and their
 *   Kazakh/Russian stems (`alany.search_stems_query`), OR-ed;
 * - `fq` (text): the query folded (`alany.search_fold`), for the trigram fallback;
 * - `spaces` (uuid[]): the spaces the viewer may read (and the filter asked for);
 * - `n` (int): how many rows the page needs (null: all, for the library's filter).
 *
 * The matches must be index-served on their own, which under row-level security takes a
 * `security definer` function (`@@` and `<%` are not leakproof: PostgreSQL never makes them index
 * conditions on a table with a policy). Such a function reads only rows in
 * `alany.readable_space_ids()` ∩ `spaces`, returns ids and ranks, never text, and keeps one `@@`
 * or `<%` per statement (an OR of them, or with an `exists`, can use no index). See
 * Migration20261207000270SearchPlans and docs/performance.md, «Search speed».
 */
export interface SearchSource {
  kind: SearchKind;
  /**
   * Full-text matches: a set-returning call (in `from`) giving `(id uuid, thread_id uuid, rank
   * real)`, the best `search_query.n` rows (null: all), `rank` from `ts_rank` with the weights
   * `{0.05, 0.1, 0.2, 1.0}` (D posts, B bodies, A titles and tags).
   */
  match: string;
  /**
   * Typo matches (pg_trgm word similarity, from `search_query.fq`), the same shape, ranked
   * below every full-text rank (`0.001 × similarity`). Run only when the full-text matches do
   * not fill the page; the search drops the rows those already found.
   */
  typo?: string;
  /** `(id uuid, text text)` for the rows whose ids are in `search_page.ids` (uuid[]): a snippet's source. */
  snippetText: string;
}

const sources = new Map<SearchKind, SearchSource>();

/** Called once per kind by the feature that owns it, when its module loads. */
export function registerSearchKind(source: SearchSource): void {
  if (sources.has(source.kind)) throw new Error(`search kind ${source.kind} registered twice`);
  sources.set(source.kind, source);
}

export function searchSource(kind: SearchKind): SearchSource {
  const source = sources.get(kind);
  // A kind in the API's enum that no feature registered is a wiring bug, not a user's error.
  if (!source) throw new Error(`no search source registered for ${kind}`);
  return source;
}
