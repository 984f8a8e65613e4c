import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, until, type TestServer } from '../../test/harness.js';
import { createOrganisation, person } from '../../test/tenants.js';
import { freePort, RedisServer } from '../../faults/cluster.js';
import { createRateLimiter, MemoryRateLimiter, RedisRateLimiter } from './rate-limit.js';

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const count = (text: string) => lines.filter((line) => line.msg.includes(text)).length;
  return { logger, count };
}

/** Redis servers of this file's own, by port, that it may stop (never the machine's). */
const ownRedis = new Map<number, RedisServer>();

async function startRedis(port: number): Promise<void> {
  let redis = ownRedis.get(port);
  if (!redis) {
    redis = new RedisServer(fs.mkdtempSync(path.join(os.tmpdir(), 'alany-redis-')), port);
    ownRedis.set(port, redis);
  }
  await redis.start();
}

const stopRedis = async (port: number) => ownRedis.get(port)?.stop();

describe('the limiter (rate-limiter-flexible)', () => {
  it('counts per key and per limit, refuses past the limit with the seconds to wait', async () => {
    const limiter = new MemoryRateLimiter();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await limiter.hit('a', 3, 60)).toMatchObject({ allowed: true, counted: attempt });
    }
    const refused = await limiter.hit('a', 3, 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    // Another key, and the same key under another limit, count on their own.
    expect((await limiter.hit('b', 3, 60)).allowed).toBe(true);
    expect((await limiter.hit('a', 5, 60)).allowed).toBe(true);
  });

  it('peeks without counting, gives an attempt back, and forgets a key', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.hit('k', 2, 60);
    await limiter.hit('k', 2, 60);
    const full = await limiter.peek('k', 2, 60);
    expect(full).toMatchObject({ allowed: false, counted: 2 });
    expect(full.retryAfter).toBeGreaterThan(0);
    expect((await limiter.peek('k', 2, 60)).counted).toBe(2);
    await limiter.refund('k', 2, 60);
    expect(await limiter.peek('k', 2, 60)).toMatchObject({ allowed: true, counted: 1 });
    await limiter.reset('k');
    expect(await limiter.peek('k', 2, 60)).toMatchObject({ allowed: true, counted: 0 });
  });

  it.runIf(process.env.REDIS_URL)('Redis: instances share their counts', async () => {
    const first = new Redis(process.env.REDIS_URL!, { lazyConnect: true });
    const second = new Redis(process.env.REDIS_URL!, { lazyConnect: true });
    try {
      await Promise.all([first.connect(), second.connect()]);
      const key = `test:${randomUUID()}`;
      const a = new RedisRateLimiter(first);
      const b = new RedisRateLimiter(second);
      expect((await a.hit(key, 2, 60)).allowed).toBe(true);
      expect((await b.hit(key, 2, 60)).allowed).toBe(true);
      const refused = await a.hit(key, 2, 60);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfter).toBeGreaterThan(0);
      expect(await b.peek(key, 2, 60)).toMatchObject({ allowed: false, counted: 3 });
      await b.refund(key, 2, 60);
      expect(await a.peek(key, 2, 60)).toMatchObject({ allowed: false, counted: 2 });
      await b.reset(key);
      expect(await a.hit(key, 2, 60)).toMatchObject({ allowed: true, counted: 1 });
    } finally {
      first.disconnect();
      second.disconnect();
    }
  });

  if (!process.env.REDIS_URL) {
    it.skip('Redis tests SKIPPED: set REDIS_URL to run them', () => undefined);
  }
});

/** These tests start and stop a Redis of their own: they need its server program. */
const haveRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedisServer) {
  it.skip('Redis outage tests SKIPPED: redis-server is not installed', () => undefined);
}

describe.runIf(haveRedisServer)('while Redis is away', () => {
  const ports: number[] = [];
  let server: TestServer | undefined;
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await server?.stop();
    await Promise.all(ports.map(stopRedis));
  });

  it('counts in memory, says so once, and once again when Redis is back', async () => {
    const port = await freePort();
    ports.push(port);
    await startRedis(port);
    const { logger, count } = capturedLogger();
    const unhandled = vi.spyOn(console, 'error');
    const { rateLimiter, close } = await createRateLimiter(`redis://127.0.0.1:${port}`, logger);
    try {
      const key = `test:${randomUUID()}`;
      expect((await rateLimiter.hit(key, 3, 60)).allowed).toBe(true);
      await stopRedis(port);
      await until(() => count('Redis is unreachable') > 0, 'the limiter to notice');
      // Still limited, now in memory: three allowed, the fourth refused.
      for (let n = 0; n < 3; n += 1) expect((await rateLimiter.hit(key, 3, 60)).allowed).toBe(true);
      expect(await rateLimiter.hit(key, 3, 60)).toMatchObject({ allowed: false });
      await new Promise((resolve) => setTimeout(resolve, 500)); // reconnection attempts fail meanwhile
      expect(count('Redis is unreachable')).toBe(1);
      await startRedis(port);
      await until(() => count('Redis is back') > 0, 'the limiter to see Redis back');
      expect((await rateLimiter.hit(key, 3, 60)).allowed).toBe(true);
      expect(count('Redis is back')).toBe(1);
      expect(count('Redis is unreachable')).toBe(1);
      const printed = unhandled.mock.calls.flat().map(String).join('\n');
      expect(printed).not.toContain('Unhandled error event');
    } finally {
      await close();
    }
  });

  it('signIn and createPost still work, and the limiter logs the degradation once', async () => {
    const port = await freePort();
    ports.push(port);
    await startRedis(port);
    const { logger, count } = capturedLogger();
    const unhandled = vi.spyOn(console, 'error');
    server = await startTestServer({ REDIS_URL: `redis://127.0.0.1:${port}` }, undefined, logger);
    const owner = await person(server, 'Outage Owner');
    const organisation = await createOrganisation(owner, 'Outage');
    const spaceId = (
      await owner.client.ok(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        {
          input: {
            organisationId: organisation.id,
            name: 'Outage space',
            visibility: 'ORGANISATION',
          },
        },
      )
    ).createSpace.space.id;
    const threadId = (
      await owner.client.ok(
        `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
        { input: { spaceId, title: 'During the outage', body: 'Before.' } },
      )
    ).createThread.thread.id;

    await stopRedis(port);
    for (let n = 0; n < 3; n += 1) {
      const client = server.client();
      await client.ok(`mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`, {
        input: { email: owner.email, password: owner.password },
      });
      const posted = await client.ok(
        `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id body } } }`,
        { input: { threadId, body: `Posted while Redis is away (${n}).` } },
      );
      expect(posted.createPost.post.body).toBe(`Posted while Redis is away (${n}).`);
    }
    expect(count('Redis is unreachable')).toBe(1);
    const printed = unhandled.mock.calls.flat().map(String).join('\n');
    expect(printed).not.toContain('Unhandled error event');
  });
});
