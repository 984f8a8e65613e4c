import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import { escapeHtml } from '../../platform/text/markdown.js';
import { readableSpaceIds } from '../spaces/index.js';
import { SearchKind, type SearchArgs, type SearchHit } from './search.inputs.js';
import { searchSource, type SearchSource } from './search.registry.js';

/**
 * What a query matches: its English and Russian Snowball forms, its exact (ё-folded) words, and
 * all its words' stems (`alany.search_stems`, Kazakh and Russian endings stripped). Takes the
 * query text four times.
 */
export const SEARCH_TSQUERY_SQL = `(websearch_to_tsquery('english', ?) || websearch_to_tsquery('russian', ?) || websearch_to_tsquery('simple', alany.search_fold(?)) || alany.search_stems_query(?, false))`;

/**
 * The one-row relation every source's SQL reads (see `SearchSource`): takes the query text five
 * times, the spaces (a `{…}` uuid array literal) and the row count.
 */
const SEARCH_QUERY_CTE = `search_query as materialized (
  select ${SEARCH_TSQUERY_SQL} as q, alany.search_fold(?) as fq, ?::uuid[] as spaces, ?::int as n)`;

const searchQueryParams = (query: string, spaces: string[], n: number | null) => [
  query,
  query,
  query,
  query,
  query,
  `{${spaces.join(',')}}`,
  n,
];

/** Ids of every row of one kind matching the query in the given spaces (the library filter). */
export async function matchingIds(
  em: EntityManager,
  kind: SearchKind,
  query: string,
  spaceIds: string[],
): Promise<string[]> {
  const rows = await em.execute<Array<{ id: string }>>(
    `with ${SEARCH_QUERY_CTE} select m.id from search_query, ${searchSource(kind).match} m`,
    searchQueryParams(query, spaceIds, null),
  );
  return rows.map((row) => row.id);
}

interface HitRow {
  kind: SearchKind;
  id: string;
  thread_id: string | null;
  rank: number;
}

const MARK_START = '\u0002';
const MARK_END = '\u0003';

function snippetToHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/**
 * How deep a search pages: PostgreSQL ranks and then skips every row before the offset, so a
 * cursor of `o:10000000` would have it rank the whole readable corpus for nothing.
 */
export const MAX_SEARCH_OFFSET = 1000;

const byRank = (a: HitRow, b: HitRow) =>
  b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Search over what the viewer may read, in the kinds the features registered. Three short
 * statements in one read:
 *
 * 1. each kind's full-text match (an index-served definer function, see `SearchSource`), each
 *    limited to the rows the page needs, merged by rank;
 * 2. only when those do not fill the page: the kinds' typo matches (trigram), ranked below;
 * 3. snippets for the page's rows alone, by primary key, as the application role.
 */
