import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));

interface WebOperation {
  name: string;
  /** The document as the client sends it, fragments included. */
  query: string;
  operation: OperationDefinitionNode;
}

/** Every operation of the web client, from its generated documents. */
export function webOperations(): WebOperation[] {
  const generated = fs.readFileSync(path.resolve(here, '../../../web/src/gql/graphql.ts'), 'utf8');
  const operations: WebOperation[] = [];
  for (const match of generated.matchAll(
    /^export const (\w+)Document = (\{.*\}) as unknown as/gm,
  )) {
    const document = JSON.parse(match[2]!) as DocumentNode;
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === 'OperationDefinition',
    );
    if (operation) operations.push({ name: match[1]!, query: print(document), operation });
  }
  return operations;
}

/** The web client's queries. */
export function webQueries(): WebOperation[] {
  return webOperations().filter(({ operation }) => operation.operation === 'query');
}

/** One of the web client's operations (a query, mutation or subscription) by name. */
export function webDocument(name: string): string {
  const found = webOperations().find((operation) => operation.name === name);
  if (!found) throw new Error(`the web client has no ${name} document`);
  return found.query;
}
