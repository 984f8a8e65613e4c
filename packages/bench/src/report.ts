import type { SearchResult } from './search.js';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PEER_VERSION } from './peer.js';
import type { Scale } from './seed.js';
import { round } from './util.js';
import type {
  ColdStartResult,
  FanOutResult,
  LoadResult,
  SamePage,
  VoteStormResult,
} from './workloads.js';
import { uploadMarkdown, type UploadResult } from './upload.js';

export interface Results {
  startedAt: string;
  finishedAt: string;
  wallSeconds: number;
  scale: Scale;
  plan: Record<string, unknown>;
  notes: string[];
  machine?: Record<string, unknown>;
  seed?: { seconds: number; rows: Record<string, number> };
  statements?: Record<string, { statements: number; sql: string[] }>;
  samePage?: Record<string, SamePage>;
  threadPage?: LoadResult[];
  fanOut?: Array<{ subscribers: number; alany: FanOutResult; raw: FanOutResult }>;
  voteStorm?: VoteStormResult;
  coldStart?: ColdStartResult;
  upload?: UploadResult;
  search?: SearchResult;
  targets?: Array<{ target: string; measured: string; met: boolean | null }>;
}

async function machine(serverUrl: string) {
  let postgres = 'unknown';
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    postgres = String((await client.query('show server_version')).rows[0].server_version);
  } catch {
    // reported as unknown
  } finally {
    await client.end().catch(() => undefined);
  }
  const pkg = (name: string) => {
    try {
      const file = path.resolve(
        import.meta.dirname,
        '../../server/node_modules',
        name,
        'package.json',
      );
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  return {
    nproc: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart,
    loadAverageAtEnd: os.loadavg().map((v) => round(v, 2)),
    node: process.version,
    postgres,
    postgraphile: PEER_VERSION,
    '@apollo/server': pkg('@apollo/server'),
    graphql: pkg('graphql'),
    'graphql-ws': pkg('graphql-ws'),
    ws: pkg('ws'),
    '@mikro-orm/core': pkg('@mikro-orm/core'),
  };
}

// Read when the bench starts, before it loads the machine itself: was anything else running?
const loadAverageAtStart = os.loadavg().map((v) => round(v, 2));

const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : NaN);

function targets(results: Results) {
  const out: Array<{ target: string; measured: string; met: boolean | null }> = [];
  const page = new Map((results.threadPage ?? []).map((r) => [r.contender, r]));
  const alany = page.get('alany');
  const peer = page.get('postgraphile');
  const floor = page.get('floor');
  if (alany && peer) {
    const r = ratio(alany.requestsPerSecond, peer.requestsPerSecond);
    out.push({ target: 'Thread page ≥ 1.0× PostGraphile (req/s)', measured: `${r}×`, met: r >= 1 });
  } else {
    out.push({
      target: 'Thread page ≥ 1.0× PostGraphile (req/s)',
      measured: 'PostGraphile did not run',
      met: null,
    });
  }
  if (alany && floor) {
    const r = ratio(alany.requestsPerSecond, floor.requestsPerSecond);
    out.push({
      target: 'Thread page ≥ 0.5× the SQL floor (req/s)',
      measured: `${r}×`,
      met: r >= 0.5,
    });
  }
  if (results.statements) {
    const five = results.statements.threadPage5Posts?.statements ?? NaN;
    const fifty = results.statements.threadPage50Posts?.statements ?? NaN;
    const list = results.statements.threadList50?.statements ?? NaN;
    out.push({
      target: 'Statements per thread page: equal for 5 and 50 posts, at most 4',
      measured: `${five} (5 posts), ${fifty} (50 posts); thread list of 50: ${list}`,
      met: five === fifty && fifty <= 4,
    });
  }
  const biggest = results.fanOut?.at(-1);
  if (biggest) {
    const r = ratio(biggest.alany.p99, biggest.raw.p99);
    out.push({
      target: `Fan-out p99 ≤ 1.5× raw ws (issue: at 5 000; measured at ${biggest.subscribers})`,
      measured: `${biggest.alany.p99} ms vs ${biggest.raw.p99} ms = ${r}×${biggest.alany.allDelivered ? '' : ' (not all delivered)'}`,
      met: r <= 1.5 && biggest.alany.allDelivered,
    });
  }
  if (results.voteStorm) {
    const v = results.voteStorm;
    out.push({
      target: 'Vote storm exact and ≥ 2 000 votes/s',
      measured: `${v.votesPerSecond} votes/s, exact: ${v.exact}${v.failedVotes ? ` (${v.failedVotes} failed)` : ''}`,
      met: v.exact && v.votesPerSecond >= 2000,
    });
  }
  if (results.upload) {
    const u = results.upload;
    out.push({
      target: `Upload of ${u.megabytes} MB with flat server memory (issue 6)`,
      measured: `HTTP ${u.status}, RSS +${u.rssGrowthMb} MB at the peak, same bytes: ${u.sameBytes}`,
      met: u.status === 201 && u.sameBytes && u.rssGrowthMb < 64,
    });
  }
  if (results.coldStart) {
    out.push({
      target: 'Cold start < 10 s (embedded PostgreSQL)',
      measured: `${results.coldStart.firstStartSeconds} s first, ${results.coldStart.warmStartSeconds} s warm`,
      met: results.coldStart.firstStartSeconds < 10,
    });
  }
  return out;
}

