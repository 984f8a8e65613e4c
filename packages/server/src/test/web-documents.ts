import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web client's queries, from its generated documents (fragments included). */
export function webQueries(): Array<{
  name: string;
  query: string;
  operation: OperationDefinitionNode;
}> {
  const generated = fs.readFileSync(path.resolve(here, '../../../web/src/gql/graphql.ts'), 'utf8');
  const queries = [];
  for (const match of generated.matchAll(
    /^export const (\w+)Document = (\{.*\}) as unknown as/gm,
  )) {
    const document = JSON.parse(match[2]!) as DocumentNode;
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === 'OperationDefinition',
    );
    if (operation?.operation === 'query') {
      queries.push({ name: match[1]!, query: print(document), operation });
    }
  }
  return queries;
}
