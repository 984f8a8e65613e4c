import type { NonEmptyArray } from 'type-graphql';
import type { MigrationObject } from '@mikro-orm/core';
import { entities } from './modules/entities.js';
import { resolvers } from './modules/resolvers.js';
import { migrationsList } from './migrations/index.js';
import type { DatabaseModel } from './platform/database/orm.js';

/**
 * What the features bring to the platform: their entities, resolvers and migrations. The
 * platform never imports features; `server.ts` (the composition root), and the tests and tools
 * that start parts of it, hand these lists over.
 */
export interface Features extends DatabaseModel {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver type
  resolvers: NonEmptyArray<Function>;
  migrations: readonly MigrationObject[];
}

export const features: Features = { entities, resolvers, migrations: migrationsList };
