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

/** One of the web client's operations (a query, mutation or subscription), fragments included. */
export function webDocument(name: string): string {
  const generated = fs.readFileSync(path.resolve(here, '../../../web/src/gql/graphql.ts'), 'utf8');
  const match = new RegExp(`^export const ${name}Document = (\\{.*\\}) as unknown as`, 'm').exec(
    generated,
  );
  if (!match) throw new Error(`the web client has no ${name} document`);
  return print(JSON.parse(match[1]!) as DocumentNode);
}
