import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { authChecker } from './authorization.js';
import {
  checkArgumentsOfEveryField,
  rememberValidationLookups,
  validateArgument,
} from './validators.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes as Function
type Resolvers = NonEmptyArray<Function>;

/** Built once per process and list of resolvers (tests build the same schema many times). */
const built = new WeakMap<Resolvers, Promise<GraphQLSchema>>();

/**
 * type-graphql insists on a pubSub even when every subscription brings its own `subscribe`
 * function. Ours take the request's PubSub from the context (it differs per app instance), so
 * the `topics` shortcut is refused loudly instead of silently delivering nothing.
 */
const topicsNotSupported: PubSub = {
  publish() {
    throw new Error('Publish through context.pubsub, not type-graphql topics.');
  },
  subscribe() {
    throw new Error('Use @Subscription({ subscribe }) with context.pubsub, not `topics`.');
  },
};

/** The schema, built once per process from the feature resolvers the composition root hands in. */
export function buildAppSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  rememberValidationLookups();
  const known = built.get(resolvers);
  if (known) return known;
  const building = buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validateFn: validateArgument,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    emitSchemaFile: false,
    pubSub: topicsNotSupported,
  }).then((schema) => {
    // Ids and text are checked at the edge, before any resolver (and SQL) sees them.
    checkArgumentsOfEveryField(schema);
    return schema;
  });
  built.set(resolvers, building);
  return building;
}

/** The SDL checked in as `packages/server/schema.graphql`: the integrators' contract. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
