/**
 * `pnpm test:faults`: Alany as it is deployed — two instances on one PostgreSQL and one Redis
 * behind nginx — under the faults production sees, each scenario printing its figures. Exits 1
 * when any scenario shows broken behaviour. See docs/reliability.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  Instance,
  instanceEnv,
  newReportKey,
  Nginx,
  Postgres,
  RedisServer,
  stopAll,
} from './cluster.js';
import {
  eventsExactlyOnce,
  postgresRestart,
  redisOutage,
  sigtermUnderLoad,
  type Cluster,
  type Outcome,
} from './scenarios.js';
import { sweep } from './sweep.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const BUDGET_MS = Number(process.env.ALANY_FAULTS_BUDGET_S ?? 420) * 1000;
const started = Date.now();
const log = (line: string) => process.stdout.write(`${line}\n`);

async function startCluster(dir: string): Promise<Cluster> {
  const [pgPort, redisPort, aPort, bPort, nginxPort] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const postgres = new Postgres(dir, pgPort!);
  log(`PostgreSQL (${postgres.bin}) on port ${pgPort}`);
  await postgres.init();
  const redis = new RedisServer(dir, redisPort!);
  log(`redis-server on port ${redisPort}`);
  await redis.start();
  const reportKey = newReportKey();
  const make = (name: string, port: number, seed: boolean) => {
    const dataDir = path.join(dir, `data-${name}`);
    fs.mkdirSync(dataDir);
    return new Instance(
      name,
      port,
      instanceEnv(
        { databaseUrl: postgres.url, redisUrl: redis.url, port, dataDir, seed },
        reportKey,
      ),
      dir,
    );
  };
  const a = make('A', aPort!, true);
  const b = make('B', bPort!, false);
  // A first: it migrates and seeds; B then starts on the migrated database, as a rollout does.
  log(`Alany A on port ${aPort} (demo data), then B on port ${bPort}`);
  await a.start();
  await b.start();
  const nginx = new Nginx(path.join(dir, 'nginx'), nginxPort!);
  log(`nginx on port ${nginxPort}, configured from infra/nginx.conf`);
  await nginx.start(fs.readFileSync(path.join(ROOT, 'infra', 'nginx.conf'), 'utf8'), [
    aPort!,
    bPort!,
  ]);
  return { postgres, redis, a, b, nginx };
}

function table(outcomes: Outcome[]): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    lines.push(`${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.scenario}`);
    for (const [name, value] of outcome.figures) lines.push(`        ${name}: ${value}`);
    for (const problem of outcome.problems) lines.push(`        ! ${problem}`);
  }
  return lines.join('\n');
}

const PROVES: Record<string, string> = {
  'events across instances':
    'a live event published on one instance reaches every subscriber on every instance, through nginx too, exactly once',
  'PostgreSQL restart under writes':
    'a database crash loses no acknowledged write, answers 503 with Retry-After (never 500) while it lasts, and the instances recover by themselves',
  'Redis stopped for 20 s':
    'without Redis the instances still answer queries, sign-ins and posts; subscriptions opened before and during the outage deliver once it returns (events of the outage included)',
  'malformed-input sweep':
    'no operation of the schema, anonymous or signed in, turns malformed input into an internal error',
  'SIGTERM one instance under load':
    'a rolling restart behind nginx fails no request: the stopping instance drains, nginx sends new requests to the other',
};

function writeDocs(outcomes: Outcome[], totalSeconds: number): void {
  const file = path.join(ROOT, 'docs', 'reliability.md');
  const start = '<!-- fault-suite:figures:start -->';
  const end = '<!-- fault-suite:figures:end -->';
  const rows = outcomes.flatMap((outcome) => [
    `| ${outcome.scenario} | ${outcome.ok ? 'pass' : '**fail**'} | ${outcome.figures.map(([n, v]) => `${n}: ${v}`).join('; ')} | ${PROVES[outcome.scenario] ?? ''} |`,
  ]);
  const problems = outcomes.flatMap((outcome) =>
    outcome.problems.map((problem) => `- ${outcome.scenario}: ${problem.replace(/\|/g, '\\|')}`),
  );
  const section = [
    start,
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} cores, ${totalSeconds} s in all.`,
    '',
    '| scenario | result | figures | what it proves |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(problems.length ? ['', 'What failed:', '', ...problems] : []),
    end,
  ].join('\n');
  let text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Reliability\n\nWhat Alany guarantees when parts of its deployment fail, and how we know.\n';
  if (text.includes(start) && text.includes(end)) {
    text =
      text.slice(0, text.indexOf(start)) + section + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n## Fault suite figures\n\nWritten by \`pnpm test:faults\` (see [development.md](development.md#fault-suite)).\n\n${section}\n`;
  }
  fs.writeFileSync(file, text);
  // As `pnpm run check` wants it (tables aligned): the file is committed with the figures.
  const prettier = path.join(ROOT, 'node_modules', '.bin', 'prettier');
  if (fs.existsSync(prettier)) spawnSync(prettier, ['--write', file], { timeout: 60_000 });
  log(`figures written to ${path.relative(ROOT, file)}`);
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-faults-'));
  fs.chmodSync(dir, 0o755);
  log(`Alany fault suite in ${dir} (node ${process.version}, budget ${BUDGET_MS / 1000} s)`);
  const outcomes: Outcome[] = [];
  let failed = false;
  try {
    const cluster = await startCluster(dir);
    log(`cluster up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const scenarios: Array<[string, () => Promise<Outcome>]> = [
      ['events across instances', () => eventsExactlyOnce(cluster)],
      ['Redis stopped for 20 s', () => redisOutage(cluster)],
      ['PostgreSQL restart under writes', () => postgresRestart(cluster)],
      [
        'malformed-input sweep',
        async () => {
          const result = await sweep(cluster.a.base, started + BUDGET_MS - 40_000);
          // One line per operation and caller: how many variants failed, which, and why.
          const groups = new Map<string, { variants: string[]; what: Set<string> }>();
          for (const offender of result.offenders) {
            const key = `${offender.operation} (${offender.as})`;
            const group = groups.get(key) ?? { variants: [], what: new Set<string>() };
            group.variants.push(offender.variant);
            group.what.add(offender.what.slice(0, 120));
            groups.set(key, group);
          }
          return {
            scenario: 'malformed-input sweep',
            ok: result.offenders.length === 0 && result.swept === result.operations,
            figures: [
              [
                'operations',
                `${result.operations} (${Object.entries(result.byKind)
                  .map(([k, v]) => `${v} ${k}`)
                  .join(', ')})`,
              ],
              ['operations swept', `${result.swept}/${result.operations}`],
              ['requests', result.requests],
              ['internal errors', result.offenders.length],
              [
                'operations with internal errors',
                new Set(result.offenders.map((o) => o.operation)).size,
              ],
            ],
            problems: [
              ...[...groups].map(
                ([key, group]) =>
                  `${key}: ${group.variants.length} × — ${group.variants.slice(0, 6).join('; ')}${group.variants.length > 6 ? '; …' : ''} → ${[...group.what].slice(0, 3).join(' / ')}`,
              ),
              ...(result.swept < result.operations
                ? ['the time budget ran out before every operation was swept']
                : []),
            ],
          };
        },
      ],
      ['SIGTERM one instance under load', () => sigtermUnderLoad(cluster)],
    ];
    // ALANY_FAULTS_ONLY=sigterm,redis runs the scenarios whose names contain those words.
    const only = (process.env.ALANY_FAULTS_ONLY ?? '').toLowerCase().split(',').filter(Boolean);
    for (const [name, scenario] of scenarios) {
      if (only.length && !only.some((word) => name.toLowerCase().includes(word))) continue;
      const at = Date.now();
      log(`\n==> ${name}`);
      const outcome = await scenario().catch((error: Error): Outcome => ({
        scenario: name,
        ok: false,
        figures: [],
        problems: [`crashed: ${error.stack ?? error.message}`],
      }));
      outcomes.push(outcome);
      log(table([outcome]));
      log(`    (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    }
  } catch (error) {
    failed = true;
    log(`\nThe fault suite could not run: ${(error as Error).stack ?? String(error)}`);
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.log'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8').trimEnd().split('\n');
      log(`--- ${file} (last lines)\n${text.slice(-15).join('\n')}`);
    }
  } finally {
    await stopAll();
  }
  const totalSeconds = Math.round((Date.now() - started) / 1000);
  log('\n==> Figures');
  log(table(outcomes));
  log(
    `${outcomes.filter((o) => o.ok).length} passed, ${outcomes.filter((o) => !o.ok).length} failed, ${totalSeconds} s`,
  );
  if (outcomes.length && process.env.ALANY_FAULTS_DOCS !== 'off') writeDocs(outcomes, totalSeconds);
  const ok = !failed && outcomes.length > 0 && outcomes.every((o) => o.ok);
  if (ok || process.env.ALANY_FAULTS_KEEP !== 'on')
    fs.rmSync(dir, { recursive: true, force: true });
  else log(`Logs are kept in ${dir}`);
  return ok ? 0 : 1;
}

// A hard stop: whatever hangs, the suite ends within its budget (and a minute for the teardown).
const watchdog = setTimeout(() => {
  log(`\nThe fault suite ran out of its ${BUDGET_MS / 1000} s budget: stopping.`);
  void stopAll().finally(() => process.exit(1));
}, BUDGET_MS + 60_000);
watchdog.unref();

void main().then((code) => {
  process.exitCode = code;
  // Sockets of the scenarios may keep the loop alive: the result is known, leave.
  setTimeout(() => process.exit(code), 500).unref();
});
