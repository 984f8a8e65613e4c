import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { InProcessPubSub } from './pubsub.js';
import { RedisPubSub } from './redis-pubsub.js';
import { createLogger } from '../logging.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

function nextEvents<T>(
  client: ReturnType<ReturnType<TestServer['client']>['websocket']>,
  query: string,
  count: number,
): Promise<
  Array<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>
> {
  return new Promise((resolve, reject) => {
    const received: Array<{
      data?: T;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    }> = [];
    const unsubscribe = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          received.push(value as (typeof received)[number]);
          if (received.length === count) {
            unsubscribe();
            resolve(received);
          }
        },
        error: (error) => {
          if (Array.isArray(error)) resolve([{ errors: error }]);
          else reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => resolve(received),
      },
    );
  });
}

describe('subscriptions over graphql-ws', () => {
  it('delivers serverTimeTicked events on ws://…/graphql', async () => {
    const ws = server.client().websocket();
    try {
      const events = await nextEvents<{ serverTimeTicked: string }>(
        ws,
        'subscription { serverTimeTicked }',
        2,
      );
      expect(events).toHaveLength(2);
      for (const event of events) {
        expect(new Date(event.data!.serverTimeTicked).getTime()).toBeGreaterThan(
          Date.now() - 10_000,
        );
      }
    } finally {
      await ws.dispose();
    }
  });

  it('validates WebSocket operations with the same rules as HTTP', async () => {
    const ws = server.client().websocket();
    try {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: serverTimeTicked`).join(' ');
      const [result] = await nextEvents(ws, `subscription { ${aliases} }`, 1);
      expect(result?.errors?.[0]?.message).toMatch(/aliases|only one top level field/);
      expect(result?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const [unknown] = await nextEvents(ws, `subscription { nothingHere }`, 1);
      expect(unknown?.errors?.[0]?.message).toMatch(/nothingHere/);
      const [broken] = await nextEvents(ws, `subscription {`, 1);
      expect(broken?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    } finally {
      await ws.dispose();
    }
  });
});

describe('pub/sub transports', () => {
  it('in-process: delivers to every subscriber of a topic and only to them', async () => {
    const pubsub = new InProcessPubSub();
    const a = pubsub.subscribe<number>('thread:1');
    const b = pubsub.subscribe<number>('thread:1');
    const other = pubsub.subscribe<number>('thread:2');
    await pubsub.publish('thread:1', 42);
    expect((await a.next()).value).toBe(42);
    expect((await b.next()).value).toBe(42);
    await pubsub.publish('thread:2', 7);
    expect((await other.next()).value).toBe(7);
    await a.return?.();
    expect((await a.next()).done).toBe(true);
    await pubsub.close();
  });

  it.runIf(process.env.REDIS_URL)(
    'Redis: an event published on one instance reaches subscribers on another exactly once',
    async () => {
      const logger = createLogger('silent');
      const first = await RedisPubSub.connect(process.env.REDIS_URL!, logger);
      const second = await RedisPubSub.connect(process.env.REDIS_URL!, logger);
      const topic = `test:${Date.now()}:${Math.random()}`;
      try {
        const onSecond = second.subscribe<{ n: number }>(topic);
        const alsoOnSecond = second.subscribe<{ n: number }>(topic);
        const onFirst = first.subscribe<{ n: number }>(topic);
        await new Promise((resolve) => setTimeout(resolve, 100)); // let SUBSCRIBE reach Redis
        await first.publish(topic, { n: 1 });
        await first.publish(topic, { n: 2 });
        for (const iterator of [onSecond, alsoOnSecond, onFirst]) {
          expect((await iterator.next()).value).toEqual({ n: 1 });
          expect((await iterator.next()).value).toEqual({ n: 2 });
        }
        // Nothing doubled: the next event on each is a marker published after, not a copy.
        await first.publish(topic, { n: 3 });
        for (const iterator of [onSecond, alsoOnSecond, onFirst])
          expect((await iterator.next()).value).toEqual({ n: 3 });
      } finally {
        await first.close();
        await second.close();
      }
    },
  );
});
