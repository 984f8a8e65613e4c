import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../databases.js';
import {
  dumpSchema,
  findPgDump,
  normaliseDump,
  serverMajor,
} from '../../platform/database/schema-dump.js';

const schemaFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../schema.sql',
);

/** The committed file is PostgreSQL 15's (CI's server); another version writes other text. */
const COMMITTED_MAJOR = 15;

let db: TestDatabase;
let major: number;
let pgDump: string | undefined;
beforeAll(async () => {
  db = await createTestDatabase(inject('ownerUrl'), inject('templateDatabase'));
  major = await serverMajor(db.ownerUrl);
  pgDump = await findPgDump(major).catch(() => undefined);
});
afterAll(async () => {
  await db?.drop();
});

describe('schema.sql', () => {
  it('matches a dump of the freshly migrated database (run `pnpm --filter @alany/server schema:sql`)', async (context) => {
    // The embedded PostgreSQL (another major version, no pg_dump) cannot tell; CI's step does.
    if (major !== COMMITTED_MAJOR || !pgDump) context.skip();
    const current = await dumpSchema(db.ownerUrl, pgDump!);
    expect(await fs.readFile(schemaFile, 'utf8')).toBe(current);
  });

  it('leaves out what differs between runs and machines, and keeps grants and policies', () => {
    const dump = [
      '--',
      '-- PostgreSQL database dump',
      '--',
      '',
      '\\restrict 6hYkq3eW0c',
      '',
      '-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)',
      '-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)',
      '',
      '',
      '',
      'CREATE POLICY space_read ON public.space USING (true);',
      'GRANT SELECT ON TABLE public.space TO alany_app;',
      '\\unrestrict 6hYkq3eW0c',
      '',
    ].join('\n');
    expect(normaliseDump(dump)).toBe(
      [
        '--',
        '-- PostgreSQL database dump',
        '--',
        '',
        'CREATE POLICY space_read ON public.space USING (true);',
        'GRANT SELECT ON TABLE public.space TO alany_app;',
        '',
      ].join('\n'),
    );
  });
});
