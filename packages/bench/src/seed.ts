import pg from 'pg';
import { ensureAppRole } from '@alany/server/dist/platform/database/roles.js';
import { migrate } from '@alany/server/dist/platform/database/orm.js';
import { renderMarkdown } from '@alany/server/dist/platform/text/markdown.js';
import { log, uuidOf } from './util.js';

export interface Scale {
  name: string;
  organisations: number;
  users: number;
  threads: number;
  posts: number;
}

export const SCALES: Record<string, Scale> = {
  small: { name: 'small', organisations: 20, users: 2_000, threads: 200, posts: 20_000 },
  default: { name: 'default', organisations: 200, users: 20_000, threads: 2_000, posts: 200_000 },
  large: { name: 'large', organisations: 500, users: 100_000, threads: 10_000, posts: 1_000_000 },
};

/** Threads 0…BENCH_SPACE_THREADS-1 live in the bench space, so its thread list has 50+ rows. */
const BENCH_SPACE_THREADS = 60;
export const EVENT_CODE = 'BENCH2';
export const QUESTIONS = 10;

/** The ids the workloads use; the seed computes the same ones in SQL (bench_seed.bid). */
export function fixture(scale: Scale) {
  const membersPerOrg = Math.floor(scale.users / scale.organisations);
  // Members of organisation 0 with role MEMBER (k ≥ 3): user index = 0 + organisations × k.
  const memberIndexes = Array.from(
    { length: membersPerOrg - 3 },
    (_, i) => scale.organisations * (i + 3),
  );
  const sessionOf = (userIndex: number) => `bench-session-${userIndex}`;
  const viewerIndex = memberIndexes[7]!;
  return {
    membersPerOrg,
    viewer: { id: uuidOf(`user-${viewerIndex}`), session: sessionOf(viewerIndex) },
    members: memberIndexes.map((index) => ({
      id: uuidOf(`user-${index}`),
      session: sessionOf(index),
    })),
    benchSpaceId: uuidOf('space-0'),
    /** ≥ 50 posts (posts / threads of them). */
    pageThreadId: uuidOf('thread-0'),
    /** Exactly 5 posts. */
    smallThreadId: uuidOf('thread-five'),
    /** Where the fan-out posts go (not the page thread, whose page must stay the same). */
    liveThreadId: uuidOf('thread-1'),
    eventId: uuidOf('event-bench'),
    questionIds: Array.from({ length: QUESTIONS }, (_, q) => uuidOf(`question-${q}`)),
  };
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * alany_bench_<scale>, or alany_bench_<scale>_<BENCH_DB_SUFFIX> so that two checkouts can run the
 * bench on one PostgreSQL server at the same time without dropping each other's database.
 */
export function benchDatabaseName(scale: Scale): string {
  const suffix = process.env.BENCH_DB_SUFFIX?.replace(/[^a-z0-9_]/gi, '').toLowerCase();
  return `alany_bench_${scale.name}${suffix ? `_${suffix}` : ''}`;
}

/** Creates alany_bench_<scale> afresh, migrates it with the server's migrations, and fills it. */
export async function seed(
  serverUrl: string,
  scale: Scale,
): Promise<{ ownerUrl: string; seconds: number; rows: Record<string, number> }> {
  const started = performance.now();
  const database = benchDatabaseName(scale);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = databaseUrlFor(serverUrl, database);
  await ensureAppRole(ownerUrl);
  const applied = await migrate(ownerUrl);
  log(`${database}: ${applied.length} migrations applied; seeding ${JSON.stringify(scale)}`);

  const { organisations: O, users: U, threads: T, posts: P } = scale;
  const M = Math.floor(U / O);
  const S = O * 2;
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  const step = async (label: string, sql: string) => {
    const t = performance.now();
    // Valid version-4 UUIDs (the API validates ids): md5 with the version and variant set.
    const result = await db.query(sql.replaceAll('md5(', 'bench_seed.bid('));
    log(
      `  ${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  };
  try {
    // Bulk load as the owner: no triggers (reply counts are set below), no per-row FK checks.
    await db.query(`create schema bench_seed`);
    await db.query(
      `create function bench_seed.bid(t text) returns uuid language sql immutable as $$ select overlay(overlay(md5(t) placing '4' from 13) placing '8' from 17)::uuid $$`,
    );
    await db.query(`set session_replication_role = replica`);
    await db.query(`set synchronous_commit = off`);
    await db.query(`set maintenance_work_mem = '256MB'`);
    const base = `timestamptz '2026-01-01 00:00:00+00'`;
    await step(
      'users',
      `insert into app_user (id, email, display_name, password_hash, locale, created_at, updated_at, handle)
       select md5('user-' || u)::uuid, 'user' || u || '@bench.alany.test',
              (array['Aigerim','Nurlan','Dana','Yerlan','Madina','Timur','Saule','Arman'])[1 + u % 8] || ' ' ||
              (array['Bekova','Sadykov','Omarova','Zhaksylykov','Ivanova','Petrov','Smith','Kim'])[1 + (u / 8) % 8],
              'not-a-password-hash', (array['kk','ru','en']::locale[])[1 + u % 3],
              ${base} - interval '1 day' * (u % 365), ${base}, 'bench_user_' || u
       from generate_series(0, ${U - 1}) u`,
    );
    await step(
      'organisations',
      `insert into organisation (id, slug, name, kind, description, city, country, created_by, created_at, updated_at)
       select md5('org-' || o)::uuid, 'bench-org-' || o, 'Bench organisation ' || o,
              (array['NGO','BUSINESS','PUBLIC_INSTITUTION','MEDIA','ACADEMIC','PROJECT_OFFICE']::organisation_kind[])[1 + o % 6],
              'An organisation of the benchmark data set.', (array['Almaty','Astana','Shymkent','Bishkek'])[1 + o % 4], 'KZ',
              md5('user-' || o)::uuid, ${base}, ${base}
       from generate_series(0, ${O - 1}) o`,
    );
    await step(
      'memberships',
      `insert into membership (id, organisation_id, user_id, role, created_at)
       select md5('membership-' || u)::uuid, md5('org-' || (u % ${O}))::uuid, md5('user-' || u)::uuid,
              (case u / ${O} when 0 then 'OWNER' when 1 then 'ADMIN' when 2 then 'MODERATOR' else 'MEMBER' end)::member_role,
              ${base}
       from generate_series(0, ${M * O - 1}) u`,
    );
    await step(
      'spaces',
      `insert into space (id, organisation_id, network_id, name, description, visibility, created_by, created_at, updated_at)
       select md5('space-' || s)::uuid, md5('org-' || (s / 2))::uuid, null, 'Space ' || s, 'Working space',
              (case when s % 10 = 5 then 'PUBLIC' else 'ORGANISATION' end)::space_visibility,
              md5('user-' || (s / 2))::uuid, ${base} - interval '1 hour' * s, ${base}
       from generate_series(0, ${S - 1}) s`,
    );
    // Thread t: the bench space for t < ${BENCH_SPACE_THREADS}, else space t mod S.
    const spaceOfThread = `(case when t < ${BENCH_SPACE_THREADS} then 0 else t % ${S} end)`;
    await step(
      'threads',
      `insert into thread (id, organisation_id, space_id, author_id, title, body, body_html, tags, pinned, locked, reply_count, last_activity_at, created_at, updated_at)
       select md5('thread-' || t)::uuid, md5('org-' || (${spaceOfThread} / 2))::uuid, md5('space-' || ${spaceOfThread})::uuid,
              md5('user-' || ((${spaceOfThread} / 2) + ${O} * (t % ${M})))::uuid,
              'Procurement transparency, round ' || t,
              ${threadBody.body('t')}, ${threadBody.html('t')},
              array['procurement', 'round-' || (t % 7)], t % 50 = 3, false, 0,
              ${base}, ${base} - interval '1 minute' * (${T} - t), ${base}
       from generate_series(0, ${T - 1}) t`,
    );
    await step(
      'posts',
      `insert into post (id, organisation_id, space_id, thread_id, author_id, reply_to_post_id, body, body_html, created_at)
       select md5('post-' || j)::uuid, md5('org-' || (sp / 2))::uuid, md5('space-' || sp)::uuid, md5('thread-' || (j % ${T}))::uuid,
              md5('user-' || ((sp / 2) + ${O} * ((j * 7) % ${M})))::uuid, null,
              case j % 5 ${postBodies.map((b, k) => `when ${k} then ${b.body('j')}`).join(' ')} end,
              case j % 5 ${postBodies.map((b, k) => `when ${k} then ${b.html('j')}`).join(' ')} end,
              ${base} + interval '1 second' * j
       from generate_series(0, ${P - 1}) j,
            lateral (select case when j % ${T} < ${BENCH_SPACE_THREADS} then 0 else (j % ${T}) % ${S} end as sp) s`,
    );
    // One thread of exactly five posts, in the bench space.
    await step(
      'five-post thread',
      `with t as (
         insert into thread (id, organisation_id, space_id, author_id, title, body, body_html, tags, pinned, locked, reply_count, last_activity_at, created_at, updated_at)
         values (md5('thread-five')::uuid, md5('org-0')::uuid, md5('space-0')::uuid, md5('user-0')::uuid, 'Five replies',
                 ${shortThread.body('0')}, ${shortThread.html('0')}, '{}', false, false, 0, ${base}, ${base}, ${base})
         returning id)
       insert into post (id, organisation_id, space_id, thread_id, author_id, body, body_html, created_at)
       select md5('post-five-' || k)::uuid, md5('org-0')::uuid, md5('space-0')::uuid, (select id from t),
              md5('user-' || (${O} * (k + 3)))::uuid, ${shortReply.body('k')}, ${shortReply.html('k')}, ${base} + interval '1 minute' * k
       from generate_series(0, 4) k`,
    );
    // 0–3 reactions per post (1.5 on average) by members of the post's organisation.
    await step(
      'reactions',
      `insert into reaction (id, organisation_id, space_id, post_id, user_id, kind, created_at)
       select md5('reaction-' || p.id || '-' || r)::uuid, p.organisation_id, p.space_id, p.id,
              md5('user-' || (o.idx + ${O} * ((p.n + r * 13) % ${M})))::uuid,
              (array['LIKE','THANKS','INSIGHTFUL','AGREE','QUESTION']::reaction_kind[])[1 + (p.n + r) % 5],
              p.created_at + interval '1 minute'
       from (select id, organisation_id, space_id, created_at, row_number() over (order by created_at) as n from post) p
       join (select md5('org-' || o)::uuid as id, o as idx from generate_series(0, ${O - 1}) o) o on o.id = p.organisation_id,
       lateral generate_series(0, (p.n % 4)::int - 1) r`,
    );
    await step(
      'reply counts',
      `update thread t set reply_count = c.n, last_activity_at = c.last
       from (select thread_id, count(*) as n, max(created_at) as last from post group by thread_id) c
       where c.thread_id = t.id`,
    );
    await step(
      'sessions',
      `insert into user_session (id, user_id, token_hash, user_agent, created_at, last_seen_at, expires_at)
       select md5('session-' || u)::uuid, md5('user-' || u)::uuid, encode(sha256(convert_to('bench-session-' || u, 'UTF8')), 'hex'),
              'alany-bench', now(), now(), now() + interval '30 days'
       from generate_series(${3 * O}, ${M * O - 1}, ${O}) u`,
    );
    // A live event in the bench space: open questions for the vote storm.
    await step(
      'event',
      `insert into event (id, organisation_id, space_id, title, description, starts_at, ends_at, timezone, location, question_moderation,
                          allow_anonymous_questions, status, code, created_by, created_at, updated_at, published_at)
       values (md5('event-bench')::uuid, md5('org-0')::uuid, md5('space-0')::uuid, 'Public dialogue: the city budget', '',
               now() - interval '1 hour', now() + interval '1 day', 'Asia/Almaty', 'City hall', 'POST', true, 'PUBLISHED',
               '${EVENT_CODE}', md5('user-0')::uuid, now(), now(), now())`,
    );
    await step(
      'questions',
      `insert into question (id, organisation_id, space_id, event_id, participant_id, body, anonymous, status, created_at, updated_at)
       select md5('question-' || q)::uuid, md5('org-0')::uuid, md5('space-0')::uuid, md5('event-bench')::uuid, null,
              'Question ' || q || ': when will the procurement plan be published?', true, 'APPROVED', now(), now()
       from generate_series(0, ${QUESTIONS - 1}) q`,
    );
    await db.query(`set session_replication_role = origin`);
    await step('peer functions', PEER_FUNCTIONS);
    await db.query('drop schema bench_seed cascade');
    await checkRenderings(db);
    await step('vacuum analyze', 'vacuum analyze');
    const rows: Record<string, number> = {};
    for (const table of [
      'organisation',
      'app_user',
      'membership',
      'space',
      'thread',
      'post',
      'reaction',
    ]) {
      rows[table] = Number((await db.query(`select count(*) as n from ${table}`)).rows[0].n);
    }
    return { ownerUrl, seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await db.end();
  }
}

/** Where a template's number goes: no Markdown meaning, and found nowhere else in the templates. */
const NUMBER = '424242424242';

/**
 * A Markdown template with a number in it, as two SQL expressions of that number: the body, and
 * the HTML the server stores beside it (`body_html`, written by the server's own renderer when
 * a body is written). The template is rendered once here with a stand-in number, which is then
 * replaced by the row's number in SQL; `checkRenderings` compares a sample of rows with the
 * renderer afterwards.
 */
function numbered(template: string) {
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const spliced = (text: string, number: string) => {
    const parts = text.split(NUMBER);
    if (parts.length !== 2) throw new Error(`the stand-in number must appear once in ${text}`);
    return `(${literal(parts[0]!)} || (${number})::text || ${literal(parts[1]!)})`;
  };
  const html = renderMarkdown(template.replace('#', NUMBER));
  return {
    body: (number: string) => spliced(template.replace('#', NUMBER), number),
    html: (number: string) => spliced(html, number),
  };
}

const threadBody = numbered(
  'How do we publish **contract awards** so that citizens can follow them? Thread #.\n\nSee the toolkit.',
);
const postBodies = [
  'We tried the open contracting data standard last year; the hard part was getting municipalities to publish on time.',
  'Agree. The **red flags** list from the toolkit caught two single-bidder tenders in our region within a month.',
  'Could someone share the template for the conflict-of-interest declaration? The one in Russian would help most.',
  'Our audit found that 40% of the tenders had a submission window shorter than the legal minimum. Report attached.',
  'Thanks, this is useful. We will bring it to the public dialogue with the akimat next week.',
].map((text) => numbered(`${text} (#)`));
const shortThread = numbered('A short thread, #.');
const shortReply = numbered('Short reply #');

/** The stored HTML of a sample of the seeded rows is what the server's renderer makes of them. */
async function checkRenderings(db: pg.Client): Promise<void> {
  for (const table of ['thread', 'post']) {
    const { rows } = await db.query<{ id: string; body: string; body_html: string }>(
      `(select id, body, body_html from ${table} order by id limit 200)
       union all (select id, body, body_html from ${table} tablesample bernoulli (1) limit 500)`,
    );
    const wrong = rows.find((row) => row.body_html !== renderMarkdown(row.body));
    if (rows.length === 0 || wrong)
      throw new Error(`seeded ${table} ${wrong?.id ?? '(none)'}: body_html is not its rendering`);
  }
}

/**
 * What a PostGraphile user writes to serve the same page: computed columns for the reaction
 * counts and the viewer's rights, as STABLE SQL over the same row-level-security helpers.
 * They live in their own schema of the bench database only; Alany does not use them.
 */
const PEER_FUNCTIONS = `
create schema bench_peer;
grant usage on schema bench_peer to alany_app;
create type bench_peer.reaction_count as (reaction reaction_kind, count int, viewer_reacted boolean);
create type bench_peer.post_viewer_can as (edit boolean, "delete" boolean, react boolean, moderate boolean);
create type bench_peer.thread_viewer_can as (reply boolean, update boolean, "delete" boolean, moderate boolean);
create function bench_peer.post_reactions(p public.post) returns setof bench_peer.reaction_count
language sql stable as $$
  select k.kind, coalesce(r.n, 0)::int, coalesce(r.mine, false)
  from unnest(enum_range(null::reaction_kind)) with ordinality k(kind, i)
  left join (select kind, count(*) as n, bool_or(user_id = alany.viewer_user_id()) as mine
             from reaction where post_id = p.id group by kind) r on r.kind = k.kind
  order by k.i
$$;
create function bench_peer.post_viewer_can(p public.post) returns bench_peer.post_viewer_can
language sql stable as $$
  select row(p.deleted_at is null and p.author_id = alany.viewer_user_id(),
             p.deleted_at is null and (p.author_id = alany.viewer_user_id() or alany.viewer_role_rank(p.organisation_id) >= 2),
             p.deleted_at is null and p.space_id = any (alany.writable_space_ids()),
             alany.viewer_role_rank(p.organisation_id) >= 2)::bench_peer.post_viewer_can
$$;
create function bench_peer.thread_viewer_can(t public.thread) returns bench_peer.thread_viewer_can
language sql stable as $$
  select row(t.space_id = any (alany.writable_space_ids()) and not t.locked,
             t.author_id = alany.viewer_user_id() or alany.viewer_role_rank(t.organisation_id) >= 2,
             alany.viewer_role_rank(t.organisation_id) >= 2 or (t.author_id = alany.viewer_user_id() and t.created_at > now() - interval '1 hour'),
             alany.viewer_role_rank(t.organisation_id) >= 2)::bench_peer.thread_viewer_can
$$;
-- The texts under the same rule as Alany's: gone when deleted; when hidden, for moderators and the author only.
create function bench_peer.post_visible_body(p public.post) returns text
language sql stable as $$
  select case when p.deleted_at is null and (p.hidden_at is null or p.author_id = alany.viewer_user_id()
              or alany.viewer_role_rank(p.organisation_id) >= 2) then p.body end
$$;
create function bench_peer.post_visible_body_html(p public.post) returns text
language sql stable as $$
  select case when p.deleted_at is null and (p.hidden_at is null or p.author_id = alany.viewer_user_id()
              or alany.viewer_role_rank(p.organisation_id) >= 2) then p.body_html end
$$;
create function bench_peer.post_revisions(p public.post) returns json
language sql stable as $$
  select case when alany.viewer_role_rank(p.organisation_id) >= 2 then coalesce(
    (select json_agg(json_build_object('id', r.id, 'body', r.body,
                     'createdAt', to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by r.created_at)
     from post_revision r where r.post_id = p.id), '[]') end
$$;
create function bench_peer.thread_unread_count(t public.thread) returns int
language sql stable as $$
  select count(*)::int from post p where p.thread_id = t.id
    and p.created_at > coalesce((select r.last_read_at from thread_read r where r.thread_id = t.id and r.user_id = alany.viewer_user_id()), '-infinity')
    and p.deleted_at is null and p.hidden_at is null and p.author_id is distinct from alany.viewer_user_id()
$$;
grant execute on all functions in schema bench_peer to alany_app;
`;