export async function search(context: Context, args: SearchArgs) {
  const query = args.query.normalize('NFC').trim();
  if (!query) throw BadUserInput.field('query', 'REQUIRED', 'Type something to search for.');
  const offset = args.after
    ? Number(Buffer.from(args.after, 'base64url').toString().replace(/^o:/, ''))
    : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw BadUserInput.field('after', 'INVALID_CURSOR', 'The cursor is not valid.');
  if (offset > MAX_SEARCH_OFFSET)
    throw BadUserInput.field(
      'after',
      'TOO_FAR',
      `A search shows its first ${MAX_SEARCH_OFFSET} results; narrow it down to see others.`,
    );
  let spaceIds = await readableSpaceIds(context);
  if (args.filter?.spaceId) spaceIds = spaceIds.filter((id) => id === args.filter?.spaceId);
  if (spaceIds.length === 0)
    return {
      edges: [],
      pageInfo: {
        hasNextPage: false,
        hasPreviousPage: offset > 0,
        startCursor: null,
        endCursor: null,
      },
    };
  const kinds = args.filter?.kind
    ? [args.filter.kind]
    : [SearchKind.THREAD, SearchKind.POST, SearchKind.RESOURCE];
  // One row more than the page: whether there is a next page.
  const wanted = offset + args.first + 1;
  const { hits, snippets } = await context.db.read(async (em) => {
    const run = (statement: SearchStatement | null) =>
      statement ? em.execute<HitRow[]>(statement.sql, statement.params) : Promise.resolve([]);
    const found = (await run(matchStatement(kinds, query, spaceIds, wanted))).sort(byRank);
    if (found.length < wanted) {
      // Every full-text match is in hand (fewer than asked for), so the typo matches can leave
      // them out here: asked for `wanted`, at least `wanted - found.length` of them are new when
      // there are that many. Typo ranks are below every full-text rank: they extend the list.
      const seen = new Set(found.map((row) => `${row.kind}:${row.id}`));
      const typos = await run(typoStatement(kinds, query, spaceIds, wanted));
      found.push(...typos.filter((row) => !seen.has(`${row.kind}:${row.id}`)).sort(byRank));
    }
    const page = found.slice(offset, wanted);
    // The extra row only tells whether there is a next page: no snippet for it.
    const snippet = snippetStatement(query, page.slice(0, args.first));
    const rows = snippet
      ? await em.execute<Array<{ kind: string; id: string; snippet: string }>>(
          snippet.sql,
          snippet.params,
        )
      : [];
    return {
      hits: page,
      snippets: new Map(rows.map((row) => [`${row.kind}:${row.id}`, row.snippet])),
    };
  });
  const shown = hits.slice(0, args.first);
  const edges = shown.map((row, index) => {
    const node: SearchHit = {
      kind: row.kind,
      threadId: row.thread_id,
      postId: row.kind === SearchKind.POST ? row.id : null,
      resourceId: row.kind === SearchKind.RESOURCE ? row.id : null,
      snippetHtml: snippetToHtml(snippets.get(`${row.kind}:${row.id}`) ?? ''),
      rank: Number(row.rank),
    };
    return { cursor: Buffer.from(`o:${offset + index + 1}`).toString('base64url'), node };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: hits.length > args.first && offset + args.first < MAX_SEARCH_OFFSET,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** One statement the search sends: SQL with `?` placeholders and its parameters. */
export interface SearchStatement {
  sql: string;
  params: unknown[];
}

function branches(kinds: SearchKind[], pick: (source: SearchSource) => string | undefined) {
  return kinds.flatMap((kind) => {
    const call = pick(searchSource(kind));
    return call
      ? [`select '${kind}' as kind, m.id, m.thread_id, m.rank from search_query, ${call} m`]
      : [];
  });
}

/** Each kind's best `n` full-text matches (unsorted across kinds). */
export function matchStatement(
  kinds: SearchKind[],
  query: string,
  spaceIds: string[],
  n: number,
): SearchStatement {
  return {
    sql: `with ${SEARCH_QUERY_CTE} ${branches(kinds, (s) => s.match).join(' union all ')}`,
    params: searchQueryParams(query, spaceIds, n),
  };
}

/** Each kind's best `n` typo matches, or null when no kind has a typo fallback. */
export function typoStatement(
  kinds: SearchKind[],
  query: string,
  spaceIds: string[],
  n: number,
): SearchStatement | null {
  const parts = branches(kinds, (s) => s.typo);
  return parts.length === 0
    ? null
    : {
        sql: `with ${SEARCH_QUERY_CTE} ${parts.join(' union all ')}`,
        params: searchQueryParams(query, spaceIds, n),
      };
}

/**
 * `ts_headline` for the page's rows only: it costs far more than the match and the rank. Run as
 * the application role under row-level security; rows are found by primary key. PostgreSQL's
 * 'russian' configuration stems Latin words with the English stemmer too, so one headline marks
 * matches in all three languages; the query's stems as prefixes mark the Kazakh and Russian forms
 * only the stems matched («мектеп:*» marks «мектептердегі»).
 */
export function snippetStatement(
  query: string,
  rows: Array<{ kind: SearchKind; id: string }>,
): SearchStatement | null {
  const kinds = [...new Set(rows.map((row) => row.kind))];
  if (kinds.length === 0) return null;
  const parts = kinds.map(
    (kind) => `select '${kind}' as kind, s.id, ts_headline('russian', s.text, h.hq,
        'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10, MaxFragments=2') as snippet
      from (select ?::uuid[] as ids) search_page, headline_query h, lateral (${searchSource(kind).snippetText}) s`,
  );
  return {
    sql: `with headline_query as materialized (
        select websearch_to_tsquery('russian', ?) || alany.search_stems_query(?, true) as hq)
      ${parts.join(' union all ')}`,
    params: [
      query,
      query,
      ...kinds.map(
        (kind) => `{${rows.flatMap((row) => (row.kind === kind ? [row.id] : [])).join(',')}}`,
      ),
    ],
  };
}
