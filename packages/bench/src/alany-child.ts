/** Alany in a process of its own (as in production), with a statement counter the parent reads over IPC. */
import { randomBytes } from 'node:crypto';
import { startAlany } from '@alany/server/dist/server.js';
import { loadConfig } from '@alany/server/dist/platform/config.js';
import { createLogger } from '@alany/server/dist/platform/logging.js';
import { memory, serveCommands } from './util.js';

const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: process.env.BENCH_OWNER_URL,
  ALANY_SEED_DEMO: 'false',
  ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
  ALANY_DATA_DIR: process.env.BENCH_DATA_DIR,
  // The upload workload sends 200 MB; the default limit is 50.
  ALANY_MAX_UPLOAD_MB: '256',
  // Every bench client comes from loopback: the fan-out's 5 000 sockets share ~100 members'
  // sessions (≈ 52 each), the vote storm holds two sockets per guest and votes as fast as it is
  // answered. The socket caps (docs/configuration.md) are not what the bench measures.
  ALANY_WS_SOCKETS_PER_CREDENTIAL: '1000',
  ALANY_WS_SOCKETS_PER_ADDRESS: '100000',
  ALANY_WS_MESSAGES_PER_10S: '1000000',
});
const alany = await startAlany(config, createLogger(config.logLevel));

let recording: string[] | undefined;
alany.orm.em
  .getConnection()
  .getKnex()
  .on('query', (query) => {
    recording?.push(query.sql);
  });

serveCommands({
  countStart: () => {
    recording = [];
    return true;
  },
  countStop: () => {
    const statements = recording ?? [];
    recording = undefined;
    return statements;
  },
  memory: () => memory(),
});

process.on('SIGTERM', () => {
  void alany.stop().finally(() => process.exit(0));
});
process.send?.({ ready: { url: alany.url, graphqlUrl: alany.graphqlUrl } });
