import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from './node-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

describe('Node flags of a production start', () => {
  it('every way of starting the server passes exactly NODE_FLAGS', async () => {
    const rootScripts = (
      JSON.parse(await read('package.json')) as { scripts: Record<string, string> }
    ).scripts;
    const serverScripts = (
      JSON.parse(await read('packages/server/package.json')) as { scripts: Record<string, string> }
    ).scripts;
    const ci = (await read('.ci/run'))
      .split('\n')
      .find((line) => /^\s*node .*dist\/main\.js/.test(line));
    const docker = (await read('infra/Dockerfile'))
      .split('\n')
      .find((line) => line.startsWith('CMD'));
    const starts = [rootScripts.start, serverScripts.start, ci, docker];
    expect(NODE_FLAGS.length).toBeGreaterThan(0);
    for (const start of starts) {
      expect(start).toBeDefined();
      const flags = (start!.match(/--max-[a-z-]+=\d+/g) ?? []).sort();
      expect(flags).toEqual([...NODE_FLAGS].sort());
    }
  });
});
