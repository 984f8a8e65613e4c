import {
  MikroORM,
  ReflectMetadataProvider,
  type MigrationObject,
  type Options,
} from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';

/**
 * The tables the features bring: their entities and the migrations that make them. Handed in by
 * the composition root (`src/features.ts`): the platform never imports a feature.
 */
export interface DatabaseModel {
  entities: ReadonlyArray<NonNullable<Options['entities']>[number]>;
  migrations: readonly MigrationObject[];
}

/** What the application role's connections may do before PostgreSQL or the pool stops them. */
export interface ConnectionLimits {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  poolAcquireTimeoutMs: number;
}

/** The defaults of `ALANY_DB_*` (config.ts): a request never waits a minute for anything. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  poolAcquireTimeoutMs: 5_000,
};

/** Where knex's own messages go (connection errors, pool warnings): the app's JSON log. */
export interface KnexLog {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

function knexLog(log: KnexLog) {
  // An outage is logged once by DatabaseHealth; knex would print a raw line per connection.
  const debug = (message: unknown) => log.debug({ knex: String(message) }, 'knex');
  return {
    warn: (message: unknown) =>
      /^Connection Error/.test(String(message))
        ? debug(message)
        : log.warn({ knex: String(message) }, 'knex warning'),
    error: debug,
    deprecate: debug,
    debug,
  };
}

function ormOptions(
  model: DatabaseModel,
  clientUrl: string,
  poolMax: number,
  limits?: ConnectionLimits,
  log?: KnexLog,
): Options {
  return {
    clientUrl,
    entities: [...model.entities],
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: [...model.migrations],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    pool: {
      min: 0,
      max: poolMax,
      // knex's default is a minute: a wedged pool would hold every request that long.
      ...(limits ? { acquireTimeoutMillis: limits.poolAcquireTimeoutMs } : {}),
    },
    // Sent with each new connection (startup parameters), so they hold whoever manages the role:
    // a transaction left open, or a statement that runs away, cannot hold a connection for ever.
    ...(limits
      ? {
          driverOptions: {
            connection: {
              statement_timeout: limits.statementTimeoutMs,
              idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
              connectionTimeoutMillis: limits.poolAcquireTimeoutMs,
              keepAlive: true,
            },
            ...(log ? { log: knexLog(log) } : {}),
          },
        }
      : {}),
    // Statements are counted (N+1 tests, benchmarks) through this logger hook.
    logger: () => undefined,
  };
}

/** The runtime ORM: connects as the application role, subject to row-level security. */
export function createAppOrm(
  model: DatabaseModel,
  appUrl: string,
  poolMax = 20,
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
  log?: KnexLog,
): Promise<MikroORM> {
  return MikroORM.init(ormOptions(model, appUrl, poolMax, limits, log));
}

/**
 * Applies pending migrations as the owner role, then disconnects; with `to`, only those up to
 * that one (a test's database as it was before a later migration).
 */
export async function migrate(
  model: DatabaseModel,
  ownerUrl: string,
  to?: string,
): Promise<string[]> {
  // Replicas starting together take turns, on a connection of its own that holds the lock.
  const lock = new pg.Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    const [owner] = (
      await lock.query<{ name: string; allowed: boolean }>(
        'select current_user as name, rolsuper or rolbypassrls as allowed from pg_roles where rolname = current_user',
      )
    ).rows;
    if (!owner?.allowed) {
      // The policy helpers run as this role over tables that force row-level security.
      throw new Error(
        `DATABASE_URL's user "${owner?.name}" must be a superuser or have BYPASSRLS: it owns the tables and the ` +
          'security-definer functions the row-level-security policies call.',
      );
    }
    await lock.query('select pg_advisory_lock(727002)');
    const orm = await MikroORM.init(ormOptions(model, ownerUrl, 2));
    try {
      const applied = await orm.getMigrator().up(to ? { to } : undefined);
      return applied.map((migration) => migration.name);
    } finally {
      await orm.close(true);
    }
  } finally {
    await lock.end();
  }
}

export function expectedMigrationNames(model: DatabaseModel): string[] {
  return model.migrations.map((migration) => migration.name);
}
