import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../platform/logging.js';
import { startEmbeddedPostgres } from '../platform/database/embedded.js';
import { ensureAppRole } from '../platform/database/roles.js';
import { migrate } from '../platform/database/orm.js';
import { databaseUrl } from './databases.js';
import { features } from '../features.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: a PostgreSQL (the one in DATABASE_URL, else an embedded one), the application
 * role, and a migrated template database that every test file copies into a database of its own.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger('warn');
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl = process.env.DATABASE_URL?.trim();
  let tempDir: string | undefined;
  if (!serverUrl) {
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'alany-test-'));
    await fs.chmod(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres(tempDir, logger);
    stopEmbedded = embedded.stop;
    serverUrl = embedded.url;
  }
  const template = `alany_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${template} with (force)`);
  await admin.query(`create database ${template}`);
  const templateUrl = databaseUrl(serverUrl, template);
  await ensureAppRole(templateUrl);
  await migrate(features, templateUrl);
  // Nobody may stay connected to a template that is being copied.
  await admin.query(`alter database ${template} with allow_connections false`);

  project.provide('ownerUrl', serverUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await admin.query(`alter database ${template} with allow_connections true`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await stopEmbedded?.();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };
}
