import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../platform/config.js';
import { createLogger, type Logger } from '../platform/logging.js';
import { startAlany, type RunningAlany } from '../server.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie it is given, like a real one. */
export class TestClient {
  cookie: string | undefined;

  constructor(
    readonly graphqlUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const [pair] = line.split(';');
      if (!pair) continue;
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value ? pair : undefined;
    }
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers };
  }

  /** Like `request`, but fails the test on any GraphQL error. */
  async ok<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- see above
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    }
    return result.data as T;
  }

  /** POST /files as this client, the way the web client uploads: multipart with the upload header. */
  async upload(
    fileName: string,
    bytes: Uint8Array | string,
    headers: Record<string, string> = { 'x-alany-upload': '1' },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
  ): Promise<{ status: number; body: Record<string, any> }> {
    const form = new FormData();
    form.append(
      'file',
      new Blob([typeof bytes === 'string' ? bytes : Buffer.from(bytes)]),
      fileName,
    );
    const response = await fetch(this.graphqlUrl.replace(/\/graphql$/, '/files'), {
      method: 'POST',
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.extraHeaders,
        ...headers,
      },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** GET a path of the server (e.g. a file) with this client's credentials. */
  fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    return fetch(this.graphqlUrl.replace(/\/graphql$/, pathname), {
      ...init,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.extraHeaders,
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  }

  websocket(): WsClient {
    const cookie = this.cookie;
    const authorization = this.extraHeaders.authorization;
    return createClient({
      url: this.graphqlUrl.replace(/^http/, 'ws'),
      connectionParams: authorization ? { authorization } : undefined,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, cookie ? { headers: { cookie } } : {});
        }
      },
      retryAttempts: 0,
      lazy: true,
    });
  }
}

export interface TestServer {
  alany: RunningAlany;
  /** This server's ALANY_DATA_DIR (uploaded files live in its files/ folder). */
  dataDir: string;
  db: TestDatabase;
  graphqlUrl: string;
  url: string;
  client(headers?: Record<string, string>): TestClient;
  stop(): Promise<void>;
}

/**
 * The pub/sub this file's servers use: in-process, unless the file runs the live tests again on
 * Redis (`src/test/live-on-redis.test.ts` sets ALANY_TEST_PUBSUB=redis before importing them).
 */
function liveOnRedis(): Record<string, string> {
  if (process.env.ALANY_TEST_PUBSUB !== 'redis') return {};
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('ALANY_TEST_PUBSUB=redis needs REDIS_URL');
  return { REDIS_URL: url };
}

/**
 * Proves that a server's live events go through Redis: one published through the server's
 * pub/sub reaches a plain Redis subscriber on the channel it must use.
 */
async function expectEventsThroughRedis(
  alany: RunningAlany,
  url: string,
  prefix: string,
): Promise<void> {
  const topic = `harness-probe:${randomBytes(8).toString('hex')}`;
  const channel = `${prefix}:${topic}`;
  const listener = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  try {
    await listener.connect();
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5_000);
      listener.on('message', (received: string) => {
        if (received !== channel) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
    await listener.subscribe(channel);
    await alany.pubsub.publish(topic, { probe: true });
    if (!(await heard))
      throw new Error(`this test server's live events do not go through Redis (${url})`);
  } finally {
    listener.disconnect();
  }
}

/**
 * Alany on a free port, over a database of this test file's own; with `sameDatabaseAs`, a second
 * instance over another server's database (which that server drops when it stops); `logger` to
 * read its log.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  sameDatabaseAs?: TestServer,
  logger?: Logger,
): Promise<TestServer> {
  const db =
    sameDatabaseAs?.db ??
    (await createTestDatabase(inject('ownerUrl'), inject('templateDatabase')));
  // Uploaded files of this server only, removed with it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-test-'));
  const config = loadConfig({
    ALANY_DATA_DIR: dataDir,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    ALANY_SEED_DEMO: 'false',
    ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...liveOnRedis(),
    // Test servers share the machine's Redis: each database's servers count and publish apart.
    ALANY_REDIS_PREFIX: `alany-${db.name}`,
    ...env,
  });
  const alany = await startAlany(config, logger ?? createLogger(config.logLevel));
  // Tests that count the ORM's statements (statementsOf) must not see the start-up sweep's.
  await alany.firstSweep;
  if (config.redisUrl && liveOnRedis().REDIS_URL) {
    await expectEventsThroughRedis(alany, config.redisUrl, config.redisPrefix).catch(
      async (error: unknown) => {
        await alany.stop();
        if (!sameDatabaseAs) await db.drop();
        throw error;
      },
    );
  }
  return {
    alany,
    dataDir,
    db,
    url: alany.url,
    graphqlUrl: alany.graphqlUrl,
    client: (headers) => new TestClient(alany.graphqlUrl, headers),
    stop: async () => {
      await alany.stop();
      if (!sameDatabaseAs) await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A unique, valid sign-up input. */
export function newAccount(
  overrides: Partial<{ email: string; password: string; displayName: string; locale: string }> = {},
) {
  counter += 1;
  return {
    email: `person${counter}.${Date.now()}@example.kz`,
    password: 'correct horse battery',
    displayName: `Person ${counter}`,
    locale: 'en',
    ...overrides,
  };
}

export const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        email
        displayName
        locale
      }
    }
  }
`;

export async function signedUpClient(server: TestServer, overrides = {}) {
  const client = server.client();
  const input = newAccount(overrides);
  const data = await client.ok<{ signUp: { user: { id: string; email: string } } }>(SIGN_UP, {
    input,
  });
  return { client, input, user: data.signUp.user };
}

/**
 * Waits until `check` holds. Generous on purpose: live events on a busy two-core CI machine can
 * take seconds; a test asserts that they arrive, not how fast.
 */
/** The first error's `extensions.code`. */
export const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

/** The first error's field problems as `field:REASON`. */
export const reasons = (result: GraphQLResponse) =>
  ((result.errors?.[0]?.extensions?.fields as Array<{ field: string; reason: string }>) ?? []).map(
    (f) => `${f.field}:${f.reason}`,
  );

/** A statement as the database owner (to inspect or sabotage what the application wrote). */
export async function ownerQuery<T extends pg.QueryResultRow>(
  server: TestServer,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.db.ownerUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The SQL `orm`'s knex sends while `work` runs (one entry per round trip). */
export async function statementsOf(orm: MikroORM, work: () => Promise<unknown>): Promise<string[]> {
  const knex = orm.em.getConnection().getKnex();
  const sql: string[] = [];
  const listener = (query: { sql: string }) => sql.push(query.sql);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.removeListener('query', listener);
  }
  return sql;
}
