import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Typed documents from the checked-in SDL, never from a running server: what the client
 * compiles against is exactly what was reviewed in packages/server/schema.graphql.
 */
const config: CodegenConfig = {
  schema: path.join(here, '../server/schema.graphql'),
  documents: [path.join(here, 'src/**/*.{ts,tsx}'), '!' + path.join(here, 'src/gql/**/*')],
  ignoreNoDocuments: true,
  generates: {
    [path.join(here, 'src/gql') + '/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
