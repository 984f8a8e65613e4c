import { NODE_FLAGS } from '@alany/server/dist/node-flags.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { Crowd, SocketClients } from './subscribers.js';
import {
  ALANY_THREAD_LIST,
  CREATE_POST,
  EVENT_UPDATED,
  JOIN_EVENT,
  UPVOTE,
  webClientThreadActivity,
  webClientThreadPage,
} from './queries.js';
import { EVENT_CODE, type fixture } from './seed.js';
import {
  type Child,
  cpuMsPer,
  cpuSnapshot,
  graphql,
  here,
  log,
  median,
  percentile,
  post,
  round,
  sleep,
} from './util.js';

type Fixture = ReturnType<typeof fixture>;
const sessionCookie = (secret: string) => ({ cookie: `alany_session=${secret}` });

// ---------------------------------------------------------------- thread page

export interface LoadResult {
  contender: string;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /**
   * CPU milliseconds per answered request during the measured run: the contender's process(es),
   * and every PostgreSQL server process (from /proc; null where there is none).
   */
  cpuMsPerRequest: { process: number; postgres: number } | null;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

function normalisePage(data: unknown): unknown {
  // PostGraphile lists computed setof columns as { nodes }, has its own cursors, and writes
  // timestamps with microseconds and an offset: the same instants, compared as instants.
  return JSON.parse(JSON.stringify(data), (key, value: unknown) => {
    if (key === 'cursor' || key === 'endCursor') return undefined;
    if (typeof value === 'string' && TIMESTAMP.test(value)) return new Date(value).toISOString();
    if (key === 'reactions' && value && typeof value === 'object' && 'nodes' in value)
      return (value as { nodes: unknown }).nodes;
    return value;
  });
}

/** Where two answers first differ (a path and both values), or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (a === b) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    // Same keys in another order would serialise differently: say so.
    if (JSON.stringify(Object.keys(a)) !== JSON.stringify(Object.keys(b)) && !Array.isArray(a)) {
      const missing = keys.filter((key) => !(key in left) || !(key in right));
      if (missing.length === 0) return `${at || '.'}: fields in another order`;
    }
    for (const key of keys) {
      const found = firstDifference(left[key], right[key], `${at}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 80);
  return `${at}: ${show(a)} ≠ ${show(b)}`;
}

export interface SamePage {
  bytes: number;
  sameAsAlany: boolean;
  /** Where the answer first differs from Alany's. */
  difference?: string;
  posts: number;
}

export async function checkSamePage(
  targets: Array<{ name: string; url: string; body: unknown; headers: Record<string, string> }>,
): Promise<Record<string, SamePage>> {
  const answers: Record<string, { bytes: number; data: unknown }> = {};
  for (const target of targets) {
    const answer = await post(target.url, target.body, target.headers);
    const parsed = JSON.parse(answer.body) as { data?: unknown; errors?: unknown };
    if (answer.status !== 200 || parsed.errors || !parsed.data) {
      throw new Error(`${target.name} answered ${answer.status}: ${answer.body.slice(0, 400)}`);
    }
    answers[target.name] = {
      bytes: Buffer.byteLength(answer.body),
      data: normalisePage(parsed.data),
    };
  }
  const reference = JSON.stringify(answers.alany?.data);
  const out: Record<string, SamePage> = {};
  for (const [name, answer] of Object.entries(answers)) {
    const page = answer.data as { thread: { posts: { edges: unknown[] } } };
    const sameAsAlany = JSON.stringify(answer.data) === reference;
    out[name] = {
      bytes: answer.bytes,
      sameAsAlany,
      ...(sameAsAlany ? {} : { difference: firstDifference(answers.alany?.data, answer.data) }),
      posts: page.thread.posts.edges.length,
    };
  }
  return out;
}

