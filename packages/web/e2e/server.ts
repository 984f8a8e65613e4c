import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
/** E2E_SERVER_MAIN runs another build of the server, e.g. a known-good one while the server changes. */
const serverMain = path.resolve(
  process.env.E2E_SERVER_MAIN ?? path.join(here, '../../server/dist/main.js'),
);
/** E2E_WEB_DIST serves another build of the client, e.g. an older one to see a test fail on it. */
const webDist = path.resolve(process.env.E2E_WEB_DIST ?? path.join(here, '../dist'));

export interface RunningServer {
  url: string;
  /** Stops the server (SIGTERM), keeping its database, e.g. to watch the client reconnect. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  /** Stops the server and removes its database. */
  dispose(): Promise<void>;
  /** A connection string for the server's database as its owner, to look at what it wrote. */
  ownerDatabaseUrl(): string;
  /** Everything the server has logged so far (at `logLevel`), to check what it wrote there. */
  log(): string;
  /**
   * The text of the newest e-mail to `to` (of `kind`, if given) as delivered: without SMTP the
   * server delivers mail to files in its data folder; the outbox table keeps no live link.
   */
  latestMail(to: string, kind?: string): Promise<string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server was not ready within 90 s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the built server (packages/server/dist) with a database of its own: a new database on
 * DATABASE_URL's server when that is set, else the embedded PostgreSQL in a temporary folder.
 */
export async function startServer(
  options: { logLevel?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(serverMain)) {
    throw new Error(`${serverMain} is missing: build the server first (pnpm run build).`);
  }
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html is missing: build the web client first.`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? process.env.E2E_LOG_LEVEL ?? 'warn',
    ALANY_SEED_DEMO: 'false',
    // Each server its own Redis namespace: rate-limit budgets (sign-ups per address) and pub/sub
    // of one test file must not be spent or heard by the next file's server on the same Redis.
    ALANY_REDIS_PREFIX: `alany-e2e-${port}-${randomBytes(4).toString('hex')}`,
    ALANY_WEB_DIST: webDist,
    // Production refuses to start without the key that encrypts integrity reports.
    ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  };
  let cleanupDatabase: () => Promise<void>;
  let dataDirectory: string;
  let ownerDatabaseUrl: () => string;
  const baseUrl = process.env.DATABASE_URL?.trim();
  if (baseUrl) {
    // Uploaded files go to a folder of this run's own, never into the build output.
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-web-e2e-files-'));
    env.ALANY_DATA_DIR = filesDir;
    dataDirectory = filesDir;
    const name = `alany_web_e2e_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const own = new URL(baseUrl);
    own.pathname = `/${name}`;
    env.DATABASE_URL = own.toString();
    ownerDatabaseUrl = () => own.toString();
    cleanupDatabase = async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      fs.rmSync(filesDir, { recursive: true, force: true });
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-web-e2e-'));
    // The embedded PostgreSQL runs as the `postgres` OS user, which must be able to enter it.
    fs.chmodSync(dataDir, 0o755);
    env.ALANY_DATA_DIR = dataDir;
    dataDirectory = dataDir;
    delete env.DATABASE_URL;
    // The embedded PostgreSQL listens on a port chosen at start-up (postmaster.pid, line 4).
    ownerDatabaseUrl = () => {
      const { password } = JSON.parse(
        fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8'),
      ) as { password: string };
      const pid = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pid[3]?.trim()}/alany`;
    };
    cleanupDatabase = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }

  let child: ChildProcess | null = null;
  let output = '';
  let log = '';
  const start = async () => {
    output = '';
    const started = spawn(process.execPath, [serverMain], {
      env,
      cwd: path.dirname(serverMain),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      log += chunk.toString();
      if (process.env.E2E_LOG_LEVEL) process.stderr.write(chunk);
    };
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    await waitUntilReady(url, started, () => output);
  };
  const stop = async () => {
    if (child) await stopChild(child);
  };
  try {
    await start();
  } catch (error) {
    await stop();
    await cleanupDatabase();
    throw error;
  }
  return {
    url,
    start,
    stop,
    ownerDatabaseUrl: () => ownerDatabaseUrl(),
    log: () => log,
    latestMail: async (to, kind) => {
      const folder = path.join(dataDirectory, 'mail');
      const deadline = Date.now() + 10_000;
      for (;;) {
        const names = fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
        const mails = names
          .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')))
          .filter(
            (mail: { to: string; kind: string }) =>
              mail.to === to.toLowerCase() && (!kind || mail.kind === kind),
          ) as Array<{ text: string }>;
        const newest = mails.at(-1);
        if (newest) return newest.text;
        if (Date.now() > deadline) return '';
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    dispose: async () => {
      await stop();
      await cleanupDatabase();
    },
  };
}
