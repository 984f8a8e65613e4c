import { createHash } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import { NODE_FLAGS } from '@alany/server/dist/node-flags.js';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));

/** The same deterministic version-4 UUID the seed computes in SQL (md5 with version and variant set). */
export function uuidOf(text: string): string {
  const raw = createHash('md5').update(text).digest('hex');
  const h = `${raw.slice(0, 12)}4${raw.slice(13, 16)}8${raw.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (value: number, digits = 1) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value;

export function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpAnswer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A bounded POST over loopback (keep-alive), JSON in and text out. */
export function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
  withAgent: http.Agent = agent,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: withAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(payload.length),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
  withAgent?: http.Agent,
): Promise<T> {
  const answer = await post(url, { query, variables }, headers, 30_000, withAgent);
  const parsed = JSON.parse(answer.body) as { data?: T; errors?: unknown[] };
  if (parsed.errors?.length || !parsed.data) {
    throw new Error(`GraphQL error (${answer.status}): ${answer.body.slice(0, 500)}`);
  }
  return parsed.data;
}

/** A child process speaking JSON over IPC: `call` sends a command and waits for its answer. */
export class Child {
  private next = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  readonly ready: Promise<Record<string, unknown>>;

  constructor(readonly process: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      process.once('exit', (code) => reject(new Error(`child exited with ${code} before ready`)));
      process.on('message', (raw) => {
        const message = raw as { ready?: Record<string, unknown>; id?: number; result?: unknown };
        if (message.ready) resolve(message.ready);
        if (message.id !== undefined) {
          this.waiting.get(message.id)?.(message.result);
          this.waiting.delete(message.id);
        }
      });
    });
  }

  call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child ${command} timed out`)), 60_000);
      this.waiting.set(id, (value) => {
        clearTimeout(timer);
        resolve(value as T);
      });
      this.process.send({ id, command, ...args });
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts one of this package's child scripts (dist/<name>.js) with its own event loop. */
export function startChild(name: string, env: Record<string, string>): Child {
  const child = fork(path.join(here, `${name}.js`), [], {
    // Alany runs as a production deployment must (docs/configuration.md): NODE_ENV=production in
    // its environment, not only in its config, since libraries read it too (graphql-js skips
    // its development-only `instanceOf` realm checks, Express its development mode). The
    // PostGraphile peer gets the same.
    env: { ...process.env, ...(name === 'alany-child' ? { NODE_ENV: 'production' } : {}), ...env },
    execArgv: [
      '--expose-gc',
      '--max-old-space-size=4096',
      // Alany's production flags (`pnpm start`), from the one list its start scripts follow.
      ...(name === 'alany-child' ? NODE_FLAGS : []),
      // BENCH_PROFILE_DIR=<dir>: a V8 CPU profile of Alany's process, for finding where time goes.
      ...(name === 'alany-child' && process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Child(child);
}

/** In a child: answer the parent's commands. */
export function serveCommands(
  handlers: Record<string, (args: Record<string, unknown>) => unknown>,
): void {
  process.on('message', (raw) => {
    const message = raw as { id: number; command: string } & Record<string, unknown>;
    void Promise.resolve()
      .then(() => handlers[message.command]?.(message))
      .then(
        (result) => process.send?.({ id: message.id, result }),
        (error: Error) => process.send?.({ id: message.id, result: { error: error.message } }),
      );
  });
}

export function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external };
}

/** Linux's clock ticks per second for /proc times (USER_HZ: 100 on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  parent: number;
  name: string;
  cpuSeconds: number;
}

function procStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return stats;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (name) state ppid … utime stime …": the name may hold spaces and parentheses.
      const close = text.lastIndexOf(')');
      const fields = text.slice(close + 2).split(' ');
      stats.push({
        pid: Number(entry),
        parent: Number(fields[1]),
        name: text.slice(text.indexOf('(') + 1, close),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      });
    } catch {
      // The process ended while the list was read.
    }
  }
  return stats;
}

/** CPU seconds used so far by each process of a contender, and by each PostgreSQL server process. */
export interface CpuSnapshot {
  process: Map<number, number>;
  postgres: Map<number, number>;
}

/**
 * CPU seconds (user + system) used so far by a process and its descendants (PostGraphile runs
 * under npx), and by every PostgreSQL server process of this machine; null where /proc is not.
 */
export function cpuSnapshot(root: number | undefined): CpuSnapshot | null {
  const stats = procStats();
  if (stats.length === 0 || root === undefined) return null;
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const stat of stats)
      if (!inTree.has(stat.pid) && inTree.has(stat.parent)) {
        inTree.add(stat.pid);
        grew = true;
      }
  }
  const snapshot: CpuSnapshot = { process: new Map(), postgres: new Map() };
  for (const stat of stats) {
    if (inTree.has(stat.pid)) snapshot.process.set(stat.pid, stat.cpuSeconds);
    else if (stat.name === 'postgres') snapshot.postgres.set(stat.pid, stat.cpuSeconds);
  }
  return snapshot;
}

/**
 * What the processes alive at the end used since the first snapshot (a process that ended in
 * between, such as a pooled connection closed for idleness, is left out rather than counted
 * negative), per process and per PostgreSQL server process.
 */
function usedSince(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of after) seconds += now - (before.get(pid) ?? 0);
  return seconds;
}

/** CPU milliseconds per unit of work between two snapshots (null when either is missing). */
export function cpuMsPer(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
  units: number,
): { process: number; postgres: number } | null {
  if (!before || !after || units <= 0) return null;
  return {
    process: round((usedSince(before.process, after.process) * 1000) / units, 2),
    postgres: round((usedSince(before.postgres, after.postgres) * 1000) / units, 2),
  };
}
