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

const sharedRoots = new WeakMap<object, { fields: SharedFields; context: unknown }>();
const answers = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
const documentIds = new WeakMap<DocumentNode, number>();
const coverage = new WeakMap<DocumentNode, WeakMap<SharedFields, boolean>>();
let nextDocumentId = 1;

/**
 * Marks `root` as one answer for everyone it is given to, for documents within `fields`,
 * executed with `context`: never one subscriber's own context, since whatever that context's
 * identity decides would reach them all. `context` is one that every receiver may be answered
 * with (e.g. without identity, primed with the rights they share).
 */
export function shareAnswer<T extends object>(root: T, fields: SharedFields, context: object): T {
  sharedRoots.set(root, { fields, context });
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
  const shared = sharedRoots.get(root);
  if (!shared || !documentWithin(args.schema, args.document, shared.fields)) return run();
  const key = executionKey(args);
  let byKey = answers.get(root);
  if (!byKey) {
    byKey = new Map();
    answers.set(root, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    // With the context the answer was shared with, not that of whoever asks first.
    result = Promise.resolve(execute({ ...args, rootValue: root, contextValue: shared.context }));
    byKey.set(key, result);
  }
  return result;
}

/**
 * Where the transport lets a feature write a subscription's `next` frames itself: graphql-ws's
 * socket and the subscription's id, and the same formatting graphql-ws's `onNext` applies.
 * Attached by the transport to each subscription's context (app.ts).
 */
export interface FrameChannel {
  /** The subscription's id in the graphql-ws protocol. */
  readonly id: string;
  /**
   * Writes one text frame to the subscriber's socket, in order with graphql-ws's own frames;
   * does nothing once the subscription is over (completed by the client, socket closed).
   */
  send(frame: string): void;
  /** What `onNext` makes of a result before graphql-ws sends it (errors logged and formatted). */
  format(result: ExecutionResult): ExecutionResult;
}

const channels = new WeakMap<object, { channel: FrameChannel; args?: ExecutionArgs }>();

/** Called by the transport for each subscription's own context. */
export function attachFrameChannel(context: object, channel: FrameChannel): void {
  channels.set(context, { channel });
}

/**
 * A subscriber whose frames a feature may build and send itself, because its document asks
 * only for fields the feature vouches for (`fields`). Each frame is then the answer executed
 * once for every subscriber of its class, serialised once, with only the id differing.
 */
export interface DirectSubscriber {
  readonly channel: FrameChannel;
  readonly args: ExecutionArgs;
  /** Subscribers with the same key send the same document and variables. */
  readonly key: string;
}

/** `undefined` unless this subscription's transport and document allow direct frames. */
export function directSubscriber(
  context: object,
  fields: SharedFields,
): DirectSubscriber | undefined {
  const attached = channels.get(context);
  if (!attached?.args || !documentWithin(attached.args.schema, attached.args.document, fields))
    return undefined;
  return { channel: attached.channel, args: attached.args, key: executionKey(attached.args) };
}

/** The `next` frame graphql-ws would send for this id and this serialised payload. */
export function nextFrame(id: string, payloadJson: string): string {
  return `{"id":${JSON.stringify(id)},"type":"next","payload":${payloadJson}}`;
}

/**
 * Sends one answer (`root`, executed with `context`, which must be alike to every subscriber's
 * own for the vouched-for fields) to these subscribers: executed and serialised once per
 * document and variables, then one frame per subscriber that `stillWanted` at sending time.
 */
export async function sendSharedAnswer(
  root: object,
  context: object,
  subscribers: readonly DirectSubscriber[],
  stillWanted: (subscriber: DirectSubscriber) => boolean,
): Promise<void> {
  const groups = new Map<string, DirectSubscriber[]>();
  for (const subscriber of subscribers) {
    const group = groups.get(subscriber.key);
    if (group) group.push(subscriber);
    else groups.set(subscriber.key, [subscriber]);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const first = group[0]!;
      const result = await execute({ ...first.args, rootValue: root, contextValue: context });
      const payload = JSON.stringify(first.channel.format(result));
      for (const subscriber of group) {
        if (stillWanted(subscriber))
          subscriber.channel.send(nextFrame(subscriber.channel.id, payload));
      }
    }),
  );
}

const executionKey = (args: ExecutionArgs) =>
  `${documentId(args.document)}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;

/** graphql-js's `subscribe`, with each event's answer shared where `shareAnswer` allows it. */
export async function subscribeSharing(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  // The feature may then send this subscription's frames itself (`directSubscriber`).
  const context = args.contextValue;
  const attached = typeof context === 'object' && context ? channels.get(context) : undefined;
  if (attached) attached.args = args;
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
