import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printAppSchema } from '../../platform/graphql/schema.js';
import { features } from '../../features.js';

const schemaFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../schema.graphql',
);

describe('the GraphQL schema', () => {
  it('matches the checked-in schema.graphql (run `pnpm --filter @alany/server schema`)', async () => {
    const current = printAppSchema(await buildAppSchema(features.resolvers));
    const checkedIn = await fs.readFile(schemaFile, 'utf8');
    expect(checkedIn).toBe(current);
  });

  it('states who may call every query, mutation and subscription', async () => {
    const schema = await buildAppSchema(features.resolvers);
    const storage = getMetadataStorage();
    const declared = new Set(
      storage.authorizedFields.map((field) => `${field.target.name}.${field.fieldName}`),
    );
    const rootFields = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    const missing = rootFields
      .filter((field) => !declared.has(`${field.target.name}.${field.methodName}`))
      .map((field) => field.schemaName);
    expect(missing, 'root fields without @Public(), @SignedIn() or @SignedInOrToken()').toEqual([]);

    // And every root field in the schema is one type-graphql knows about.
    const schemaRoots = [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    expect(schemaRoots.sort()).toEqual(rootFields.map((f) => f.schemaName).sort());
  });
});