export async function load(
  contender: string,
  url: string,
  body: unknown,
  headers: Record<string, string>,
  options: { connections: number; seconds: number; warmupSeconds: number },
  pid?: number,
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      connections: options.connections,
      duration,
      timeout: 10,
    });
  await run(options.warmupSeconds);
  const before = cpuSnapshot(pid);
  const result = await run(options.seconds);
  const after = cpuSnapshot(pid);
  return {
    contender,
    requestsPerSecond: round(result.requests.average, 0),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.requests.total
      ? round(result.throughput.total / result.requests.total, 0)
      : 0,
    cpuMsPerRequest: cpuMsPer(before, after, result.requests.total),
  };
}

// ---------------------------------------------------------------- statements per request

export async function countStatements(
  alany: Child,
  graphqlUrl: string,
  fx: Fixture,
): Promise<Record<string, { statements: number; sql: string[] }>> {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['threadPage5Posts', webClientThreadPage(), { id: fx.smallThreadId, first: 50 }],
    ['threadPage50Posts', webClientThreadPage(), { id: fx.pageThreadId, first: 50 }],
    ['threadList50', ALANY_THREAD_LIST, { spaceId: fx.benchSpaceId, first: 50 }],
  ];
  const out: Record<string, { statements: number; sql: string[] }> = {};
  for (const [name, query, variables] of cases) {
    await alany.call('countStart');
    const data = await graphql<Record<string, unknown>>(
      graphqlUrl,
      query,
      variables,
      sessionCookie(fx.viewer.session),
    );
    const sql = await alany.call<string[]>('countStop');
    if (name === 'threadPage5Posts') {
      const edges = (data.thread as { posts: { edges: unknown[] } }).posts.edges.length;
      if (edges !== 5) throw new Error(`the five-post thread answered ${edges} posts`);
    }
    out[name] = {
      statements: sql.length,
      // Each statement of a round trip shortened on its own, so none is hidden by another.
      sql: sql.map((s) =>
        s
          .replace(/\s+/g, ' ')
          .split('; ')
          .map((part) => (part.length > 120 ? `${part.slice(0, 119)}…` : part))
          .join('; '),
      ),
    };
  }
  return out;
}

// ---------------------------------------------------------------- fan-out

export interface FanOutResult {
  server: string;
  subscribers: number;
  rounds: Array<{
    delivered: number;
    p50: number;
    p99: number;
    max: number;
    timedOut: boolean;
    answeredMs: number;
    p99AfterAnswer: number;
  }>;
  p50: number;
  p99: number;
  max: number;
  allDelivered: boolean;
  memoryPerConnectionKB: { rss: number; heap: number };
  payloadBytes: number;
  /** Median time until the trigger was answered (Alany: the createPost response, after its commit). */
  answeredMs: number;
  /** Median p99 counted from that answer instead of from the request (secondary figure). */
  p99AfterAnswer: number;
}

type Memory = { rss: number; heapUsed: number };

function summarise(
  server: string,
  subscribers: number,
  rounds: Array<{ delivered: number; latencies: number[]; timedOut: boolean; answeredMs: number }>,
  before: Memory,
  after: Memory,
  payloadBytes: number,
): FanOutResult {
  const summaries = rounds.map((r) => ({
    delivered: r.delivered,
    p50: round(percentile(r.latencies, 50)),
    p99: round(percentile(r.latencies, 99)),
    max: round(r.latencies.at(-1) ?? NaN),
    timedOut: r.timedOut,
    answeredMs: r.answeredMs,
    p99AfterAnswer: percentile(r.latencies, 99) - r.answeredMs,
  }));
  return {
    server,
    subscribers,
    rounds: summaries,
    p50: round(median(summaries.map((s) => s.p50))),
    p99: round(median(summaries.map((s) => s.p99))),
    max: round(median(summaries.map((s) => s.max))),
    allDelivered: summaries.every((s) => s.delivered >= subscribers && !s.timedOut),
    memoryPerConnectionKB: {
      rss: round((after.rss - before.rss) / subscribers / 1024),
      heap: round((after.heapUsed - before.heapUsed) / subscribers / 1024),
    },
    payloadBytes,
    answeredMs: round(median(summaries.map((s) => s.answeredMs))),
    p99AfterAnswer: round(median(summaries.map((s) => s.p99AfterAnswer))),
  };
}

