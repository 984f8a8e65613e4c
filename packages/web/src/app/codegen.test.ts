// @vitest-environment node
import fs from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../../codegen';

/** src/gql is checked in: it must be what `pnpm codegen` makes from schema.graphql and the documents now. */
it('has generated GraphQL types that match the schema and documents', async () => {
  const outputs = (await generate({ ...config, silent: true }, false)) as Array<{
    filename: string;
    content: string;
  }>;
  expect(outputs.length).toBeGreaterThan(0);
  const stale = outputs
    .filter(({ filename, content }) => {
      const current = fs.existsSync(filename) ? fs.readFileSync(filename, 'utf8') : null;
      return current !== content;
    })
    .map(({ filename }) => filename);
  expect(stale, 'run `pnpm --filter @alany/web codegen` and commit src/gql').toEqual([]);
}, 60_000);
