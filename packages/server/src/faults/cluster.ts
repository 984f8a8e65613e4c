import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { sleep } from './client.js';

/**
 * What the fault suite runs, all of its own: a PostgreSQL cluster and a redis-server on free
 * ports in a temporary folder, two built Alany instances, and nginx in front of them with the
 * proxying rules of infra/nginx.conf. Never the machine's PostgreSQL or Redis: others use them.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** PostgreSQL (and our nginx) refuse to, or should not, run as root: run them as `postgres`. */
function asServiceUser(command: string, args: string[]): [string, string[]] {
  return isRoot
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]]
    : [command, args];
}

/** Runs a command to its end without blocking the event loop (the scenarios' loops go on). */
function run(command: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [cmd, argv] = asServiceUser(command, args);
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error)
        reject(
          new Error(`${command} ${args.join(' ')} failed: ${stderr || stdout || error.message}`),
        );
      else resolve(stdout);
    });
  });
}

async function until(check: () => Promise<boolean> | boolean, what: string, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

function postgresBin(): string {
  if (process.env.ALANY_FAULTS_PG_BIN) return process.env.ALANY_FAULTS_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error(
      'no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql, or set ALANY_FAULTS_PG_BIN)',
    );
  return path.join(root, versions[0], 'bin');
}

export class Postgres {
  readonly bin = postgresBin();
  readonly data: string;
  readonly log: string;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    this.data = path.join(dir, 'pg');
    this.log = path.join(dir, 'postgres.log');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/alany`;
  }

  async init(): Promise<void> {
    fs.mkdirSync(this.data, { mode: 0o700 });
    fs.writeFileSync(this.log, '');
    if (isRoot) spawnSync('chown', ['-R', 'postgres:', this.data, this.log]);
    await run(path.join(this.bin, 'initdb'), [
      '-D',
      this.data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    await this.start();
    await run(path.join(this.bin, 'createdb'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.port),
      'alany',
    ]);
  }

  async start(): Promise<void> {
    postgresClusters.add(this);
    await run(path.join(this.bin, 'pg_ctl'), [
      '-D',
      this.data,
      '-l',
      this.log,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${this.data} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  }

  /** `immediate`: the way a crash or a killed pod stops it (recovery from the WAL on start). */
  async stop(mode: 'fast' | 'immediate' = 'immediate'): Promise<void> {
    await run(path.join(this.bin, 'pg_ctl'), [
      '-D',
      this.data,
      '-m',
      mode,
      '-w',
      '-t',
      '60',
      'stop',
    ]);
  }

  stopNow(): void {
    const [cmd, argv] = asServiceUser(path.join(this.bin, 'pg_ctl'), [
      '-D',
      this.data,
      '-m',
      'immediate',
      '-w',
      'stop',
    ]);
    spawnSync(cmd, argv, { timeout: 30_000 });
  }

  running(): boolean {
    const [cmd, argv] = asServiceUser(path.join(this.bin, 'pg_ctl'), ['-D', this.data, 'status']);
    return spawnSync(cmd, argv).status === 0;
  }
}

const children = new Set<ChildProcess>();
const postgresClusters = new Set<Postgres>();

/** Every process the suite started, stopped by its pid (never by name); our PostgreSQL cluster. */
export async function stopAll(): Promise<void> {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
  for (const postgres of postgresClusters) {
    try {
      if (postgres.running()) postgres.stopNow();
    } catch {
      // reported by the scenario that needed it
    }
  }
}

function startChild(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; log: string; asServiceUser?: boolean },
): ChildProcess {
  const [cmd, argv] = options.asServiceUser ? asServiceUser(command, args) : [command, args];
  const out = fs.openSync(options.log, 'a');
  const child = spawn(cmd, argv, { env: options.env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export class RedisServer {
  private child: ChildProcess | undefined;

  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  ping(): boolean {
    const result = spawnSync('redis-cli', ['-p', String(this.port), 'ping'], {
      encoding: 'utf8',
      timeout: 5_000,
    });
    return result.stdout?.includes('PONG') ?? false;
  }

  async start(): Promise<void> {
    this.child = startChild(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      { log: path.join(this.dir, 'redis.log') },
    );
    await until(() => this.ping(), `redis-server on port ${this.port}`, 15_000);
  }

  async stop(): Promise<void> {
    spawnSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { timeout: 5_000 });
    if (this.child && !(await exited(this.child, 10_000))) this.child.kill('SIGKILL');
  }
}

export class Instance {
  child: ChildProcess | undefined;
  readonly log: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    readonly dir: string,
  ) {
    this.log = path.join(dir, `alany-${name}.log`);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const main = path.resolve(import.meta.dirname, '..', 'main.js');
    this.child = startChild(
      process.execPath,
      ['--enable-source-maps', '--max-semi-space-size=64', main],
      { env: this.env, log: this.log },
    );
    const child = this.child;
    await until(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`alany ${this.name} exited (${child.exitCode}): see ${this.log}`);
        const status = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(2_000) })
          .then((response) => response.status)
          .catch(() => 0);
        return status === 200;
      },
      `alany ${this.name} /readyz`,
      120_000,
    );
  }

  /** SIGTERM, as an orchestrator stops a pod; resolves once it exited (or was killed after `ms`). */
  async terminate(ms = 40_000): Promise<{ exitCode: number | null; killed: boolean }> {
    const child = this.child;
    if (!child) return { exitCode: null, killed: false };
    child.kill('SIGTERM');
    const done = await exited(child, ms);
    if (!done) child.kill('SIGKILL');
    await exited(child, 5_000);
    return { exitCode: child.exitCode, killed: !done };
  }
}

export function instanceEnv(
  options: { databaseUrl: string; redisUrl: string; port: number; dataDir: string; seed: boolean },
  reportKey: string,
): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name]) env[name] = process.env[name];
  return {
    ...env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    ALANY_DATA_DIR: options.dataDir,
    ALANY_REPORT_KEY: reportKey,
    ALANY_SEED_DEMO: String(options.seed),
    ALANY_PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    LOG_LEVEL: 'info',
  };
}

export const newReportKey = () => randomBytes(32).toString('base64');

/**
 * nginx's configuration for this run: infra/nginx.conf (the deployment's, the source of truth)
 * with only what names the deployment's network replaced — the listen address, the upstream's
 * servers (Docker's DNS name → our two instances) and Docker's resolver — plus where an
 * unprivileged nginx keeps its files. Any rule missing here fails the suite: the proxying
 * rules must stay the ones deployed.
 */
export function nginxConfig(
  source: string,
  options: { listen: number; upstreams: number[]; prefix: string },
): string {
  const replaceOnce = (
    text: string,
    pattern: RegExp,
    replacement: (m: RegExpMatchArray) => string,
  ) => {
    const match = text.match(pattern);
    if (!match) throw new Error(`infra/nginx.conf: no line matching ${pattern}`);
    return text.replace(pattern, replacement(match));
  };
  let conf = source;
  conf = replaceOnce(conf, /^\s*resolver [^;]*;\n/m, () => '');
  conf = replaceOnce(conf, /^(\s*)server alany:4000 resolve([^;]*);/m, (m) =>
    options.upstreams.map((port) => `${m[1]}server 127.0.0.1:${port}${m[2]};`).join('\n'),
  );
  conf = replaceOnce(
    conf,
    /^(\s*)listen 8080;/m,
    (m) => `${m[1]}listen 127.0.0.1:${options.listen};`,
  );
  conf = replaceOnce(conf, /^worker_processes [^;]*;/m, () => 'worker_processes 1;');
  const p = options.prefix;
  conf = `daemon off;\npid ${p}/nginx.pid;\nerror_log ${p}/error.log warn;\n${conf}`;
  conf = replaceOnce(conf, /^http \{\n/m, (m) =>
    [
      m[0].trimEnd(),
      `  access_log ${p}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${p}/${kind}_temp;`,
      ),
      '',
    ].join('\n'),
  );
  return conf;
}

export class Nginx {
  private child: ChildProcess | undefined;

  constructor(
    readonly prefix: string,
    readonly port: number,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(source: string, upstreams: number[]): Promise<void> {
    const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
    if (!binary) throw new Error('nginx is not installed (apt-get install -y nginx)');
    fs.mkdirSync(this.prefix, { recursive: true });
    const conf = path.join(this.prefix, 'nginx.conf');
    fs.writeFileSync(
      conf,
      nginxConfig(source, { listen: this.port, upstreams, prefix: this.prefix }),
    );
    if (isRoot) spawnSync('chown', ['-R', 'postgres:', this.prefix]);
    const log = path.join(this.prefix, 'stderr.log');
    const check = spawnSync(
      ...asServiceUser(binary, [
        '-t',
        '-p',
        this.prefix,
        '-e',
        path.join(this.prefix, 'error.log'),
        '-c',
        conf,
      ]),
      { encoding: 'utf8', timeout: 10_000 },
    );
    if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
    this.child = startChild(
      binary,
      ['-p', this.prefix, '-e', path.join(this.prefix, 'error.log'), '-c', conf],
      {
        log,
        asServiceUser: true,
      },
    );
    await until(
      async () =>
        (await fetch(`${this.base}/healthz`, { signal: AbortSignal.timeout(2_000) })
          .then((r) => r.status)
          .catch(() => 0)) === 200,
      `nginx on port ${this.port}`,
      15_000,
    );
  }
}