/**
 * Alany and raw ws side by side: both crowds stay connected and their measured rounds alternate
 * (Alany, raw, Alany, raw, …), so that both see the same background load on a shared machine.
 * The same client code receives both; raw ws replays Alany's own frame, built once.
 */
export async function fanOutPair(
  alany: Child,
  graphqlUrl: string,
  fx: Fixture,
  raw: Child,
  rawUrl: string,
  subscribers: number,
  options: { rounds: number; timeoutMs: number },
): Promise<{ alany: FanOutResult; raw: FanOutResult }> {
  const crowd = new Crowd();
  const rawCrowd = new Crowd();
  const wsUrl = graphqlUrl.replace(/^http/, 'ws');
  try {
    const before = await alany.call<Memory>('memory');
    await crowd.connect(subscribers, wsUrl, {
      graphql: { query: webClientThreadActivity(), variables: { threadId: fx.liveThreadId } },
      headersFor: (index) => sessionCookie(fx.members[index % fx.members.length]!.session),
    });
    const author = sessionCookie(fx.viewer.session);
    let n = 0;
    const createPost = () =>
      graphql(
        graphqlUrl,
        CREATE_POST,
        { input: { threadId: fx.liveThreadId, body: `Live reply ${++n} from the bench.` } },
        author,
      );
    // A first post proves every subscription is registered (graphql-ws has no subscribe ack).
    const warm = await crowd.round(createPost, options.timeoutMs);
    log(`  alany fan-out ${subscribers}: warm-up round delivered ${warm.delivered}/${subscribers}`);
    const after = await alany.call<Memory>('memory');
    const payload = crowd.lastFrame;

    const rawBefore = await raw.call<Memory>('memory');
    await rawCrowd.connect(subscribers, rawUrl, {});
    const broadcast = () => raw.call('broadcast', { payload });
    await rawCrowd.round(broadcast, options.timeoutMs);
    const rawAfter = await raw.call<Memory>('memory');

    const rounds = [];
    const rawRounds = [];
    // A round that timed out leaves deliveries in flight: measure the warm-up alone then.
    if (warm.timedOut) rounds.push(warm);
    for (let i = 0; i < options.rounds; i++) {
      if (!warm.timedOut && rounds.at(-1)?.timedOut !== true) {
        await sleep(300);
        rounds.push(await crowd.round(createPost, options.timeoutMs));
      }
      await sleep(300);
      rawRounds.push(await rawCrowd.round(broadcast, options.timeoutMs));
    }
    const bytes = Buffer.byteLength(payload);
    return {
      alany: summarise('alany (graphql-ws)', subscribers, rounds, before, after, bytes),
      raw: summarise('raw ws', subscribers, rawRounds, rawBefore, rawAfter, bytes),
    };
  } finally {
    crowd.close();
    rawCrowd.close();
    await sleep(500);
  }
}

// ---------------------------------------------------------------- vote storm

export interface VoteStormResult {
  guests: number;
  votesPerGuest: number;
  joinSeconds: number;
  joinsPerSecond: number;
  /** How the votes travel: each guest's own graphql-ws connection. */
  voteTransport: 'graphql-ws';
  /** Opening the guests' 2 000 authenticated sockets (before the storm, not counted in it). */
  connectSeconds: number;
  votes: number;
  failedVotes: number;
  /** Votes the guests did not get to cast within the time bound. */
  votesNotCast: number;
  maxSeconds: number;
  seconds: number;
  votesPerSecond: number;
  /** CPU milliseconds per vote during the storm: Alany's process, and PostgreSQL's (from /proc). */
  cpuMsPerVote: { process: number; postgres: number } | null;
  voteP50: number;
  voteP99: number;
  exact: boolean;
  countsChecked: Array<{
    question: string;
    expected: number;
    rows: number;
    cached: number;
    lastPushed: number | null;
  }>;
  audienceSubscribers: number;
  messagesPerMemberPerSecond: number;
  messagesPerMember: number;
}

