import { createHmac } from 'node:crypto';
import pg from 'pg';

/**
 * The role the server works as: it owns no table and cannot bypass row-level security.
 * Migrations grant it exactly what it may do; they run as the owner (DATABASE_URL's user).
 */
export const APP_ROLE = 'alany_app';

/** The app role's password is derived from the owner's connection string, so nothing more needs configuring. */
function derivedPassword(ownerUrl: string): string {
  return createHmac('sha256', ownerUrl).update(APP_ROLE).digest('base64url');
}

export function appUrlFor(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = derivedPassword(ownerUrl);
  return url.toString();
}

/**
 * Creates the application role when it is missing and (re)sets its password.
 * Needs CREATEROLE; on a managed PostgreSQL without it, create the role by hand and
 * pass its connection string as ALANY_APP_DATABASE_URL.
 */
export async function ensureAppRole(
  ownerUrl: string,
  limits?: { statementTimeoutMs: number; idleInTransactionTimeoutMs: number },
): Promise<string> {
  // The role is the cluster's, but an advisory lock only holds within one database: starters on
  // other databases of the same cluster (each test file has its own) can still update the role's
  // row at the same moment, which PostgreSQL refuses with "tuple concurrently updated". That
  // refusal changed nothing, so trying again is safe.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prepareAppRole(ownerUrl, limits);
    } catch (error) {
      const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
      const concurrent = cause?.code === 'XX000' && /concurrently/.test(cause.message ?? '');
      if (!concurrent || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}

async function prepareAppRole(
  ownerUrl: string,
  limits?: { statementTimeoutMs: number; idleInTransactionTimeoutMs: number },
): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const password = client.escapeLiteral(derivedPassword(ownerUrl));
    // Serialise concurrent starters (tests, replicas) on one advisory lock.
    await client.query('select pg_advisory_lock(727001)');
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    if (exists.rowCount === 0) {
      await client.query(
        `create role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole nobypassrls password ${password}`,
      );
    } else {
      await client.query(
        `alter role ${APP_ROLE} login nosuperuser nobypassrls password ${password}`,
      );
    }
    const database = client.escapeIdentifier(new URL(ownerUrl).pathname.slice(1) || 'postgres');
    await client.query(`grant connect on database ${database} to ${APP_ROLE}`);
    // No temporary tables for the application role: one named like a table would come first in
    // a search path that does not name pg_temp last. A database gets TEMPORARY for PUBLIC when
    // it is created (a test file's copy, a restored dump), so it is taken away at every start.
    await client.query(`revoke temporary on database ${database} from public, ${APP_ROLE}`);
    if (limits) {
      // The server sends these with every connection it opens; set on the role in this database
      // too, they also hold for connections that do not (a pooler that drops startup
      // parameters, a person with psql). Whole milliseconds, so nothing needs quoting.
      await client.query(
        `alter role ${APP_ROLE} in database ${database} set statement_timeout = ${Math.trunc(limits.statementTimeoutMs)}`,
      );
      await client.query(
        `alter role ${APP_ROLE} in database ${database} set idle_in_transaction_session_timeout = ${Math.trunc(limits.idleInTransactionTimeoutMs)}`,
      );
    }
    await client.query('select pg_advisory_unlock(727001)');
  } catch (error) {
    throw new Error(
      `Could not prepare the database role "${APP_ROLE}" with DATABASE_URL's user ` +
        `(${(error as Error).message}). Give that user CREATEROLE, or create the role yourself ` +
        'and set ALANY_APP_DATABASE_URL.',
      { cause: error },
    );
  } finally {
    await client.end();
  }
  return appUrlFor(ownerUrl);
}
