import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from './test/databases.js';

/** main.ts's OLDEST_NODE_MAJOR (importing main.ts would start Alany). */
const OLDEST_NODE_MAJOR = 22;
const here = path.dirname(fileURLToPath(import.meta.url));
/** The machine's own Node.js (Debian's), older than Alany supports on these machines. */
const OLD_NODE = '/usr/bin/node';
/** Whether the Node.js running the tests is one Alany starts on. */
const supported = Number(process.versions.node.split('.')[0]) >= OLDEST_NODE_MAJOR;
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

  const built = path.join(here, '../dist/main.js');
  it.runIf(supported && fs.existsSync(built))(
    'a supported Node.js gets past the check (to the configuration)',
    () => {
      const run = spawnSync(process.execPath, [built], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, PORT: 'eighty' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'Alany cannot start: PORT: must be a whole number from 0 to 65535, got "eighty"',
      );
    },
  );
});

describe('production without REDIS_URL', () => {
  const built = path.join(here, '../dist/main.js');
  it.runIf(supported && fs.existsSync(built))(
    'warns that a second instance would miss live events',
    () => {
      const { REDIS_URL: _redis, ...env } = process.env;
      const run = spawnSync(process.execPath, [built], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
          // Nothing listens there: start-up ends right after the warning.
          DATABASE_URL: 'postgres://nobody@127.0.0.1:1/alany',
        },
      });
      const warnings = run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; msg: string })
        .filter((line) => line.level === 40);
      expect(warnings.map((line) => line.msg)).toEqual([
        expect.stringMatching(/^REDIS_URL is not set: .*second instance would miss them/),
      ]);
      expect(run.status).toBe(1);
    },
  );
});

describe('SIGTERM', () => {
  const built = path.join(here, '../dist/main.js');
  it.runIf(supported && fs.existsSync(built))(
    'drains (readyz 503 while serving) and exits 0',
    async () => {
      const db = await createTestDatabase(inject('ownerUrl'), inject('templateDatabase'));
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-sigterm-'));
      const child = spawn(process.execPath, [built], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: db.ownerUrl,
          ALANY_DATA_DIR: dataDir,
          ALANY_SEED_DEMO: 'false',
          ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
          ALANY_DRAIN_GRACE_MS: '800',
          ALANY_WEB_DIST: path.join(dataDir, 'no-web'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        let output = '';
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const found = /GraphQL: +(http:\/\/\S+)\/graphql/.exec(output);
            if (found?.[1]) resolve(found[1]);
          });
          child.once('exit', (status) => reject(new Error(`exited with ${status}: ${output}`)));
        });
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        const signalled = Date.now();
        child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect((await fetch(`${url}/readyz`)).status).toBe(503);
        const answer = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
        expect(await exited).toBe(0);
        expect(Date.now() - signalled).toBeGreaterThanOrEqual(800);
        expect(Date.now() - signalled).toBeLessThan(15_000);
      } finally {
        child.kill('SIGKILL');
        fs.rmSync(dataDir, { recursive: true, force: true });
        await db.drop();
      }
    },
    60_000,
  );
});
