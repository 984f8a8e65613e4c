import pg from 'pg';
import {
  indexesUsed,
  searchPlans,
  sequentialScans,
} from '@alany/server/dist/modules/search/search.plans.js';
import type { Scale } from './seed.js';
import { graphql, log, percentile, round } from './util.js';

/**
 * The search workload: the site-wide `search` as the signed-in viewer, in Kazakh, Russian and
 * English, over the seeded threads and posts plus resources in the three languages (20 000 at
 * the default scale, a file's extracted text for one in ten), seeded here after every other
 * workload has run so that none of them sees other data than before.
 */
export interface SearchResult {
  resources: number;
  versions: number;
  seedSeconds: number;
  rounds: number;
  p50: number;
  p95: number;
  max: number;
  perQuery: Array<{ query: string; hits: number; p50: number; p95: number; indexes: string[] }>;
  /**
   * The plans PostgreSQL ran for each query as the viewer (the application role, the definer
   * functions' statements included, through auto_explain): the indexes read, and any searched
   * table read sequentially (none expected).
   */
  plans: { indexes: string[]; sequentialScans: string[] };
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

/** One resource in ten has a file whose text was extracted (searched through its own index). */
export const versionCount = (scale: Scale) => resourceCount(scale) / 10;

/** A file's text: one of the five subjects (as resources' titles are), a few times over. */
const FILE_TEXTS = TITLES.map(
  ([title, text]) => `'${`${title}. ${text} `.repeat(3).replaceAll("'", "''")}'`,
).join(',');

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
    await db.query(
      `insert into resource_version (id, organisation_id, space_id, resource_id, number, url, extracted_text, created_by, created_at)
       select ${bid("'version-' || r")}, r.organisation_id, r.space_id, r.id, 1, 'https://example.org/file-' || n,
              (array[${FILE_TEXTS}])[1 + (n / 10) % 5] || n, r.created_by, r.created_at
       from (select row_number() over (order by id) as n, * from resource) r where r.n % 10 = 0`,
    );
    await db.query('analyze resource; analyze resource_version');
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
  const indexes = new Set<string>();
  const scans = new Set<string>();
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
    const plans = await searchPlans(ownerUrl, viewer.id, query);
    for (const index of indexesUsed(plans)) indexes.add(index);
    for (const node of sequentialScans(plans)) scans.add(node.relation ?? '');
    perQuery.push({
      query,
      hits,
      p50: round(percentile(times, 50), 1),
      p95: round(percentile(times, 95), 1),
      indexes: indexesUsed(plans),
    });
    log(`  «${query}»: ${hits} hits, p50 ${percentile(times, 50).toFixed(1)} ms`);
  }
  all.sort((a, b) => a - b);
  return {
    resources: resourceCount(scale),
    versions: versionCount(scale),
    seedSeconds: round(options.seedSeconds, 1),
    rounds: options.rounds,
    p50: round(percentile(all, 50), 1),
    p95: round(percentile(all, 95), 1),
    max: round(all.at(-1) ?? NaN, 1),
    perQuery,
    plans: { indexes: [...indexes].sort(), sequentialScans: [...scans].sort() },
  };
}
