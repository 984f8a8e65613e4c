/**
 * The search is served by its indexes: with enough rows that the planner has a choice (30 000
 * posts, 3 000 threads and resources, 1 000 resource files, a tenth of them in the viewer's
 * space and the rest in 90 others), ANALYZEd, the statements the search sends — run as the application role, the
 * definer functions' own statements included (auto_explain) — read no searched table
 * sequentially, and each table's match goes through its GIN index. No planner setting is changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { createOrganisation, person, type Person } from '../../test/tenants.js';
import { indexesUsed, searchPlans, sequentialScans } from './search.plans.js';

let server: TestServer;
let viewer: Person;

/** Words of all three languages; each row takes a few, so most words are in a small share of rows. */
const WORDS = [
  ...'мектеп ауыл әкімдік бюджет шағым азамат жол жөндеу аурухана дәрі жер учаске грант субсидия тексеру есеп сатып алу келісімшарт мердігер құрылыс су тендер комиссия қоғамдық кеңес декларация мүлік әдеп кодекс мүдде қақтығыс балабақша тұрғын үй'.split(
    ' ',
  ),
  ...'закупка школа питание проверка отчёт нарушение регион земельный участок аренда конфликт интересов больница лекарство дорога ремонт грант субсидия жалоба гражданин бюджет акимат совет декларация имущество подрядчик тендер строительство вода детский сад жильё'.split(
    ' ',
  ),
  ...'procurement tender contract audit report school meals hospital medicine road repair grant subsidy complaint citizen budget council declaration asset conflict interest kindergarten housing water construction bidder award transparency monitoring whistleblower'.split(
    ' ',
  ),
];

/** A row's text: `count` words picked by hashing the row number (deterministic, spread). */
const text = (row: string, count: number) =>
  Array.from(
    { length: count },
    (_, k) =>
      `(array[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + (abs(hashint4(${row} * ${count * 7 + k * 13 + 1})) % ${WORDS.length})]`,
  ).join(` || ' ' || `);

beforeAll(async () => {
  server = await startTestServer();
  viewer = await person(server, 'Plan Reader');
  const organisation = await createOrganisation(viewer, 'Plans');
  const spaceId = (
    await viewer.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Monitoring" }) { space { id } } }`,
      { id: organisation.id },
    )
  ).createSpace.space.id as string;
  const db = new pg.Client({ connectionString: server.db.ownerUrl });
  await db.connect();
  try {
    // Other tenants' rows in 90 spaces (no foreign-key checks while loading, as a restore does),
    // and one row in ten in the viewer's space (the bench's viewer reads 13 %).
    await db.query(`set session_replication_role = replica`);
    const space = (n: string) =>
      `case when ${n} % 10 = 0 then '${spaceId}'::uuid else md5('space-' || (${n} % 100))::uuid end`;
    const org = (n: string) =>
      `case when ${n} % 10 = 0 then '${organisation.id}'::uuid else md5('org-' || (${n} % 100))::uuid end`;
    await db.query(
      `insert into thread (id, organisation_id, space_id, author_id, title, body, body_html, tags, pinned, locked, reply_count, last_activity_at, created_at, updated_at)
       select md5('thread-' || t)::uuid, ${org('t')}, ${space('t')}, $1, ${text('t', 4)}, ${text('t + 1', 12)}, '', array[${text('t + 2', 1)}], false, false, 10, now(), now(), now()
       from generate_series(0, 2999) t`,
      [viewer.id],
    );
    await db.query(
      `insert into post (id, organisation_id, space_id, thread_id, author_id, body, body_html, created_at)
       select md5('post-' || j)::uuid, ${org('(j % 3000)')}, ${space('(j % 3000)')}, md5('thread-' || (j % 3000))::uuid, $1, ${text('j', 8)}, '', now()
       from generate_series(0, 29999) j`,
      [viewer.id],
    );
    await db.query(
      `insert into resource (id, organisation_id, space_id, title, description, kind, language, tags, created_by, created_at, updated_at)
       select md5('resource-' || r)::uuid, ${org('r')}, ${space('r')}, ${text('r', 4)}, ${text('r + 1', 10)}, 'DOCUMENT', 'RU', array[${text('r + 2', 1)}], $1, now(), now()
       from generate_series(0, 2999) r`,
      [viewer.id],
    );
    await db.query(
      `insert into resource_version (id, organisation_id, space_id, resource_id, number, url, extracted_text, created_by, created_at)
       select md5('version-' || v)::uuid, ${org('(v * 3)')}, ${space('(v * 3)')}, md5('resource-' || (v * 3))::uuid, 1,
              'https://example.org/report-' || v, ${text('v', 60)}, $1, now()
       from generate_series(0, 999) v`,
      [viewer.id],
    );
    await db.query(`analyze thread; analyze post; analyze resource; analyze resource_version`);
  } finally {
    await db.end();
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe('search plans', () => {
  // A rare and a common word in each language, a two-word query, and a typo (the trigram path).
  const QUERIES = [
    'мектеп тәуекелі',
    'шағымы',
    'закупки',
    'земельных участков',
    'procurement',
    'audit report',
    'whistelblower',
  ];

  it.each(QUERIES)(
    '«%s» reads thread, post, resource and resource_version through indexes only',
    async (query) => {
      const plans = await searchPlans(server.db.ownerUrl, viewer.id, query);
      console.log(`«${query}»: ${indexesUsed(plans).join(', ')}`);
      // The statements sent (match, typo, snippets) and each definer function's own.
      expect(plans.plans.length).toBeGreaterThanOrEqual(8);
      const scanned = plans.plans.filter(
        (plan) => sequentialScans({ plans: [plan], nodes: plan.nodes }).length > 0,
      );
      expect(scanned.map((plan) => plan.query)).toEqual([]);
      expect(sequentialScans(plans)).toEqual([]);
      const indexes = indexesUsed(plans);
      for (const table of ['thread', 'post', 'resource', 'resource_version'])
        expect(
          plans.nodes.some((node) => node.relation === table),
          `${table} is read (${indexes.join(', ')})`,
        ).toBe(true);
    },
  );

  it('reads posts through their GIN index for words in a small share of them', async () => {
    const plans = await searchPlans(server.db.ownerUrl, viewer.id, 'мектеп тәуекелі');
    expect(indexesUsed(plans)).toContain('post_search_index');
  });
});
