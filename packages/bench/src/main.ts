/**
 * pnpm bench [--scale small|default|large] [--only upload,thread,statements,fanout,votes,search,cold]
 *   [--fanout 1000,5000] [--fanout-rounds 3]
 * Seeds alany_bench_<scale> on DATABASE_URL's server, starts Alany, PostGraphile v5 and the floors
 * on loopback, runs each workload (bounded in count and time), and writes docs/benchmarks.md
 * and docs/benchmarks.json (plus packages/bench/results/<scale>-<time>.json, not committed).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startPeer, type Peer } from './peer.js';
import { searchWorkload, seedSearchResources } from './search.js';
import { PEER_THREAD_PAGE, webClientThreadPage } from './queries.js';
import { writeReport, type Results } from './report.js';
import { benchDatabaseName, fixture, databaseUrlFor, SCALES, seed } from './seed.js';
import { uploadMemory } from './upload.js';
import { type Child, log, startChild } from './util.js';
import {
  benchDir,
  checkSamePage,
  coldStart,
  countStatements,
  fanOutPair,
  load,
  voteStorm,
} from './workloads.js';

function parseArgs(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=');
    args.set(key!, inline ?? (argv[i + 1]?.startsWith('--') ? 'true' : (argv[++i] ?? 'true')));
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const scale = SCALES[args.get('scale') ?? 'default'];
if (!scale) {
  process.stderr.write(`--scale must be one of ${Object.keys(SCALES).join(', ')}\n`);
  process.exit(2);
}
const only = new Set(
  (args.get('only') ?? 'upload,thread,statements,fanout,votes,search,cold').split(','),
);
const small = scale.name === 'small';
const plan = {
  connections: Number(args.get('connections') ?? 32),
  seconds: Number(args.get('duration') ?? 10),
  warmupSeconds: 3,
  // `--fanout 1000,5000` measures those crowds whatever the scale (the data set does not matter).
  fanOut: args.has('fanout')
    ? args
        .get('fanout')!
        .split(',')
        .map(Number)
        .filter((n) => n > 0)
    : small
      ? [200, 1000]
      : [1000, 5000],
  fanOutRounds: Number(args.get('fanout-rounds') ?? (small ? 2 : 3)),
  fanOutTimeoutMs: small ? 20_000 : 60_000,
  guests: 2000,
  votesPerGuest: 3,
  audienceSubscribers: 20,
  uploadMegabytes: 200,
  // The small run must finish in under 5 minutes on a busy 2-core machine.
  voteSeconds: Number(args.get('vote-seconds') ?? (small ? 40 : 120)),
};
const SEARCH_ROUNDS = 20;
const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
const repoRoot = path.resolve(benchDir, '../..');
const startedAt = new Date();
const deadline = Date.now() + 15 * 60_000;

const children: Array<Child | Peer> = [];
async function stopAll() {
  for (const child of children.splice(0).reverse()) await child.stop().catch(() => undefined);
}
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

async function main() {
  const results: Results = {
    startedAt: startedAt.toISOString(),
    scale,
    plan,
    notes: [],
  } as unknown as Results;
  const fx = fixture(scale!);

  log(`seeding ${scale!.name} into ${new URL(serverUrl).host}`);
  const seeded = await seed(serverUrl, scale!);
  results.seed = { seconds: Math.round(seeded.seconds * 10) / 10, rows: seeded.rows };
  const ownerUrl = seeded.ownerUrl;
  const appUrl = (() => {
    const url = new URL(databaseUrlFor(serverUrl, benchDatabaseName(scale!)));
    url.username = 'alany_app';
    url.password = '';
    return url.toString();
  })();

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'alany-bench-data-'));
  const alany = startChild('alany-child', { BENCH_OWNER_URL: ownerUrl, BENCH_DATA_DIR: dataDir });
  children.push(alany);
  const { graphqlUrl } = (await alany.ready) as { graphqlUrl: string };
  log(`Alany at ${graphqlUrl}`);

  if (only.has('upload')) {
    // First, while nothing else has grown the heap: does a large file pass without being held?
    log(`upload: ${plan.uploadMegabytes} MB through POST /files`);
    results.upload = await uploadMemory(alany, graphqlUrl, fx.viewer.session, plan.uploadMegabytes);
    const u = results.upload;
    log(
      `  HTTP ${u.status}, ${u.megabytesPerSecond} MB/s, RSS ${u.rssBeforeMb} → peak ${u.rssPeakMb} MB, same bytes: ${u.sameBytes}`,
    );
  }

  if (only.has('statements')) {
    log('statements per request');
    results.statements = await countStatements(alany, graphqlUrl, fx);
    for (const [name, value] of Object.entries(results.statements))
      log(`  ${name}: ${value.statements}`);
  }

  if (only.has('thread')) {
    const floor = startChild('floor-child', { BENCH_APP_URL: appUrl });
    children.push(floor);
    const floorUrl = ((await floor.ready) as { url: string }).url;
    let peer: Peer | undefined;
    try {
      peer = await startPeer(appUrl);
      children.push(peer);
      log(`PostGraphile ${'5.1.5'} on Node ${peer.nodeVersion} at ${peer.url}`);
    } catch (error) {
      results.notes.push(`PostGraphile did not run: ${(error as Error).message}`);
      log(`PostGraphile did not run: ${(error as Error).message}`);
    }
    const variables = { id: fx.pageThreadId, first: 50 };
    const asViewer = { 'x-bench-user': fx.viewer.id };
    const targets = [
      {
        name: 'alany',
        pid: alany.process.pid,
        url: graphqlUrl,
        body: { query: webClientThreadPage(), variables },
        headers: { cookie: `alany_session=${fx.viewer.session}` },
      },
      ...(peer
        ? [
            {
              name: 'postgraphile',
              pid: peer.pid,
              url: peer.url,
              body: { query: PEER_THREAD_PAGE, variables },
              headers: asViewer,
            },
          ]
        : []),
      {
        name: 'floor',
        pid: floor.process.pid,
        url: floorUrl,
        body: { query: 'thread page', variables },
        headers: asViewer,
      },
    ];
    results.samePage = await checkSamePage(targets);
    log(`  answers: ${JSON.stringify(results.samePage)}`);
    results.threadPage = [];
    for (const target of targets) {
      log(
        `  load: ${target.name} (${plan.connections} connections, ${plan.warmupSeconds} s warm-up + ${plan.seconds} s)`,
      );
      const result = await load(
        target.name,
        target.url,
        target.body,
        target.headers,
        plan,
        target.pid,
      );
      results.threadPage.push(result);
      log(
        `    ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, CPU per page ${JSON.stringify(result.cpuMsPerRequest)} ms`,
      );
    }
    await floor.stop();
    await peer?.stop();
  }

  const guarded = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      results.notes.push(`${name} failed: ${(error as Error).message.slice(0, 300)}`);
      log(`${name} failed: ${(error as Error).stack ?? (error as Error).message}`);
    }
  };
  if (only.has('fanout'))
    await guarded('fan-out', async () => {
      const raw = startChild('rawws-child', {});
      children.push(raw);
      const rawUrl = ((await raw.ready) as { url: string }).url;
      results.fanOut = [];
      for (const subscribers of plan.fanOut) {
        if (Date.now() > deadline) break;
        log(`fan-out: ${subscribers} subscribers`);
        const connectStart = performance.now();
        const pair = await fanOutPair(alany, graphqlUrl, fx, raw, rawUrl, subscribers, {
          rounds: plan.fanOutRounds,
          timeoutMs: plan.fanOutTimeoutMs,
        });
        const result = pair.alany;
        const rawResult = pair.raw;
        log(`  (${Math.round((performance.now() - connectStart) / 1000)} s with connecting)`);
        log(
          `  alany: p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms, all delivered: ${result.allDelivered}`,
        );
        log(
          `  (secondary) createPost answered after ${result.answeredMs} ms; p99 counted from that answer: ${result.p99AfterAnswer} ms`,
        );
        log(
          `  raw ws: p50 ${rawResult.p50} ms, p99 ${rawResult.p99} ms, max ${rawResult.max} ms (its broadcast loop answered after ${rawResult.answeredMs} ms)`,
        );
        results.fanOut.push({ subscribers, alany: result, raw: rawResult });
      }
      await raw.stop();
    });

  if (only.has('votes'))
    await guarded('vote storm', async () => {
      log(`vote storm: ${plan.guests} guests × ${plan.votesPerGuest} upvotes`);
      results.voteStorm = await voteStorm(
        graphqlUrl,
        ownerUrl,
        fx,
        {
          guests: plan.guests,
          votesPerGuest: plan.votesPerGuest,
          subscribers: plan.audienceSubscribers,
          maxSeconds: plan.voteSeconds,
        },
        alany.process.pid,
      );
      const v = results.voteStorm;
      log(
        `  ${v.votesPerSecond} votes/s, exact: ${v.exact}, ${v.messagesPerMemberPerSecond} messages per member per second, CPU per vote ${JSON.stringify(v.cpuMsPerVote)} ms`,
      );
    });

  if (only.has('search'))
    await guarded('search', async () => {
      // Last before the cold start: its resources change no other workload's data.
      const seedSeconds = await seedSearchResources(ownerUrl, scale!);
      log(`search: ${SEARCH_ROUNDS} rounds of each query as the viewer`);
      results.search = await searchWorkload(graphqlUrl, ownerUrl, scale!, fx.viewer, {
        rounds: SEARCH_ROUNDS,
        seedSeconds,
      });
      const s = results.search;
      log(`  p50 ${s.p50} ms, p95 ${s.p95} ms; plans ${JSON.stringify(s.plans)}`);
    });

  await alany.stop();
  await fs.rm(dataDir, { recursive: true, force: true });

  if (only.has('cold'))
    await guarded('cold start', async () => {
      log('cold start (embedded PostgreSQL)');
      const cold = await coldStart(repoRoot);
      results.coldStart = cold;
      log(`  first ${cold.firstStartSeconds} s, warm ${cold.warmStartSeconds} s`);
    });

  results.finishedAt = new Date().toISOString();
  results.wallSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  const written = await writeReport(results, repoRoot, {
    writeDocs: args.get('no-docs') !== 'true',
  });
  log(`written: ${written.join(', ')}`);
}

main()
  .catch(async (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    // Sockets of a crowd or an agent must not keep a finished bench alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
  });
