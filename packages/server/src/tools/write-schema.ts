import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAppSchema, printAppSchema } from '../platform/graphql/schema.js';
import { features } from '../features.js';

/** Writes the SDL that is checked in as packages/server/schema.graphql. */
export const SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../schema.graphql',
);

const sdl = printAppSchema(await buildAppSchema(features.resolvers));
await fs.writeFile(SCHEMA_FILE, sdl);
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
