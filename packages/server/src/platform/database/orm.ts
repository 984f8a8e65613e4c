import { MikroORM, ReflectMetadataProvider, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../../modules/entities.js';
import { migrationsList } from '../../migrations/index.js';

function ormOptions(clientUrl: string, poolMax: number): Options {
  return {
    clientUrl,
    entities: [...entities],
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: [...migrationsList],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    pool: { min: 0, max: poolMax },
    // Statements are counted (N+1 tests, benchmarks) through this logger hook.
    logger: () => undefined,
  };
}

/** The runtime ORM: connects as the application role, subject to row-level security. */
export function createAppOrm(appUrl: string, poolMax = 20): Promise<MikroORM> {
  return MikroORM.init(ormOptions(appUrl, poolMax));
}

/** Applies pending migrations as the owner role, then disconnects. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const orm = await MikroORM.init(ormOptions(ownerUrl, 2));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}

export function expectedMigrationNames(): string[] {
  return migrationsList.map((migration) => migration.name);
}
