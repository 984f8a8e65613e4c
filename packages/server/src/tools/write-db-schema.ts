import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { features } from '../features.js';
import { migrate } from '../platform/database/orm.js';
import { ensureAppRole } from '../platform/database/roles.js';
import { dumpSchema, findPgDump, serverMajor } from '../platform/database/schema-dump.js';

/**
 * Writes packages/server/schema.sql: the database as the migrations leave it (`pg_dump
 * --schema-only` of a freshly migrated database), so reviewers see tables, functions, grants and
 * row-level-security policies as they are, not only as the migrations that made them.
 *
 * Needs DATABASE_URL (a superuser's connection; its database is not touched: a scratch one is
 * created beside it and dropped) and a pg_dump of the server's major version (schema-dump.ts).
 * The committed file is made on PostgreSQL 15, as CI's server is.
 */
export const SQL_SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../schema.sql',
);

const serverUrl = process.env.DATABASE_URL?.trim();
if (!serverUrl) {
  process.stderr.write(
    'DATABASE_URL is not set: point it at a PostgreSQL 15 server as a superuser ' +
      '(postgres://postgres@127.0.0.1:5432/postgres on CI and the development machines).\n',
  );
  process.exit(2);
}
const major = await serverMajor(serverUrl);
const pgDump = await findPgDump(major);
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const scratch = `alany_schema_${randomBytes(5).toString('hex')}`;
try {
  await admin.query(`create database ${scratch}`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  await ensureAppRole(url.toString());
  await migrate(features, url.toString());
  await fs.writeFile(SQL_SCHEMA_FILE, await dumpSchema(url.toString(), pgDump));
  process.stdout.write(`wrote ${SQL_SCHEMA_FILE} (PostgreSQL ${major})\n`);
} finally {
  await admin.query(`drop database if exists ${scratch} with (force)`);
  await admin.end();
}