export async function voteStorm(
  graphqlUrl: string,
  ownerUrl: string,
  fx: Fixture,
  options: { guests: number; votesPerGuest: number; subscribers: number; maxSeconds: number },
  alanyPid?: number,
): Promise<VoteStormResult> {
  // Phones arrive over a few seconds: joins go through at most 100 connections at once, and
  // the voters' sockets open 100 at a time (2 000 simultaneous connects overflow the listen
  // backlog on loopback).
  const joinAgent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  // Join: every guest gets a token (a phone scanning the code).
  const tokens: string[] = new Array(options.guests);
  const joinStart = performance.now();
  await Promise.all(
    Array.from({ length: options.guests }, async (_, g) => {
      const data = await graphql<{ joinEvent: { guestToken: string } }>(
        graphqlUrl,
        JOIN_EVENT,
        { input: { code: EVENT_CODE, displayName: `Guest ${g}` } },
        {},
        joinAgent,
      );
      tokens[g] = data.joinEvent.guestToken;
    }),
  );
  const joinSeconds = (performance.now() - joinStart) / 1000;

  // Each phone then holds one graphql-ws connection, authenticated once with its guest token,
  // and casts its votes over it (as the web client's audience page does).
  const connectStart = performance.now();
  const voters = new SocketClients();
  await voters.connect(options.guests, graphqlUrl.replace(/^http/, 'ws'), (g) => ({
    authorization: `Bearer ${tokens[g]}`,
  }));
  const connectSeconds = (performance.now() - connectStart) / 1000;

  // The audience's screens: the first guests subscribe to the event.
  const crowd = new Crowd();
  await crowd.connect(options.subscribers, graphqlUrl.replace(/^http/, 'ws'), {
    graphql: { query: EVENT_UPDATED, variables: { eventId: fx.eventId } },
    paramsFor: (index) => ({ authorization: `Bearer ${tokens[index]}` }),
  });
  await sleep(1000);
  const baseline = [...crowd.received];
  const lastPushed = new Map<string, number>();
  crowd.onData = (_index, data) => {
    const question = (
      data as { eventUpdated?: { question?: { id: string; upvoteCount: number } | null } }
    )?.eventUpdated?.question;
    if (question) lastPushed.set(question.id, question.upvoteCount);
  };

  const expected = new Map(fx.questionIds.map((id) => [id, 0]));
  const latencies: number[] = [];
  let failed = 0;
  const cpuBefore = cpuSnapshot(alanyPid);
  const started = performance.now();
  // Bounded in time: a guest casts no further vote once the bound has passed (votes in flight
  // finish and count); exactness is checked on every vote that was answered.
  const stopAt = started + options.maxSeconds * 1000;
  let skipped = 0;
  await Promise.all(
    tokens.map(async (_token, g) => {
      for (let v = 0; v < options.votesPerGuest; v++) {
        if (performance.now() > stopAt) {
          skipped += options.votesPerGuest - v;
          break;
        }
        const question = fx.questionIds[(g + v * 3) % fx.questionIds.length]!;
        const t = performance.now();
        try {
          await voters.request(g, UPVOTE, { input: { questionId: question } });
          expected.set(question, expected.get(question)! + 1);
          latencies.push(performance.now() - t);
        } catch {
          failed += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuSnapshot(alanyPid);
  // Let the coalesced recounts (250 ms window) land, then compare with the rows.
  await sleep(1500);
  const received = crowd.received.map((count, i) => count - (baseline[i] ?? 0));
  crowd.close();
  voters.close();
  joinAgent.destroy();

  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  const countsChecked = [];
  try {
    const { rows } = await db.query<{ id: string; rows: number; cached: number }>(
      `select q.id, (select count(*)::int from question_vote v where v.question_id = q.id) as rows, q.upvote_count as cached
       from question q where q.event_id = $1`,
      [fx.eventId],
    );
    for (const row of rows) {
      countsChecked.push({
        question: row.id,
        expected: expected.get(row.id) ?? 0,
        rows: row.rows,
        cached: row.cached,
        lastPushed: lastPushed.get(row.id) ?? null,
      });
    }
  } finally {
    await db.end();
  }
  const votes = latencies.length;
  latencies.sort((a, b) => a - b);
  const perMember = median(received);
  return {
    guests: options.guests,
    votesPerGuest: options.votesPerGuest,
    joinSeconds: round(joinSeconds, 2),
    joinsPerSecond: round(options.guests / joinSeconds, 0),
    voteTransport: 'graphql-ws',
    connectSeconds: round(connectSeconds, 2),
    votes,
    failedVotes: failed,
    votesNotCast: skipped,
    maxSeconds: options.maxSeconds,
    seconds: round(seconds, 2),
    votesPerSecond: round(votes / seconds, 0),
    cpuMsPerVote: cpuMsPer(cpuBefore, cpuAfter, votes),
    voteP50: round(percentile(latencies, 50)),
    voteP99: round(percentile(latencies, 99)),
    exact:
      failed === 0 &&
      countsChecked.every(
        (c) =>
          c.expected === c.rows &&
          c.rows === c.cached &&
          (c.lastPushed === null || c.lastPushed === c.rows),
      ),
    countsChecked,
    audienceSubscribers: options.subscribers,
    messagesPerMember: perMember,
    messagesPerMemberPerSecond: round(perMember / seconds, 1),
  };
}

// ---------------------------------------------------------------- cold start

export interface ColdStartResult {
  command: string;
  firstStartSeconds: number;
  warmStartSeconds: number;
  note: string;
}

/** The README's start command, run from the repository's root as the README says. */
const START_COMMAND = ['npx', '-y', 'pnpm@12.4.2', 'start'] as const;

async function startOnce(repoRoot: string, dataDir: string): Promise<number> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (
      /^(DATABASE_URL|REDIS_URL|NODE_ENV|PORT|HOST|LOG_LEVEL)$/.test(key) ||
      key.startsWith('ALANY_') ||
      key.startsWith('npm_')
    )
      continue;
    env[key] = value;
  }
  Object.assign(env, { ALANY_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
  const started = performance.now();
  // npx, pnpm, the stale-build check and then Node: a process group, stopped as one (Ctrl-C).
  const [command, ...args] = START_COMMAND;
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = started + 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Alany exited: ${output.slice(-800)}`);
      const url = output.match(/GraphQL:\s+(http:\/\/\S+\/graphql)/)?.[1];
      if (url) {
        const answer = await post(url, { query: '{ __typename }' }, {}, 2000).catch(
          () => undefined,
        );
        if (answer?.status === 200 && answer.body.includes('Query')) {
          return (performance.now() - started) / 1000;
        }
      }
      await sleep(10);
    }
    throw new Error(`no answer within 60 s: ${output.slice(-800)}`);
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGINT');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
    await exited;
    // The embedded PostgreSQL is stopped by the server, after pnpm itself may have exited.
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    for (let waited = 0; waited < 20_000 && (await exists(pidFile)); waited += 100)
      await sleep(100);
    clearTimeout(timer);
  }
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

export async function coldStart(repoRoot: string): Promise<ColdStartResult> {
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'alany-bench-cold-'));
  await fs.chmod(temp, 0o755);
  try {
    const dataDir = path.join(temp, 'data');
    const first = await startOnce(repoRoot, dataDir);
    const warm = await startOnce(repoRoot, dataDir);
    return {
      command: `${START_COMMAND.join(' ')} (the README's; after install, which builds: the start checks that the build is current, then node ${NODE_FLAGS.join(' ')} packages/server/dist/main.js with no DATABASE_URL: embedded PostgreSQL, development defaults, demo data seeded)`,
      firstStartSeconds: round(first, 2),
      warmStartSeconds: round(warm, 2),
      note: 'first start: initdb, migrations and demo data into a fresh ALANY_DATA_DIR; warm start reuses it',
    };
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

export const benchDir = path.resolve(here, '..');
