import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp, type App } from './app.js';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logging.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './platform/database/embedded.js';
import { ensureAppRole } from './platform/database/roles.js';
import { createAppOrm, expectedMigrationNames, migrate } from './platform/database/orm.js';
import { ShortUnitOfWork } from './platform/database/unit-of-work.js';
import { createPubSub, type PubSub } from './platform/pubsub/index.js';
import { createRateLimiter } from './platform/auth/rate-limit.js';
import { beginSession, sessionAuthenticator } from './modules/accounts/index.js';
import { authenticateApiToken } from './modules/integrations/index.js';
import { API_TOKEN_PREFIX, GUEST_TOKEN_PREFIX, type Authenticate } from './platform/auth/viewer.js';
import { authenticateGuest } from './modules/events/index.js';
import { Mailer } from './platform/mail/mailer.js';
import { loadReportKey, Sealer } from './platform/crypto/sealer.js';
import { DEMO_SIGN_IN, seedDemoData } from './modules/demo/demo.seed.js';
import { seedDemoContent } from './modules/demo/demo.content.js';
import { createFileStorage } from './platform/storage/index.js';
import { sweepExpiredUploads } from './modules/resources/index.js';
import { features } from './features.js';

export interface RunningAlany {
  url: string;
  graphqlUrl: string;
  app: App;
  orm: MikroORM;
  pubsub: PubSub;
  demoSeeded: boolean;
  /** Settles once the demo organisation and its examples exist (or could not be created). */
  demoContent: Promise<void>;
  /**
   * Settles once the expired-uploads sweep fired at start is over (it runs statements on `orm`
   * meanwhile: whoever counts the ORM's statements waits for it first).
   */
  firstSweep: Promise<void>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIST = path.resolve(here, '../../web/dist');

/** Brings Alany up: database (embedded when DATABASE_URL is unset), migrations, demo data, HTTP and WebSocket. */
export async function startAlany(config: Config, logger: Logger): Promise<RunningAlany> {
  const cleanups: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  // Once, newest first, however many times it is asked for.
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const cleanup of [...cleanups].reverse()) {
        await cleanup().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
      }
    })());
  try {
    let ownerUrl = config.databaseUrl;
    if (!ownerUrl) {
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres(
        path.join(config.dataDir),
        logger,
      );
      cleanups.push(() => embedded.stop());
      ownerUrl = embedded.url;
    }
    const appUrl = config.appDatabaseUrl || (await ensureAppRole(ownerUrl, config.database));
    const applied = await migrate(features, ownerUrl);
    if (applied.length) logger.info({ applied }, 'migrations applied');

    const orm = await createAppOrm(features, appUrl, 20, config.database, logger);
    cleanups.push(() => orm.close(true));

    const pubsub = await createPubSub(config.redisUrl, logger, config.redisPrefix);
    cleanups.push(() => pubsub.close());
    // Redis when configured, with limits counted in memory while it is away (rate-limit.ts).
    const limits = await createRateLimiter(config.redisUrl, logger, config.redisPrefix);
    cleanups.push(() => limits.close());
    const rateLimiter = limits.rateLimiter;

    let demoSeeded = false;
    if (config.seedDemoData) {
      demoSeeded = await new ShortUnitOfWork(orm, () => ({})).write((em) => seedDemoData(em));
      if (demoSeeded) logger.info('demo data seeded');
    }

    const sealer = new Sealer(await loadReportKey(config.reportKey, config.dataDir));
    const mailer = new Mailer(
      logger,
      config.smtpUrl,
      config.mailFrom,
      path.join(config.dataDir, 'mail'),
    );
    cleanups.push(() => mailer.close());
    const freshEm = () => orm.em.fork({ useContext: false });
    const sessions = sessionAuthenticator({ em: freshEm });
    const authenticate: Authenticate = (secret) => {
      if (secret.startsWith(API_TOKEN_PREFIX)) return authenticateApiToken(freshEm(), secret);
      if (secret.startsWith(GUEST_TOKEN_PREFIX)) return authenticateGuest(freshEm(), secret);
      return sessions(secret);
    };

    const storage = createFileStorage(config.storage);
    // Uploads nobody claimed within a day are removed, hourly and once at start.
    const sweep = () =>
      sweepExpiredUploads(new ShortUnitOfWork(orm, () => ({})), storage).then(
        (removed) => {
          if (removed) logger.info({ removed }, 'expired uploads removed');
        },
        (error: unknown) => logger.warn({ err: error }, 'could not remove expired uploads'),
      );
    const firstSweep = sweep();
    const sweeper = setInterval(() => void sweep(), 60 * 60 * 1000);
    sweeper.unref();
    // Stopping waits for the first sweep, so that the pool is not closed under it.
    cleanups.push(async () => {
      clearInterval(sweeper);
      await firstSweep;
    });

    const expected = expectedMigrationNames(features);
    let publicUrl = config.publicUrl;
    const app = await createApp({
      config,
      logger,
      orm,
      pubsub,
      rateLimiter,
      mailer,
      sealer,
      storage,
      publicUrl: () => publicUrl ?? '',
      authenticate,
      // HTTP operations look their session up in the same round trip as their BEGIN.
      beginSession: (db, secret) =>
        secret.startsWith(API_TOKEN_PREFIX) || secret.startsWith(GUEST_TOKEN_PREFIX)
          ? null
          : beginSession(db, secret),
      webDist: config.webDist ?? DEFAULT_WEB_DIST,
      resolvers: features.resolvers,
      readiness: async () => {
        const rows = await orm.em
          .fork({ useContext: false })
          .execute<{ name: string }[]>('select name from mikro_orm_migrations');
        const done = new Set(rows.map((row) => row.name));
        const missing = expected.filter((name) => !done.has(name));
        return missing.length
          ? { ready: false, reason: `pending migrations: ${missing.join(', ')}` }
          : { ready: true };
      },
    });
    cleanups.push(() => app.close());
    const address = await app.listen(config.port, config.host);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host}:${address.port}`;
    publicUrl ??= url;
    // Through the API of the server that now listens, so the demo goes by the same rules as
    // anyone; in the background, so that start-up does not wait for it.
    let demoContent: Promise<void> = Promise.resolve();
    if (demoSeeded) {
      const own = ['0.0.0.0', '::'].includes(config.host)
        ? '127.0.0.1'
        : config.host.includes(':')
          ? `[${config.host}]`
          : config.host;
      demoContent = seedDemoContent(`http://${own}:${address.port}/graphql`, logger).catch(
        (error: unknown) => logger.warn({ err: error }, 'demo content could not be created'),
      );
      // Stopping waits for it: its requests are drained like anyone's, the rest then fails quietly.
      cleanups.push(() => demoContent);
    }
    return {
      url,
      graphqlUrl: `${url}/graphql`,
      app,
      orm,
      pubsub,
      demoSeeded,
      demoContent,
      firstSweep,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export { DEMO_SIGN_IN };
