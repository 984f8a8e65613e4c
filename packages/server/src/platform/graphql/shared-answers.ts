import {
  TypeInfo,
  createSourceEventStream,
  execute,
  getNamedType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';

/**
 * graphql-ws executes a subscription's selection set once per subscriber and event. When a
 * feature hands many subscribers the very same event object, and vouches that, for a listed
 * set of fields, the answer depends only on what that object carries (the subscribers it was
 * given to share the same rights for it), the answer is executed once and sent to each of them.
 * A document that asks for any other field is executed per subscriber, as before.
 */
export type SharedFields = Readonly<Record<string, ReadonlySet<string>>>;

const sharedRoots = new WeakMap<object, SharedFields>();
const answers = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
const documentIds = new WeakMap<DocumentNode, number>();
const coverage = new WeakMap<DocumentNode, WeakMap<SharedFields, boolean>>();
let nextDocumentId = 1;

/** Marks `root` as one answer for everyone it is given to, for documents within `fields`. */
export function shareAnswer<T extends object>(root: T, fields: SharedFields): T {
  sharedRoots.set(root, fields);
  return root;
}

function documentWithin(schema: GraphQLSchema, document: DocumentNode, fields: SharedFields) {
  let byFields = coverage.get(document);
  if (!byFields) {
    byFields = new WeakMap();
    coverage.set(document, byFields);
  }
  const known = byFields.get(fields);
  if (known !== undefined) return known;
  const typeInfo = new TypeInfo(schema);
  let within = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value === '__typename') return;
        if (parent.name === 'Subscription') return;
        if (!fields[getNamedType(parent).name]?.has(node.name.value)) within = false;
      },
    }),
  );
  byFields.set(fields, within);
  return within;
}

function documentId(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(document, id);
  }
  return id;
}

function answer(args: ExecutionArgs, root: unknown): Promise<ExecutionResult> {
  const run = () => Promise.resolve(execute({ ...args, rootValue: root }));
  if (!root || typeof root !== 'object') return run();
  const fields = sharedRoots.get(root);
  if (!fields || !documentWithin(args.schema, args.document, fields)) return run();
  const key = `${documentId(args.document)}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
  let byKey = answers.get(root);
  if (!byKey) {
    byKey = new Map();
    answers.set(root, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    result = run();
    byKey.set(key, result);
  }
  return result;
}

/** graphql-js's `subscribe`, with each event's answer shared where `shareAnswer` allows it. */
export async function subscribeSharing(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = stream[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await source.next();
      if (step.done) return { value: undefined, done: true };
      try {
        return { value: await answer(args, step.value), done: false };
      } catch (error) {
        // As graphql-js does: a failed mapping ends the source, so its listener is released.
        await source.return?.();
        throw error;
      }
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
