#!/usr/bin/env node
/**
 * Builds the workspace packages whose inputs changed since their last build here (every one
 * the first time): `pnpm install` ends with it, so `pnpm start` after an install starts at once,
 * and after an edit rebuilds only what the edit touched. `--force` builds them all (`pnpm build`).
 *
 *   node scripts/build-if-stale.mjs [--force] [server|web|bench …]   (default: all, in this order)
 *
 * A package is stale when any file of it (outside node_modules and its build output), or of its
 * extra inputs, or a workspace-wide file (lockfile, shared TypeScript settings), is newer than the
 * stamp its last successful build left in its dist/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** In build order; `inputs` are files outside the package that its build reads. */
const PACKAGES = {
  server: { name: '@alany/server', inputs: [] },
  web: { name: '@alany/web', inputs: ['packages/server/schema.graphql'] },
  bench: { name: '@alany/bench', inputs: [] },
};
const WORKSPACE_INPUTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
];
const SKIPPED = new Set(['node_modules', 'dist', 'results', '.alany']);

const args = process.argv.slice(2);
const force = args.includes('--force');
const wanted = args.filter((arg) => !arg.startsWith('--'));
for (const name of wanted) {
  if (!(name in PACKAGES)) {
    console.error(
      `build-if-stale: no package "${name}" (one of ${Object.keys(PACKAGES).join(', ')})`,
    );
    process.exit(2);
  }
}

function newest(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    if (SKIPPED.has(entry)) continue;
    latest = Math.max(latest, newest(path.join(file, entry)));
  }
  return latest;
}

// pnpm runs this script with its own path in npm_execpath (a script, or pnpm 12's own
// executable); run by hand, npx finds the pinned one.
const execpath = process.env.npm_execpath ?? '';
const pnpm = !/pnpm/.test(execpath)
  ? ['npx', '-y', 'pnpm@12.4.2']
  : /\.[cm]?js$/.test(execpath)
    ? [process.execPath, execpath]
    : [execpath];

const workspaceChanged = Math.max(...WORKSPACE_INPUTS.map((file) => newest(path.join(root, file))));
for (const [dir, { name, inputs }] of Object.entries(PACKAGES)) {
  if (wanted.length > 0 && !wanted.includes(dir)) continue;
  const packageDir = path.join(root, 'packages', dir);
  // An install before the sources are there (a container image's cached dependency layer).
  if (!fs.existsSync(path.join(packageDir, 'src'))) {
    console.log(`${name}: no sources here yet, not built`);
    continue;
  }
  const stamp = path.join(packageDir, 'dist', '.build-stamp');
  const built = newest(stamp);
  const changed = Math.max(
    workspaceChanged,
    newest(packageDir),
    ...inputs.map((file) => newest(path.join(root, file))),
  );
  if (!force && built > changed) {
    console.log(`${name}: up to date`);
    continue;
  }
  const [command, ...rest] = pnpm;
  const result = spawnSync(command, [...rest, '--filter', name, 'run', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
