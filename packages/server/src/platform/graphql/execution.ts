import {
  execute as executeWithGraphQLJs,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  visit,
  type DocumentNode,
  type FieldNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type Source,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';

/** Where a fallback to graphql-js is told (the app's pino logger). */
export interface ExecutionLogger {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

/** Runs one validated operation, like graphql-js's `execute`. */
export type Execute = (args: ExecutionArgs) => Promise<ExecutionResult> | ExecutionResult;

/** Operations compiled and kept at most; past it the cache starts afresh (see `compiledExecution`). */
export const MAX_COMPILED_OPERATIONS = 1000;

/** What a document was found to need: its compiled form, or graphql-js when the compiler declined. */
type Plan = CompiledQuery | 'graphql-js';

/**
 * Executes operations compiled by graphql-jit: each (document, operation) is compiled once into
 * plain JavaScript that resolves the selection without graphql-js's per-field interpretation
 * (collecting fields, building `info`, completing values), about a sixth of a thread page's CPU.
 *
 * The cache is keyed by the DocumentNode object: Apollo's document store and our graphql-ws
 * document map hand the same object for the same query text, and a document nobody holds any
 * more takes its compiled form with it. Compiled code is large (tens of KB per operation), so
 * the cache also holds at most MAX_COMPILED_OPERATIONS: when that many have been compiled it
 * starts afresh (a client sending ever new documents costs compilations, never memory).
 *
 * Answers are graphql-js's, byte for byte (execution.test.ts compares them). Where graphql-jit
 * differs, graphql-js does the work:
 * - variables are coerced by graphql-js first, so a bad input gives graphql-js's errors
 *   (which Apollo recognises as BAD_USER_INPUT, status 400); variables graphql-jit then refuses
 *   (see below) have the operation run by graphql-js;
 * - an operation the compiler declines, or a document naming no such operation, runs on
 *   graphql-js (the former logged once per document).
 */
export function compiledExecution(
  schema: GraphQLSchema,
  logger: ExecutionLogger,
  { maxCompiled = MAX_COMPILED_OPERATIONS } = {},
): Execute {
  let plans = new WeakMap<DocumentNode, Map<string, Plan>>();
  let compiled = 0;

  const planFor = (document: DocumentNode, operationName: string | undefined): Plan => {
    const key = operationName ?? '';
    let byName = plans.get(document);
    const known = byName?.get(key);
    if (known) return known;
    if (compiled >= maxCompiled) {
      plans = new WeakMap();
      byName = undefined;
      compiled = 0;
    }
    let plan: Plan;
    // The operation's name only: a message may quote the document's literals, and a report's
    // text must never reach the log.
    try {
      const result = compileQuery(schema, document, operationName);
      plan = isCompiledQuery(result) ? result : 'graphql-js';
    } catch {
      plan = 'graphql-js';
    }
    if (plan === 'graphql-js') {
      logger.warn(
        { operationName },
        'graphql-jit cannot compile this operation; graphql-js executes it',
      );
    }
    compiled += 1;
    if (!byName) {
      byName = new Map();
      plans.set(document, byName);
    }
    byName.set(key, plan);
    return plan;
  };

  return (args) => {
    const { document, variableValues, rootValue, contextValue } = args;
    const operationName = args.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    // graphql-js words the "no such operation" errors the way Apollo expects them.
    if (!operation) return executeWithGraphQLJs(args);
    const plan = planFor(document, operationName);
    if (plan === 'graphql-js') return executeWithGraphQLJs(args);
    if (operation.variableDefinitions?.length) {
      // graphql-js's own coercion, as `execute` does it: the same errors, the same 50 at most.
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions,
        variableValues ?? {},
        {
          maxErrors: 50,
        },
      );
      if (coerced.errors) return { errors: coerced.errors };
    }
    const result = plan.query(rootValue, contextValue, variableValues);
    // Only a refusal of the variables comes back without data, before any resolver ran.
    // graphql-js accepted them above, so it decides. Known case: graphql-jit 0.8.9 refuses an
    // omitted input field of a non-null type that has a default (`description: String! = ""`).
    if (!('then' in result) && result.data === undefined && result.errors?.length) {
      // The operation's name only: graphql-jit's messages quote the values (a whistleblower's
      // report among them), which must never reach the log.
      logger.debug(
        { operationName },
        'graphql-jit refused variables graphql-js accepts; graphql-js executes the operation',
      );
      return executeWithGraphQLJs(args);
    }
    return 'then' in result
      ? result.then((settled) => asGraphQLJsResult(settled, document))
      : asGraphQLJsResult(result, document);
  };
}

/**
 * graphql-jit's result in graphql-js's shape: `errors` before `data` (Apollo keeps the order in
 * the answer it sends), and each error a graphql-js GraphQLError. graphql-jit's errors have no
 * `extensions` object when the thrown error had none, which Apollo's error normalisation reads
 * (it would answer "Internal server error" without asking `formatError`).
 */
function asGraphQLJsResult(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (!result.errors?.length) return result;
  const fields = fieldsByPosition(document);
  return {
    errors: result.errors.map((error) => asGraphQLJsError(error, document, fields)),
    data: result.data,
  };
}

/** What graphql-js's `locatedError` makes of an error thrown (or a null returned) at a field. */
function asGraphQLJsError(
  error: GraphQLError,
  document: DocumentNode,
  fields: Map<number, FieldNode>,
): GraphQLError {
  const original = error.originalError;
  // graphql-js passes an error that already says where it happened on as it is.
  if (original instanceof GraphQLError && Array.isArray(original.path)) return original;
  const source = document.loc?.source;
  const positions = source && error.locations?.map((location) => positionOf(source, location));
  const nodes = positions?.map((position) => fields.get(position));
  const located = nodes?.every((node) => node !== undefined);
  return new GraphQLError(error.message, {
    ...(located ? { nodes: nodes as FieldNode[] } : { source, positions }),
    path: error.path,
    // graphql-js throws its own field errors (a null for a non-null field) as Errors too.
    originalError: original ?? new Error(error.message),
  });
}

/** The document's fields by where they start: the nodes an error's locations point at. */
function fieldsByPosition(document: DocumentNode): Map<number, FieldNode> {
  const fields = new Map<number, FieldNode>();
  visit(document, {
    Field(node) {
      if (node.loc) fields.set(node.loc.start, node);
    },
  });
  return fields;
}

/** The offset of a line and column in a source (the inverse of graphql-js's `getLocation`). */
function positionOf(source: Source, { line, column }: SourceLocation): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let start = 0;
  for (let current = 1; current < line; current++) {
    const match = lineBreak.exec(source.body);
    if (!match) break;
    start = match.index + match[0].length;
  }
  return start + column - 1;
}

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * Apollo Server runs a plain schema with graphql-js's `execute` and has no option for another
 * executor; its `gateway` option is the supported way to bring one (what a federation gateway
 * does). The schema is ours, unchanged: parsing, validation, the document store, plugins,
 * error formatting and `executeOperation` work as before; only execution is `execute`.
 */
export function executionGateway(schema: GraphQLSchema, execute: Execute): Gateway {
  let loaded: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      loaded = callback;
      return () => {
        loaded = undefined;
      };
    },
    async load() {
      // Nothing of ours reads the SDL (usage and schema reporting are off): it is not printed.
      loaded?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: async (request) =>
          execute({
            schema,
            document: request.document,
            operationName: request.request.operationName ?? null,
            variableValues: request.request.variables ?? null,
            contextValue: request.context,
          }),
      };
    },
    async stop() {},
  };
}
