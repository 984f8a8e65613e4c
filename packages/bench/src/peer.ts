/**
 * PostGraphile v5 as the peer. 5.x declares Node ≥ 22, so it is installed out of tree (in
 * node_modules/.cache, with npm) and run with the npm registry's `node@22` through npx.
 * Same database, same role (alany_app), same row-level security settings per transaction.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { here, log, sleep } from './util.js';

export const PEER_VERSION = '5.1.5';
const peerDir = path.resolve(here, '../node_modules/.cache/alany-bench-peer');

const SERVER_SCRIPT = `
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.BENCH_APP_URL,
      schemas: ['public', 'bench_peer'],
      poolConfig: { max: 20 },
    }),
  ],
  gather: { installWatchFixtures: false },
  grafast: {
    explain: false,
    context(requestContext) {
      const req = requestContext.node?.req;
      const user = String(req?.headers['x-bench-user'] ?? '');
      // The same transaction-local settings Alany sets (set_config(..., true) per request).
      return {
        pgSettings: {
          'app.user_id': /^[0-9a-f-]{36}$/.test(user) ? user : '',
          'app.token_org_id': '',
          'app.guest_participant_id': '',
        },
      };
    },
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 100000 },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
serv.addTo(server);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('PEER_READY http://127.0.0.1:' + server.address().port + '/graphql ' + process.version + '\\n');
});
process.on('SIGTERM', () => { server.close(); pgl.release().finally(() => process.exit(0)); });
`;

async function ensureInstalled(): Promise<void> {
  const marker = path.join(peerDir, 'node_modules', 'postgraphile', 'package.json');
  const installed = await fs
    .readFile(marker, 'utf8')
    .then((text) => (JSON.parse(text) as { version: string }).version)
    .catch(() => undefined);
  await fs.mkdir(peerDir, { recursive: true });
  if (installed !== PEER_VERSION) {
    log(`installing postgraphile@${PEER_VERSION} into ${peerDir} (once)`);
    await fs.writeFile(
      path.join(peerDir, 'package.json'),
      JSON.stringify({ name: 'alany-bench-peer', private: true, type: 'module' }),
    );
    const result = spawnSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `postgraphile@${PEER_VERSION}`,
        'pg@8',
      ],
      { cwd: peerDir, stdio: 'inherit', timeout: 180_000 },
    );
    if (result.status !== 0) throw new Error('npm install of postgraphile failed');
  }
  await fs.writeFile(path.join(peerDir, 'server.mjs'), SERVER_SCRIPT);
}

export interface Peer {
  url: string;
  nodeVersion: string;
  /** npx's process: PostGraphile's server runs under it. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startPeer(appUrl: string): Promise<Peer> {
  await ensureInstalled();
  const child: ChildProcess = spawn(
    'npx',
    ['-y', '-p', 'node@22', 'node', path.join(peerDir, 'server.mjs')],
    {
      cwd: peerDir,
      env: { ...process.env, BENCH_APP_URL: appUrl, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    },
  );
  const ready = await new Promise<{ url: string; version: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('PostGraphile did not start in 120 s')),
      120_000,
    );
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = buffered.match(/PEER_READY (\S+) (\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, version: match[2]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostGraphile exited with ${code}`));
    });
  });
  return {
    url: ready.url,
    nodeVersion: ready.version,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // npx runs node in a child of its own: signal the whole process group we started.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
