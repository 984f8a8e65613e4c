import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisPubSub } from './redis-pubsub.js';

// A Redis of this file's own, on a free port, stopped and started again: never the machine's.
let port = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function ping(): boolean {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' })
      .toString()
      .includes('PONG');
  } catch {
    return false;
  }
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startRedis(): Promise<void> {
  execFileSync('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
  ]);
  await until(ping, `redis-server on port ${port} answering`);
}

async function stopRedis(): Promise<void> {
  try {
    execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'pipe' });
  } catch {
    // the connection closes as the server goes
  }
  await until(() => !ping(), `redis-server on port ${port} gone`);
}

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
  await startRedis();
});
afterAll(async () => {
  if (port && ping()) await stopRedis();
});

describe('Redis pub/sub through an outage', () => {
  it.runIf(haveRedisServer)(
    'keeps subscriptions opened before and during a Redis outage alive, and publishes the events of the outage once Redis is back',
    async () => {
      const url = `redis://127.0.0.1:${port}`;
      const { logger, lines } = capturingLogger();
      const options = { backoffCapMs: 500 };
      const publisher = await RedisPubSub.connect(url, logger, options);
      const receiver = await RedisPubSub.connect(url, logger, options);
      try {
        const before = receiver.subscribe<{ n: number }>('outage:before');
        await new Promise((resolve) => setTimeout(resolve, 100)); // SUBSCRIBE reaches Redis
        await publisher.publish('outage:before', { n: 0 });
        expect(await next(before)).toEqual({ n: 0 });

        await stopRedis();
        // Published during the outage: neither thrown at the caller nor lost.
        await expect(publisher.publish('outage:before', { n: 1 })).resolves.toBeUndefined();
        // Subscribed during the outage, on a topic this instance never listened to before.
        const during = receiver.subscribe<{ n: number }>('outage:during');
        // Longer than ioredis's 20 retries of a queued SUBSCRIBE at its default backoff (~11 s).
        await new Promise((resolve) => setTimeout(resolve, 12_000));
        await publisher.publish('outage:during', { n: 2 });
        await startRedis();

        expect(await next(before)).toEqual({ n: 1 });
        expect(await next(during)).toEqual({ n: 2 });
        // A later subscriber of the same topic on that instance hears too.
        const later = receiver.subscribe<{ n: number }>('outage:during');
        await until(() => publisher.pendingCount === 0, 'kept events published');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await publisher.publish('outage:during', { n: 3 });
        expect(await next(during)).toEqual({ n: 3 });
        expect(await next(later)).toEqual({ n: 3 });
        // Exactly once: nothing doubled by the re-subscription or the retry.
        expect(await next(before, 300)).toBe('timeout');
        expect(await next(during, 300)).toBe('timeout');

        // Every event that had to wait is logged with its topic.
        const kept = lines.filter((line) => line.msg.startsWith('live event not published yet'));
        expect(kept.map((line) => line.topic).sort()).toEqual(['outage:before', 'outage:during']);
        // One line per client per outage, not one per reconnection attempt.
        const lost = lines.filter((line) => line.msg.startsWith('redis unreachable'));
        expect(lost.map((line) => line.client).sort()).toEqual([
          'publisher',
          'publisher',
          'subscriber',
          'subscriber',
        ]);
        expect(lines.filter((line) => line.msg === 'redis reachable again')).toHaveLength(4);
      } finally {
        await publisher.close();
        await receiver.close();
      }
    },
    60_000,
  );
});
