import pg from 'pg';
import type { Scale } from './seed.js';
import { graphql, log, percentile, round } from './util.js';

/**
 * The search workload: the site-wide `search` as the signed-in viewer, in Kazakh, Russian and
 * English, over the seeded threads and posts plus resources in the three languages (20 000 at
 * the default scale), seeded here after every other workload has run so that none of them
 * sees other data than before.
 */
export interface SearchResult {
  resources: number;
  seedSeconds: number;
  rounds: number;
  p50: number;
  p95: number;
  max: number;
  perQuery: Array<{ query: string; hits: number; p50: number; p95: number }>;
  /** Per table: the GIN index is used, and the table is not scanned sequentially. */
  plans: Record<string, { ginIndex: boolean; seqScan: boolean }>;
}

export const SEARCH_QUERIES = [
  'мектеп тәуекелі',
  'азаматтардың шағымы',
  'сатып алу',
  'закупки',
  'земельных участков',
  'конфликт интересов',
  'procurement',
  'red flags',
  'conflict of interest',
];

const TITLES = [
  [
    'Мектептердегі сыбайлас жемқорлық тәуекелдері',
    'Мемлекеттік сатып алулар мен азаматтардың шағымдары бойынша талдау.',
  ],
  [
    'Азаматтардың шағымдарын қарау тәртібі',
    'Әкімдіктерге түскен өтініштер мен олардың нәтижелері.',
  ],
  [
    'Проверка закупок школьного питания',
    'Отчёт о нарушениях при государственных закупках в регионах.',
  ],
  ['Аренда земельных участков', 'Конфликт интересов при выделении земельного участка.'],
  [
    'Procurement red flags toolkit',
    'Single-bidder tenders, short submission windows, conflicts of interest.',
  ],
];

/** The seed's ids (seed.ts `bench_seed.bid`, dropped after the seed): valid version-4 UUIDs. */
const bid = (text: string) =>
  `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

export function resourceCount(scale: Scale): number {
  return scale.name === 'small' ? 2_000 : 20_000;
}

export async function seedSearchResources(ownerUrl: string, scale: Scale): Promise<number> {
  const started = performance.now();
  const S = scale.organisations * 2;
  const R = resourceCount(scale);
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query(`set session_replication_role = replica`);
    const titles = TITLES.map(([title]) => `'${title!.replaceAll("'", "''")}'`).join(',');
    const descriptions = TITLES.map(([, text]) => `'${text!.replaceAll("'", "''")}'`).join(',');
    await db.query(
      `insert into resource (id, organisation_id, space_id, title, description, kind, language, tags, created_by, created_at, updated_at)
       select ${bid("'resource-' || r")}, ${bid(`'org-' || ((r % ${S}) / 2)`)}, ${bid(`'space-' || (r % ${S})`)},
              (array[${titles}])[1 + r % 5] || ' ' || r, (array[${descriptions}])[1 + (r / 5) % 5],
              (array['DOCUMENT','TEMPLATE','TOOLKIT','STUDY']::resource_kind[])[1 + r % 4],
              (array['KK','KK','RU','RU','EN']::resource_language[])[1 + r % 5],
              array[(array['сатып-алу','закупки','procurement'])[1 + r % 3]],
              ${bid(`'user-' || ((r % ${S}) / 2)`)},
              timestamptz '2026-01-01 00:00:00+00' - interval '1 minute' * r, timestamptz '2026-01-01 00:00:00+00'
       from generate_series(0, ${R - 1}) r`,
    );
    await db.query('analyze resource');
  } finally {
    await db.end();
  }
  return (performance.now() - started) / 1000;
}

const SEARCH = `query($q: String!) { search(query: $q, first: 20) { edges { node { kind snippetHtml rank thread { id title } post { id } } } } }`;

export async function searchWorkload(
  graphqlUrl: string,
  ownerUrl: string,
  scale: Scale,
  viewer: { id: string; session: string },
  options: { rounds: number; seedSeconds: number },
): Promise<SearchResult> {
  const headers = { cookie: `alany_session=${viewer.session}` };
  const run = (query: string) =>
    graphql<{ search: { edges: unknown[] } }>(graphqlUrl, SEARCH, { q: query }, headers);
  for (const query of SEARCH_QUERIES) await run(query);
  const all: number[] = [];
  const perQuery: SearchResult['perQuery'] = [];
  for (const query of SEARCH_QUERIES) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < options.rounds; i += 1) {
      const t = performance.now();
      hits = (await run(query)).search.edges.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    perQuery.push({
      query,
      hits,
      p50: round(percentile(times, 50), 1),
      p95: round(percentile(times, 95), 1),
    });
    log(`  «${query}»: ${hits} hits, p50 ${percentile(times, 50).toFixed(1)} ms`);
  }
  all.sort((a, b) => a - b);
  return {
    resources: resourceCount(scale),
    seedSeconds: round(options.seedSeconds, 1),
    rounds: options.rounds,
    p50: round(percentile(all, 50), 1),
    p95: round(percentile(all, 95), 1),
    max: round(all.at(-1) ?? NaN, 1),
    perQuery,
    plans: await searchPlans(ownerUrl, viewer.id),
  };
}

/**
 * The plans of the search's match as the viewer (row-level security on), for a query in each
 * language: the GIN index of each table serves it, and no table is read sequentially.
 */
async function searchPlans(ownerUrl: string, viewerId: string) {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  const plans: SearchResult['plans'] = {};
  try {
    await db.query('begin');
    await db.query(`select set_config('app.user_id', $1, true)`, [viewerId]);
    const tsquery = `(websearch_to_tsquery('english', $1) || websearch_to_tsquery('russian', $1) || websearch_to_tsquery('simple', alany.search_fold($1)) || alany.search_stems_query($1, false))`;
    for (const table of ['thread', 'post', 'resource']) {
      let ginIndex = true;
      let seqScan = false;
      for (const query of ['мектеп тәуекелі', 'закупки', 'procurement']) {
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(
          `explain select id from ${table} where search @@ ${tsquery} and space_id = any(alany.readable_space_ids())`,
          [query],
        );
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        ginIndex &&= plan.includes(`${table}_search_index`);
        seqScan ||= new RegExp(`Seq Scan on ${table}\\b`).test(plan);
      }
      plans[table] = { ginIndex, seqScan };
    }
    await db.query('rollback');
  } finally {
    await db.end();
  }
  return plans;
}
