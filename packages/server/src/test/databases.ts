import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureAppRole } from '../platform/database/roles.js';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  name: string;
  /** Owner connection: migrations' role, for tests that inspect or sabotage the database. */
  ownerUrl: string;
  /** The application role's connection, subject to row-level security. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh copy of the migrated template, private to one test file. */
export async function createTestDatabase(
  serverUrl: string,
  template: string,
): Promise<TestDatabase> {
  const name = `alany_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = databaseUrl(serverUrl, name);
  const appUrl = await ensureAppRole(ownerUrl);
  return {
    name,
    ownerUrl,
    appUrl,
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
