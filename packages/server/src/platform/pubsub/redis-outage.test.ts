import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, RedisServer } from '../../faults/cluster.js';
import { RedisPubSub } from './redis-pubsub.js';

// A Redis of this file's own, on a free port, stopped and started again: never the machine's.
let redis: RedisServer | undefined;
let port = 0;

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const startRedis = () => redis!.start();
const stopRedis = () => redis!.stop();

function capturingLogger() {
  const lines: Array<{ level: number; msg: string; topic?: string; client?: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

function next<T>(iterator: AsyncIterableIterator<T>, ms = 10_000): Promise<T | 'timeout'> {
  return Promise.race([
    iterator.next().then((result) => result.value as T),
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms)),
  ]);
}

const haveRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'pipe' });
    return Boolean(process.env.REDIS_URL);
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  if (!haveRedisServer) return;
  port = await freePort();
  redis = new RedisServer(fs.mkdtempSync(path.join(os.tmpdir(), 'alany-redis-')), port);
  await startRedis();
});
afterAll(async () => {
  if (redis?.ping()) await stopRedis();
});

// Longer than ioredis's 20 retries of a queued SUBSCRIBE at its default backoff (about 11 s):
// the subscriber must not give up on a topic however long Redis is away.
const OUTAGE_MS = 12_000;

describe('Redis pub/sub through an outage', () => {
  it.runIf(haveRedisServer)(
    're-subscribes after the outage: a subscription opened during it, and later ones to the same topic, hear what is published once Redis is back',
    async () => {
      const url = `redis://127.0.0.1:${port}`;
      const { logger } = capturingLogger();
      const options = { backoffCapMs: 500 };
      const publisher = await RedisPubSub.connect(url, logger, options);
      const receiver = await RedisPubSub.connect(url, logger, options);
      try {
        const before = receiver.subscribe<{ n: number }>('resubscribe:before');
        await new Promise((resolve) => setTimeout(resolve, 100)); // SUBSCRIBE reaches Redis
        await stopRedis();
        // A topic this instance never listened to before, subscribed while Redis is down.
        const during = receiver.subscribe<{ n: number }>('resubscribe:during');
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
        await startRedis();
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // both clients reconnect
        // A later subscriber of the same topic on that instance.
        const later = receiver.subscribe<{ n: number }>('resubscribe:during');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await publisher.publish('resubscribe:before', { n: 1 });
        await publisher.publish('resubscribe:during', { n: 2 });
        expect(await next(before)).toEqual({ n: 1 });
        expect(await next(during)).toEqual({ n: 2 });
        expect(await next(later)).toEqual({ n: 2 });
      } finally {
        await publisher.close();
        await receiver.close();
      }
    },
    60_000,
  );

  it.runIf(haveRedisServer)(
    'keeps what is published during the outage, logged with its topic, and publishes it once Redis is back, exactly once; one log line per client per outage',
    async () => {
      const url = `redis://127.0.0.1:${port}`;
      const { logger, lines } = capturingLogger();
      const options = { backoffCapMs: 500 };
      const publisher = await RedisPubSub.connect(url, logger, options);
      const receiver = await RedisPubSub.connect(url, logger, options);
      try {
        const first = receiver.subscribe<{ n: number }>('kept:first');
        const second = receiver.subscribe<{ n: number }>('kept:second');
        await new Promise((resolve) => setTimeout(resolve, 100)); // SUBSCRIBE reaches Redis
        await publisher.publish('kept:first', { n: 0 });
        expect(await next(first)).toEqual({ n: 0 });

        await stopRedis();
        // Neither thrown at the caller (a committed change's request) nor lost.
        await expect(publisher.publish('kept:first', { n: 1 })).resolves.toBeUndefined();
        await new Promise((resolve) => setTimeout(resolve, 2_000)); // reconnection attempts
        await publisher.publish('kept:second', { n: 2 });
        await publisher.publish('kept:first', { n: 3 });
        expect(publisher.pendingCount).toBe(3);
        await startRedis();

        // In the order published.
        expect(await next(first)).toEqual({ n: 1 });
        expect(await next(first)).toEqual({ n: 3 });
        expect(await next(second)).toEqual({ n: 2 });
        await until(() => publisher.pendingCount === 0, 'kept events published');
        // Exactly once: nothing doubled by the re-subscription or the retry.
        expect(await next(first, 300)).toBe('timeout');
        expect(await next(second, 300)).toBe('timeout');

        const kept = lines.filter((line) => line.msg.startsWith('live event not published yet'));
        expect(kept.map((line) => line.topic)).toEqual(['kept:first', 'kept:second', 'kept:first']);
        // One line per client per outage, not one per reconnection attempt.
        const lost = lines.filter((line) => line.msg.startsWith('redis unreachable'));
        expect(lost.map((line) => line.client).sort()).toEqual([
          'publisher',
          'publisher',
          'subscriber',
          'subscriber',
        ]);
        await until(
          () => lines.filter((line) => line.msg === 'redis reachable again').length === 4,
          'every client back',
        );
      } finally {
        await publisher.close();
        await receiver.close();
      }
    },
    60_000,
  );

  it.runIf(haveRedisServer)(
    'a Redis that hangs does not hold up the requests that publish; their events arrive once it answers, in order, once',
    async () => {
      const url = `redis://127.0.0.1:${port}`;
      const { logger } = capturingLogger();
      const publisher = await RedisPubSub.connect(url, logger, { backoffCapMs: 500 });
      const receiver = await RedisPubSub.connect(url, logger, { backoffCapMs: 500 });
      const pid = Number(
        /process_id:(\d+)/.exec(
          execFileSync('redis-cli', ['-p', String(port), 'info', 'server']).toString(),
        )?.[1],
      );
      expect(pid).toBeGreaterThan(0);
      try {
        const events = receiver.subscribe<{ n: number }>('hang:posts');
        await new Promise((resolve) => setTimeout(resolve, 100)); // SUBSCRIBE reaches Redis
        // Stopped, not gone: the connection stays open and nothing answers.
        process.kill(pid, 'SIGSTOP');
        try {
          const started = Date.now();
          await Promise.all([1, 2, 3].map((n) => publisher.publish('hang:posts', { n })));
          await publisher.publish('hang:posts', { n: 4 });
          expect(Date.now() - started).toBeLessThan(1_000);
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        } finally {
          process.kill(pid, 'SIGCONT');
        }
        for (const n of [1, 2, 3, 4]) expect(await next(events)).toEqual({ n });
        await until(() => publisher.pendingCount === 0, 'nothing left to publish');
        expect(await next(events, 500)).toBe('timeout');
      } finally {
        await publisher.close();
        await receiver.close();
      }
    },
    60_000,
  );
});
