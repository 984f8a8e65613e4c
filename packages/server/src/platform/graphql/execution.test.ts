import { describe, expect, it, vi } from 'vitest';
import {
  execute,
  getIntrospectionQuery,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLResolveInfo,
} from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { compiledExecution, type Execute } from './execution.js';
import { notFound, BadUserInput } from './errors.js';

// Counts compilations and lets a test make the compiler decline a document.
const compiler = vi.hoisted(() => ({ calls: 0, decline: new WeakSet<object>() }));
vi.mock('graphql-jit', async (importOriginal) => {
  const jit = await importOriginal<typeof import('graphql-jit')>();
  return {
    ...jit,
    compileQuery: (...args: Parameters<typeof jit.compileQuery>) => {
      compiler.calls += 1;
      if (compiler.decline.has(args[1])) return { errors: [new GraphQLError('not supported')] };
      return jit.compileQuery(...args);
    },
  };
});

const at = new Date('2026-11-27T10:00:00.123Z');
const order: string[] = [];
const seen: Record<string, unknown> = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const Role = new GraphQLEnumType({
  name: 'Role',
  values: { OWNER: { value: 'owner' }, MEMBER: { value: 'member' } },
});
const Node = new GraphQLInterfaceType({
  name: 'Node',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) } },
  resolveType: (value: { kind: string }) => value.kind,
});
const Person: GraphQLObjectType = new GraphQLObjectType({
  name: 'Person',
  interfaces: [Node],
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: GraphQLString },
    role: { type: Role },
    joinedAt: { type: DateTimeResolver },
    friends: { type: new GraphQLList(Person), resolve: async () => [people[1], people[0]] },
  }),
});
const Post = new GraphQLObjectType({
  name: 'Post',
  interfaces: [Node],
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    body: { type: new GraphQLNonNull(GraphQLString) },
    createdAt: { type: new GraphQLNonNull(DateTimeResolver) },
  },
});
const SearchHit = new GraphQLUnionType({
  name: 'SearchHit',
  types: [Person, Post],
  resolveType: (value: { kind: string }) => value.kind,
});
const people = [
  { kind: 'Person', id: 'p1', name: 'Aigerim', role: 'owner', joinedAt: at },
  { kind: 'Person', id: 'p2', name: null, role: 'member', joinedAt: '2026-01-02T03:04:05Z' },
];
const posts = [{ kind: 'Post', id: 'x1', body: 'Hello', createdAt: at }];

const Filter = new GraphQLInputObjectType({
  name: 'Filter',
  fields: {
    roles: { type: new GraphQLList(new GraphQLNonNull(Role)) },
    since: { type: DateTimeResolver },
    first: { type: GraphQLInt, defaultValue: 10 },
    text: { type: GraphQLString },
    // graphql-jit 0.8.9 refuses such a field when omitted; graphql-js applies the default.
    sort: { type: new GraphQLNonNull(GraphQLString), defaultValue: 'name' },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      people: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Person))),
        args: { filter: { type: Filter } },
        resolve: (_root, args: { filter?: { roles?: string[]; since?: Date } }) => {
          seen.filter = args.filter;
          return people.filter((p) => !args.filter?.roles || args.filter.roles.includes(p.role));
        },
      },
      search: {
        type: new GraphQLNonNull(new GraphQLList(SearchHit)),
        resolve: async () => [...people, ...posts],
      },
      node: {
        type: Node,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_root, { id }: { id: string }) =>
          [...people, ...posts].find((n) => n.id === id) ?? null,
      },
      missing: { type: Person, resolve: () => Promise.reject(notFound('The person')) },
      invalid: {
        type: GraphQLString,
        resolve: () => {
          throw BadUserInput.field('name', 'TOO_LONG', 'Too long.');
        },
      },
      boom: { type: GraphQLString, resolve: () => Promise.reject(new Error('connection lost')) },
      // A non-null field that fails nulls its parent: `strict` becomes null, not `strict.value`.
      strict: {
        type: new GraphQLObjectType({
          name: 'Strict',
          fields: {
            value: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
            other: { type: GraphQLString, resolve: () => 'kept?' },
          },
        }),
        resolve: () => ({}),
      },
      strictList: {
        type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
        resolve: () => ['a', Promise.reject(notFound()), 'c'],
      },
      info: {
        type: GraphQLString,
        args: { n: { type: GraphQLInt } },
        resolve: (_root, _args, _context, info: GraphQLResolveInfo) =>
          JSON.stringify({
            fieldName: info.fieldName,
            fieldNodes: info.fieldNodes.map((node) => node.alias?.value ?? node.name.value),
            fragments: Object.keys(info.fragments),
            variables: info.variableValues,
            // graphql-jit's path has no `typename` (nothing of ours reads it).
            path: { key: info.path.key, prev: info.path.prev?.key },
            parentType: info.parentType.name,
            returnType: String(info.returnType),
            operation: info.operation.name?.value,
          }),
      },
      context: {
        type: GraphQLString,
        resolve: (_root, _args, context: { who: string }) => context.who,
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      step: {
        type: new GraphQLNonNull(GraphQLString),
        args: { name: { type: new GraphQLNonNull(GraphQLString) }, ms: { type: GraphQLInt } },
        resolve: async (_root, { name, ms }: { name: string; ms?: number }) => {
          order.push(`start ${name}`);
          await sleep(ms ?? 0);
          order.push(`end ${name}`);
          return name;
        },
      },
      fail: {
        type: GraphQLBoolean,
        resolve: () => {
          order.push('fail');
          throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });
        },
      },
    },
  }),
  types: [Person, Post],
});

