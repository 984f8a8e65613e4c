import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** main.ts's OLDEST_NODE_MAJOR (importing main.ts would start Alany). */
const OLDEST_NODE_MAJOR = 22;
const here = path.dirname(fileURLToPath(import.meta.url));
/** The machine's own Node.js (Debian's), older than Alany supports on these machines. */
const OLD_NODE = '/usr/bin/node';
const oldMajor = fs.existsSync(OLD_NODE)
  ? Number(execFileSync(OLD_NODE, ['-p', 'process.versions.node']).toString().split('.')[0])
  : undefined;

/** main.ts as tsc emits it, runnable on its own (its imports are dynamic and come after the check). */
function builtMain(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-main-'));
  const source = fs.readFileSync(path.join(here, 'main.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = path.join(dir, 'main.mjs');
  fs.writeFileSync(file, outputText);
  return file;
}

describe('the Node.js version', () => {
  it.runIf(oldMajor !== undefined && oldMajor < OLDEST_NODE_MAJOR)(
    'an older Node.js is refused with one clear line on stderr, exit code 1',
    () => {
      const candidates = [builtMain(), path.join(here, '../dist/main.js')].filter((file) =>
        fs.existsSync(file),
      );
      for (const file of candidates) {
        const run = spawnSync(OLD_NODE, [file], { encoding: 'utf8', timeout: 20_000 });
        expect(run.status, file).toBe(1);
        expect(run.stdout).toBe('');
        const lines = run.stderr.trim().split('\n');
        expect(lines, file).toHaveLength(1);
        expect(lines[0]).toMatch(
          new RegExp(
            `^Alany cannot start: it needs Node\\.js ${OLDEST_NODE_MAJOR} or newer .*this is Node\\.js ${oldMajor}\\.`,
          ),
        );
      }
    },
  );

  it('a supported Node.js gets past the check (to the configuration)', () => {
    const built = path.join(here, '../dist/main.js');
    if (!fs.existsSync(built)) return;
    const run = spawnSync(process.execPath, [built], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PORT: 'eighty' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Alany cannot start: PORT: must be a whole number from 0 to 65535, got "eighty"',
    );
  });
});
