import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../platform/database/orm.js';
import { databaseUrl } from '../test/databases.js';
import { ownerQuery, startTestServer, type TestServer } from '../test/harness.js';
import {
  DEFINER_SEARCH_PATH,
  Migration20261207000190DatabaseWall,
} from './Migration20261207000190DatabaseWall.js';
import { features } from '../features.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Definer {
  signature: string;
  config: string[] | null;
}

/** Every security-definer routine outside the system schemas, with its settings. */
const definers = (url = server.db.ownerUrl) => {
  const client = new pg.Client({ connectionString: url });
  return client
    .connect()
    .then(() =>
      client.query<Definer>(
        `select p.oid::regprocedure::text as signature, p.proconfig as config
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
         order by 1`,
      ),
    )
    .then((result) => result.rows)
    .finally(() => client.end());
};

const temporaryFor = (url: string) => {
  const client = new pg.Client({ connectionString: url });
  return client
    .connect()
    .then(() =>
      client.query<{ app: boolean; everyone: boolean }>(
        `select has_database_privilege('alany_app', current_database(), 'TEMPORARY') as app,
                has_database_privilege('public', current_database(), 'TEMPORARY') as everyone`,
      ),
    )
    .then((result) => result.rows[0])
    .finally(() => client.end());
};

async function run(direction: 'up' | 'down') {
  const { orm } = server.alany;
  const migration = new Migration20261207000190DatabaseWall(orm.em.getDriver(), orm.config);
  await migration[direction]();
  for (const sql of migration.getQueries()) await ownerQuery(server, String(sql));
}

describe('the database wall as the application role', () => {
  it('every security-definer function searches pg_catalog, public and pg_temp last', async () => {
    const functions = await definers();
    // The policy helpers, the vote functions, the outbox's and the reports' functions.
    expect(functions.length).toBeGreaterThan(40);
    const wrong = functions.filter(
      (fn) => !fn.config?.includes(`search_path=${DEFINER_SEARCH_PATH}`),
    );
    expect(wrong, 'security-definer functions without pg_temp last').toEqual([]);
  });

  it('a database migrated from nothing gives neither alany_app nor PUBLIC temporary tables', async () => {
    const serverUrl = inject('ownerUrl');
    const name = `alany_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      const url = databaseUrl(serverUrl, name);
      expect(await temporaryFor(url)).toEqual({ app: true, everyone: true });
      await migrate(features, url);
      expect(await temporaryFor(url)).toEqual({ app: false, everyone: false });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);

  it('down gives back search_path = public and TEMPORARY; up takes them away again', async () => {
    const migrated = await definers();
    await run('down');
    for (const fn of await definers())
      expect(fn.config, fn.signature).toEqual(['search_path=public']);
    expect(await temporaryFor(server.db.ownerUrl)).toEqual({ app: true, everyone: true });
    await run('up');
    expect(await definers()).toEqual(migrated);
    expect(await temporaryFor(server.db.ownerUrl)).toEqual({ app: false, everyone: false });
  });
});