const silent = { warn: () => undefined, debug: () => undefined };

function prepare(query: string): DocumentNode {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return document;
}

/** What a client would see of a result, and each error's code, path and original error. */
function seenBy(result: ExecutionResult) {
  return {
    json: JSON.stringify(result),
    errors: result.errors?.map((error) => ({
      json: JSON.stringify(error),
      code: error.extensions?.code,
      path: error.path,
      original: error.originalError?.message,
      nodes: error.nodes?.map((node) => node.kind),
    })),
  };
}

/** Runs the query with graphql-js and compiled, expecting the same answer; returns it. */
async function same(
  query: string,
  variableValues: Record<string, unknown> = {},
  execution: Execute = compiledExecution(schema, silent),
) {
  const document = prepare(query);
  const args = { schema, document, variableValues, contextValue: { who: 'ctx' } };
  const reference = seenBy(await execute(args));
  const compiled = seenBy(await execution(args));
  expect(compiled).toEqual(reference);
  // The second run goes through the cached compiled query.
  expect(seenBy(await execution(args))).toEqual(reference);
  return JSON.parse(reference.json) as ExecutionResult & { data: Record<string, unknown> };
}

describe('compiled execution answers as graphql-js does', () => {
  it('serialises scalars, enums and DateTime the same way', async () => {
    const result = await same('{ people { id name role joinedAt friends { id role } } }');
    expect(result.data.people).toHaveLength(2);
  });

  it('resolves unions and interfaces, with __typename', async () => {
    await same(`{
      search { __typename ... on Node { id } ... on Person { name } ... on Post { body createdAt } }
      node(id: "x1") { __typename id ... on Post { body } }
      other: node(id: "p2") { __typename ... on Person { role } }
    }`);
  });

  it('keeps code, path and original error of errors thrown by resolvers', async () => {
    const result = await same('{ missing { id } invalid boom people { id } }');
    // In the order they happened: the synchronous throw first.
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'NOT_FOUND',
      undefined,
    ]);
  });

  it('propagates a null from a non-null field to the nearest nullable parent', async () => {
    const result = await same('{ strict { value other } strictList people { id } }');
    expect(result.data.strict).toBeNull();
    expect(result.data.strictList).toBeNull();
  });

  it('gives resolvers the same info: field nodes, fragments, variables, path', async () => {
    await same(
      `query Info($n: Int) { ...F a: info(n: $n) info }
       fragment F on Query { info }`,
      { n: 3 },
    );
  });

  it('passes the context to resolvers', async () => {
    const result = await same('{ context }');
    expect(result.data.context).toBe('ctx');
  });

  it('coerces variables as graphql-js does (enums to values, DateTime to Date, defaults)', async () => {
    await same('query($f: Filter) { people(filter: $f) { id } }', {
      f: { roles: 'OWNER', since: '2026-01-01T00:00:00Z' },
    });
    const compiledFilter = seen.filter;
    await execute({
      schema,
      document: prepare('query($f: Filter) { people(filter: $f) { id } }'),
      variableValues: { f: { roles: 'OWNER', since: '2026-01-01T00:00:00Z' } },
    });
    expect(compiledFilter).toEqual(seen.filter);
    expect(seen.filter).toEqual({
      roles: ['owner'],
      since: new Date('2026-01-01T00:00:00Z'),
      first: 10,
      sort: 'name',
    });
    await same('query($f: Filter) { people(filter: $f) { id } }', {
      f: { sort: 'role', first: 1 },
    });
    expect(seen.filter).toEqual({ sort: 'role', first: 1 });
  });

  it('never logs the values of variables when graphql-js takes over', async () => {
    const logged: string[] = [];
    const log = (details: object, message: string) =>
      void logged.push(JSON.stringify(details) + message);
    // `sort` omitted: graphql-jit refuses, graphql-js runs the operation.
    await same(
      'query Secret($f: Filter) { people(filter: $f) { id } }',
      { f: { text: 'The deputy asked for 500 000 tenge' } },
      compiledExecution(schema, { warn: log, debug: log }),
    );
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain('tenge');
  });

  it('refuses bad variables with graphql-js errors Apollo recognises as bad user input', async () => {
    const result = await same(
      'query($f: Filter, $id: ID!) { people(filter: $f) { id } node(id: $id) { id } }',
      {
        f: { roles: ['BOSS'], since: 'yesterday', first: 'ten' },
      },
    );
    expect(result.data).toBeUndefined();
    expect(result.errors?.length).toBeGreaterThanOrEqual(4);
    const compiled = await compiledExecution(
      schema,
      silent,
    )({
      schema,
      document: prepare('query($id: ID!) { node(id: $id) { id } }'),
      variableValues: {},
    });
    // Apollo's test for BAD_USER_INPUT (status 400): one variable definition node, this wording.
    expect(compiled.errors?.[0]?.nodes?.map((node) => node.kind)).toEqual(['VariableDefinition']);
    expect(compiled.errors?.[0]?.message).toBe(
      'Variable "$id" of required type "ID!" was not provided.',
    );
  });

  it('answers introspection identically', async () => {
    await same(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }));
  });

  it('answers an unknown operation name as graphql-js does', async () => {
    const document = prepare('query A { context } query B { context }');
    const args = { schema, document, operationName: 'C', contextValue: { who: 'ctx' } };
    expect(seenBy(await compiledExecution(schema, silent)(args))).toEqual(
      seenBy(await execute(args)),
    );
  });
});

