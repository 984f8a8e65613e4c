import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { migrate } from '../platform/database/orm.js';
import { databaseUrl } from '../test/databases.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { migrationsList } from './index.js';
import { Migration20261207000210SocketCredentials } from './Migration20261207000210SocketCredentials.js';
import { Migration20261207000190DatabaseWall } from './Migration20261207000190DatabaseWall.js';
import { features } from '../features.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** The two lookups as the catalogue describes them: definition, result and grants. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select p.proname, pg_get_functiondef(p.oid) as definition, p.proacl::text as grants
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'alany' and p.proname in ('api_token_by_hash', 'guest_by_hash')
       order by p.proname`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Up is followed by the later migration that sets every security-definer function's search
 * path, as in the migrated database.
 */
async function run(direction: 'up' | 'down') {
  const { orm } = server.alany;
  const migrations = [
    new Migration20261207000210SocketCredentials(orm.em.getDriver(), orm.config),
    ...(direction === 'up'
      ? [new Migration20261207000190DatabaseWall(orm.em.getDriver(), orm.config)]
      : []),
  ];
  for (const migration of migrations) await migration[direction]();
  const owner = new pg.Client({ connectionString: server.db.ownerUrl });
  await owner.connect();
  try {
    await owner.query('begin');
    for (const migration of migrations)
      for (const statement of migration.getQueries()) await owner.query(String(statement));
    await owner.query('commit');
  } finally {
    await owner.end();
  }
}

it('down restores the lookups as the migrations before it left them; up again', async () => {
  const migrated = await fingerprint(server.db.ownerUrl);
  expect(migrated.map((row) => row.definition).join()).toContain('event_ends_at');

  const index = migrationsList.findIndex(
    (migration) => migration.name === 'Migration20261207000210SocketCredentials',
  );
  const serverUrl = inject('ownerUrl');
  const name = `alany_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    await migrate(features, databaseUrl(serverUrl, name), migrationsList[index - 1]!.name);
    const before = await fingerprint(databaseUrl(serverUrl, name));
    expect(before).toHaveLength(2);

    await run('down');
    expect(await fingerprint(server.db.ownerUrl)).toEqual(before);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  await run('up');
  expect(await fingerprint(server.db.ownerUrl)).toEqual(migrated);
}, 120_000);