const yes = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : '**missed**');

function markdown(results: Results): string {
  const m = results.machine ?? {};
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(
    'Written by `npx -y pnpm@12.4.2 bench --scale <small|default|large>` (packages/bench). Every contender runs on this machine over loopback, against the same database, the same data and the same page; the load generator (autocannon, WebSocket clients) runs on the same two cores. See [performance.md](performance.md) for what each number means and what would move it.',
  );
  lines.push('');
  lines.push(`- Date: ${results.startedAt} (wall time ${results.wallSeconds} s)`);
  lines.push(
    `- Scale: **${results.scale.name}**: ${results.scale.organisations} organisations, ${results.scale.users} users, ${results.scale.threads} threads, ${results.scale.posts} posts (seeded in ${results.seed?.seconds} s: ${JSON.stringify(results.seed?.rows)})`,
  );
  lines.push(
    `- Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}; load average (1, 5, 15 min) before the run ${JSON.stringify(m.loadAverageAtStart)}, at the end ${JSON.stringify(m.loadAverageAtEnd)}. ${
      ((m.loadAverageAtStart as number[] | undefined)?.[0] ?? 0) >= 1
        ? '**The cores were busy in the minute before the run** (other work, or an earlier run): absolute figures are noisy; the ratios measured side by side in one run are what counts.'
        : 'The machine was otherwise idle when the run started; the load generator shares its two cores with the contenders.'
    }`,
  );
  lines.push(
    `- Versions: Node ${m.node} (Alany, floor, load generator), PostgreSQL ${m.postgres}, PostGraphile ${m.postgraphile} on Node 22 (npm's \`node@22\`), @apollo/server ${m['@apollo/server']}, graphql ${m.graphql}, graphql-ws ${m['graphql-ws']}, ws ${m.ws}, MikroORM ${m['@mikro-orm/core']}`,
  );
  lines.push('');
  lines.push('## Against the targets of issue 9');
  lines.push('');
  lines.push('| target | measured | |');
  lines.push('| --- | --- | --- |');
  for (const t of results.targets ?? [])
    lines.push(`| ${t.target} | ${t.measured} | ${yes(t.met)} |`);
  lines.push('');
  if (results.threadPage) {
    const p = results.plan as { connections: number; seconds: number; warmupSeconds: number };
    lines.push(
      "## Thread page (the web client's `Thread` query: the thread and its first 50 posts, rendered texts, authors, replies, reaction counts with the viewer's, revisions, viewer rights)",
    );
    lines.push('');
    lines.push(
      `autocannon, ${p.connections} connections, ${p.warmupSeconds} s warm-up then ${p.seconds} s measured, one contender at a time; signed-in member of the thread's organisation, role \`alany_app\`, row-level security on for all three.`,
    );
    lines.push('');
    lines.push(
      '| contender | req/s | p50 ms | p90 ms | p99 ms | max ms | bytes/answer | same data as Alany | errors | CPU ms per page: its process | PostgreSQL |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
    const alany = results.threadPage.find((r) => r.contender === 'alany');
    for (const r of results.threadPage) {
      const same = results.samePage?.[r.contender];
      lines.push(
        `| ${r.contender} | ${r.requestsPerSecond} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${same?.bytes ?? r.bytesPerResponse} | ${same ? (same.sameAsAlany ? 'yes' : 'no') : '?'} (${same?.posts ?? '?'} posts) | ${r.non2xx + r.errors + r.timeouts} | ${r.cpuMsPerRequest?.process ?? '?'} | ${r.cpuMsPerRequest?.postgres ?? '?'} |`,
      );
    }
    lines.push('');
    for (const [name, same] of Object.entries(results.samePage ?? {})) {
      if (same.difference)
        lines.push(`- ${name}'s answer first differs from Alany's at ${same.difference}`);
    }
    if (alany) {
      for (const r of results.threadPage.filter((x) => x.contender !== 'alany')) {
        lines.push(
          `- Alany / ${r.contender}: **${ratio(alany.requestsPerSecond, r.requestsPerSecond)}×** req/s, p99 ${ratio(alany.p99, r.p99)}×`,
        );
      }
      lines.push('');
    }
  }
  if (results.statements) {
    lines.push(
      "## SQL statements per request (counted on the server's knex `query` event, transaction control included)",
    );
    lines.push('');
    lines.push('| request | statements |');
    lines.push('| --- | ---: |');
    for (const [name, s] of Object.entries(results.statements))
      lines.push(`| ${name} | ${s.statements} |`);
    lines.push('');
    lines.push(
      '<details><summary>The statements of the 50-post page (one line per round trip)</summary>',
    );
    lines.push('');
    for (const sql of results.statements.threadPage50Posts?.sql ?? [])
      lines.push(`- \`${sql.replaceAll('`', "'")}\``);
    lines.push('');
    lines.push('</details>');
    lines.push('');
  }
  if (results.fanOut) {
    lines.push('## Fan-out (one post created, time until every subscriber has it)');
    lines.push('');
    lines.push(
      `Median over ${(results.plan as { fanOutRounds: number }).fanOutRounds} measured rounds after one warm-up round each; both crowds stay connected and their rounds alternate, so both see the same background load. Alany: \`threadActivity\` over graphql-ws, clock starts when the \`createPost\` request is sent; raw ws: the same payload bytes, clock starts when the broadcast command is sent.`,
    );
    lines.push('');
    lines.push(
      '| subscribers | server | p50 ms | p99 ms | max ms | all delivered | memory/connection (RSS, heap KB) | payload B |',
    );
    lines.push('| ---: | --- | ---: | ---: | ---: | --- | --- | ---: |');
    for (const f of results.fanOut) {
      for (const r of [f.alany, f.raw]) {
        lines.push(
          `| ${f.subscribers} | ${r.server} | ${r.p50} | ${r.p99} | ${r.max} | ${r.allDelivered ? 'yes' : '**no**'} | ${r.memoryPerConnectionKB.rss}, ${r.memoryPerConnectionKB.heap} | ${r.payloadBytes} |`,
        );
      }
      lines.push(
        `| | ratio | ${ratio(f.alany.p50, f.raw.p50)}× | ${ratio(f.alany.p99, f.raw.p99)}× | ${ratio(f.alany.max, f.raw.max)}× | | | |`,
      );
    }
    lines.push('');
    // Secondary: how much of Alany's time is the mutation itself (its answer is sent after its commit).
    for (const f of results.fanOut) {
      if (f.alany.answeredMs === undefined) continue;
      lines.push(
        `- ${f.subscribers} subscribers, secondary figure: \`createPost\` answered after ${f.alany.answeredMs} ms (median); Alany's p99 counted from that answer (≈ from its commit) ${f.alany.p99AfterAnswer} ms, ${ratio(f.alany.p99AfterAnswer, f.raw.p99)}× raw ws.`,
      );
    }
    lines.push('');
  }
  if (results.voteStorm) {
    const v = results.voteStorm;
    lines.push('## Vote storm');
    lines.push('');
    lines.push(
      `${v.guests} guests joined by code (${v.joinsPerSecond} joins/s), then each opened its own ${v.voteTransport === 'graphql-ws' ? `graphql-ws connection with its guest token (as the audience page does; ${v.connectSeconds} s for all, not counted in the storm)` : 'HTTP connection'} and all at once each upvoted ${v.votesPerGuest} of the event's questions over it; ${v.audienceSubscribers} guests watched \`eventUpdated\`. Bounded to ${v.maxSeconds ?? '∞'} s: no new vote is cast after that (those in flight finish and count); ${v.votesNotCast ?? 0} votes were not cast.`,
    );
    lines.push('');
    lines.push(
      '| votes | failed | seconds | votes/s | vote p50 ms | vote p99 ms | exact | messages per audience member | per second | CPU ms per vote: Alany | PostgreSQL |',
    );
    lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
    lines.push(
      `| ${v.votes} | ${v.failedVotes} | ${v.seconds} | ${v.votesPerSecond} | ${v.voteP50} | ${v.voteP99} | ${v.exact ? 'yes' : '**no**'} | ${v.messagesPerMember} | ${v.messagesPerMemberPerSecond} | ${v.cpuMsPerVote?.process ?? '?'} | ${v.cpuMsPerVote?.postgres ?? '?'} |`,
    );
    lines.push('');
    lines.push(
      'Exact means: every vote answered without error, and for each question the expected count = rows in `question_vote` = the cached `upvote_count` = the last count pushed to the audience.',
    );
    lines.push('');
  }
  if (results.upload) lines.push(...uploadMarkdown(results.upload));
  if (results.search) lines.push(...searchMarkdown(results.search));
  if (results.coldStart) {
    const c = results.coldStart;
    lines.push('## Cold start');
    lines.push('');
    lines.push(
      `\`${c.command}\`: spawn to the first answered \`{ __typename }\`. First start **${c.firstStartSeconds} s**, warm start **${c.warmStartSeconds} s** (${c.note}). Measured after the install, which builds; the start's own check that the build is current is included.`,
    );
    lines.push('');
  }
  if (results.notes.length) {
    lines.push('## Notes');
    lines.push('');
    for (const note of results.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

function searchMarkdown(s: SearchResult): string[] {
  const scans = s.plans.sequentialScans.length
    ? `**sequential scans of ${s.plans.sequentialScans.join(', ')}**`
    : 'no sequential scan of thread, post, resource or resource_version';
  return [
    '## Search (the site-wide `search`, first 20, as the signed-in viewer)',
    '',
    `Over the seeded threads and posts plus ${s.resources} resources (${s.versions} with a file's extracted text) in Kazakh, Russian and English (seeded in ${s.seedSeconds} s, search vectors with stems included); ${s.rounds} rounds of each query, one at a time. **p50 ${s.p50} ms, p95 ${s.p95} ms**, max ${s.max} ms. Plans (as the viewer, the definer functions' statements included): ${scans}; indexes read: ${s.plans.indexes.join(', ')}.`,
    '',
    '| query | hits | p50 ms | p95 ms | indexes |',
    '| --- | --- | --- | --- | --- |',
    ...s.perQuery.map(
      (q) => `| ${q.query} | ${q.hits} | ${q.p50} | ${q.p95} | ${q.indexes.join(', ')} |`,
    ),
    '',
  ];
}

export async function writeReport(
  results: Results,
  repoRoot: string,
  options: { writeDocs: boolean; serverUrl?: string },
): Promise<string[]> {
  results.machine = await machine(
    options.serverUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  results.targets = targets(results);
  const written: string[] = [];
  const resultsDir = path.join(repoRoot, 'packages/bench/results');
  await fs.mkdir(resultsDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const own = path.join(resultsDir, `${results.scale.name}-${stamp}.json`);
  await fs.writeFile(own, json);
  written.push(own);
  await fs.writeFile(path.join(resultsDir, `${results.scale.name}-${stamp}.md`), markdown(results));
  if (options.writeDocs) {
    await fs.writeFile(path.join(repoRoot, 'docs/benchmarks.json'), json);
    await fs.writeFile(path.join(repoRoot, 'docs/benchmarks.md'), `${markdown(results)}`);
    written.push('docs/benchmarks.md', 'docs/benchmarks.json');
  }
  return written;
}