describe('compiled mutations', () => {
  it('run their root fields one after the other, in order', async () => {
    order.length = 0;
    const result = await same(
      'mutation { a: step(name: "a", ms: 20) b: step(name: "b", ms: 0) c: step(name: "c", ms: 5) }',
    );
    expect(result.data).toEqual({ a: 'a', b: 'b', c: 'c' });
    // Twice graphql-js's order, then twice the compiled one: never interleaved.
    const once = ['start a', 'end a', 'start b', 'end b', 'start c', 'end c'];
    expect(order).toEqual([...once, ...once, ...once]);
  });

  it('go on after a failed field, as graphql-js does', async () => {
    order.length = 0;
    await same('mutation { fail a: step(name: "a") }');
    expect(order).toEqual([
      'fail',
      'start a',
      'end a',
      'fail',
      'start a',
      'end a',
      'fail',
      'start a',
      'end a',
    ]);
  });
});

describe('the compiled query cache', () => {
  it('compiles each document once', async () => {
    const execution = compiledExecution(schema, silent);
    const document = prepare('{ context }');
    const before = compiler.calls;
    for (let i = 0; i < 5; i++) await execution({ schema, document, contextValue: { who: 'x' } });
    expect(compiler.calls - before).toBe(1);
    // The same text parsed again is another document (Apollo's store keeps one per text).
    await execution({ schema, document: prepare('{ context }'), contextValue: { who: 'x' } });
    expect(compiler.calls - before).toBe(2);
  });

  it('holds a bounded number of compiled operations', async () => {
    const execution = compiledExecution(schema, silent, { maxCompiled: 3 });
    const documents = ['{ a: context }', '{ b: context }', '{ c: context }'].map(prepare);
    const before = compiler.calls;
    for (const document of documents) await execution({ schema, document, contextValue: {} });
    await execution({ schema, document: documents[0]!, contextValue: {} });
    expect(compiler.calls - before).toBe(3);
    // A fourth starts afresh: the first is compiled again when it comes back.
    await execution({ schema, document: prepare('{ d: context }'), contextValue: {} });
    await execution({ schema, document: documents[0]!, contextValue: {} });
    expect(compiler.calls - before).toBe(5);
  });

  it('runs what the compiler declines on graphql-js, and says so once', async () => {
    const warnings: string[] = [];
    const execution = compiledExecution(schema, {
      warn: (_details, message) => void warnings.push(message),
      debug: () => undefined,
    });
    const query = '{ people { id name } search { __typename } }';
    const document = prepare(query);
    compiler.decline.add(document);
    const reference = seenBy(await execute({ schema, document }));
    expect(seenBy(await execution({ schema, document }))).toEqual(reference);
    expect(seenBy(await execution({ schema, document }))).toEqual(reference);
    expect(warnings).toHaveLength(1);
  });
});
