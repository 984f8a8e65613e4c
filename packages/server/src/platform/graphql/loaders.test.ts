import { describe, expect, it } from 'vitest';
import type { Context } from './context.js';
import {
  primedValue,
  primeLoader,
  RequestCache,
  requestLoader,
  type RequestLoader,
} from './loaders.js';

// A loader and a memo of this test's own, declared the way a feature declares its own.
declare module './loaders.js' {
  interface RequestLoaders {
    testThings: RequestLoader<string, { name: string }>;
  }
  interface RequestMemos {
    testCount: Promise<number>;
  }
}

/** Just what `requestLoader` uses of a context: its loaders and a read that runs the batch. */
function fakeContext(): Context {
  const context = {
    loaders: new RequestCache(),
    db: { read: (work: (em: never) => unknown) => work(null as never) },
  };
  return context as unknown as Context;
}

const things = (context: Context) =>
  requestLoader(context, 'testThings', async (_em, keys) =>
    keys.map((key) => ({ name: `loaded ${key}` })),
  );

describe('primed request loaders', () => {
  it('hands a primed value back synchronously, and the same through load', async () => {
    const context = fakeContext();
    const loader = things(context);
    const primed = { name: 'primed a' };
    primeLoader(loader, 'a', primed);
    expect(primedValue(loader, 'a')).toBe(primed);
    expect(await loader.load('a')).toBe(primed);
    expect(primedValue(loader, 'b')).toBeUndefined();
  });

  it('keeps what the loader already holds, as DataLoader.prime does, and never reads it as primed', async () => {
    const context = fakeContext();
    const loader = things(context);
    const loaded = await loader.load('a');
    primeLoader(loader, 'a', { name: 'primed a' });
    expect(primedValue(loader, 'a')).toBeUndefined();
    expect(await loader.load('a')).toBe(loaded);
  });

  it('forgets primed values with the loader (a cleared request starts afresh)', () => {
    const context = fakeContext();
    const first = things(context);
    primeLoader(first, 'a', { name: 'primed a' });
    context.loaders.clear();
    const second = things(context);
    expect(second).not.toBe(first);
    expect(primedValue(second, 'a')).toBeUndefined();
  });
});

describe('the request cache', () => {
  it('makes a loader once a request, and again after it was forgotten', () => {
    const context = fakeContext();
    const loader = things(context);
    expect(things(context)).toBe(loader);
    expect(context.loaders.has('testThings')).toBe(true);
    context.loaders.forget('testThings');
    expect(context.loaders.has('testThings')).toBe(false);
    expect(things(context)).not.toBe(loader);
  });

  it('works a memo out once, hands a remembered value back, and forgets it on request', async () => {
    const cache = new RequestCache();
    let computed = 0;
    const count = () => cache.memo('testCount', async () => ++computed);
    expect(cache.recall('testCount')).toBeUndefined();
    expect(await count()).toBe(1);
    expect(await count()).toBe(1);
    cache.remember('testCount', Promise.resolve(7));
    expect(await cache.recall('testCount')).toBe(7);
    cache.forget('testCount');
    expect(await count()).toBe(2);
    cache.clear();
    expect(cache.has('testCount')).toBe(false);
  });
});
