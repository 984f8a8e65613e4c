import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { features } from '../features.js';
import { migrate } from '../platform/database/orm.js';
import { ensureAppRole } from '../platform/database/roles.js';

/**
 * Writes packages/server/schema.sql: the database as the migrations leave it (`pg_dump
 * --schema-only` of a freshly migrated database), so reviewers see tables, functions, grants and
 * row-level-security policies as they are, not only as the migrations that made them.
 *
 * Needs DATABASE_URL (a superuser's connection; the database in it is not touched, a scratch one
 * is created beside it and dropped) and a pg_dump of the server's major version: PG_DUMP, else
 * Debian's /usr/lib/postgresql/<major>/bin/pg_dump, else `pg_dump` on PATH. The committed file is
 * made on PostgreSQL 15, as CI's server is; another major version writes different text.
 */
export const SQL_SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../schema.sql',
);

const run = promisify(execFile);

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function majorOf(pgDump: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(pgDump, ['--version']);
    const major = /\(PostgreSQL\)\s+(\d+)/.exec(stdout)?.[1];
    return major ? Number(major) : undefined;
  } catch {
    return undefined;
  }
}

/** A pg_dump of the server's major version: an older one refuses a newer server. */
async function findPgDump(serverMajor: number): Promise<string> {
  const candidates = [
    process.env.PG_DUMP,
    `/usr/lib/postgresql/${serverMajor}/bin/pg_dump`,
    'pg_dump',
  ].filter((candidate): candidate is string => !!candidate);
  const seen: string[] = [];
  for (const candidate of candidates) {
    const major = await majorOf(candidate);
    if (major === serverMajor) return candidate;
    seen.push(`${candidate}: ${major === undefined ? 'not found' : `PostgreSQL ${major}`}`);
  }
  throw new Error(
    `No pg_dump for PostgreSQL ${serverMajor} (${seen.join('; ')}). Install it ` +
      `(Debian: apt-get install postgresql-client-${serverMajor}) or point PG_DUMP at one.`,
  );
}

/**
 * What varies between runs or machines goes; the rest stays as pg_dump orders it (by kind, then
 * name, dependencies first), which is stable for the same migrations.
 */
export function normaliseDump(dump: string): string {
  return (
    dump
      .split('\n')
      // Versions (minor releases differ between machines) and the per-run \restrict key.
      .filter((line) => !/^-- Dumped (from database|by pg_dump) version /.test(line))
      .filter((line) => !/^\\(un)?restrict /.test(line))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

const serverUrl = process.env.DATABASE_URL?.trim();
if (!serverUrl) {
  process.stderr.write(
    'DATABASE_URL is not set: point it at a PostgreSQL 15 server as a superuser ' +
      '(postgres://postgres@127.0.0.1:5432/postgres on CI and the development machines).\n',
  );
  process.exit(2);
}
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const scratch = `alany_schema_${randomBytes(5).toString('hex')}`;
try {
  const version = await admin.query<{ server_version_num: string }>('show server_version_num');
  const serverMajor = Math.floor(Number(version.rows[0]?.server_version_num) / 10000);
  const pgDump = await findPgDump(serverMajor);
  await admin.query(`create database ${scratch}`);
  const url = databaseUrl(serverUrl, scratch);
  await ensureAppRole(url);
  await migrate(features, url);
  const { stdout } = await run(
    pgDump,
    // Owners vary with who runs it; grants and policies stay: reviewers need them.
    ['--schema-only', '--no-owner', '--no-tablespaces', '--dbname', url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  await fs.writeFile(SQL_SCHEMA_FILE, normaliseDump(stdout));
  process.stdout.write(`wrote ${SQL_SCHEMA_FILE} (PostgreSQL ${serverMajor})\n`);
} finally {
  await admin.query(`drop database if exists ${scratch} with (force)`);
  await admin.end();
}
