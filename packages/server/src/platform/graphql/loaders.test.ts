import { describe, expect, it } from 'vitest';
import type { Context } from './context.js';
import { primedValue, primeLoader, requestLoader } from './loaders.js';

/** Just what `requestLoader` uses of a context: its loaders and a read that runs the batch. */
function fakeContext(): Context {
  const context = {
    loaders: new Map(),
    db: { read: (work: (em: never) => unknown) => work(null as never) },
  };
  return context as unknown as Context;
}

describe('primed request loaders', () => {
  it('hands a primed value back synchronously, and the same through load', async () => {
    const context = fakeContext();
    const loader = requestLoader<string, { name: string }>(context, 'things', async (_em, keys) =>
      keys.map((key) => ({ name: `loaded ${key}` })),
    );
    const primed = { name: 'primed a' };
    primeLoader(loader, 'a', primed);
    expect(primedValue(loader, 'a')).toBe(primed);
    expect(await loader.load('a')).toBe(primed);
    expect(primedValue(loader, 'b')).toBeUndefined();
  });

  it('keeps what the loader already holds, as DataLoader.prime does, and never reads it as primed', async () => {
    const context = fakeContext();
    const loader = requestLoader<string, { name: string }>(context, 'things', async (_em, keys) =>
      keys.map((key) => ({ name: `loaded ${key}` })),
    );
    const loaded = await loader.load('a');
    primeLoader(loader, 'a', { name: 'primed a' });
    expect(primedValue(loader, 'a')).toBeUndefined();
    expect(await loader.load('a')).toBe(loaded);
  });

  it('forgets primed values with the loader (a cleared request starts afresh)', () => {
    const context = fakeContext();
    const first = requestLoader<string, { name: string }>(context, 'things', async () => []);
    primeLoader(first, 'a', { name: 'primed a' });
    context.loaders.clear();
    const second = requestLoader<string, { name: string }>(context, 'things', async () => []);
    expect(primedValue(second, 'a')).toBeUndefined();
  });
});
