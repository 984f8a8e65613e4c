import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import type { Client as WsClient } from 'graphql-ws';
import { startTestServer, type TestClient, type TestServer } from '../../test/harness.js';
import { buildTenant, createOrganisation, person, type Tenant } from '../../test/tenants.js';
import { webQueries } from '../../test/web-documents.js';
import { reportProof } from '../../test/report-proof.js';

/**
 * Every query of the web client, and a few more, answered over HTTP by the compiled executor and
 * by graphql-js: the same bytes and status. A query whose text carries REFERENCE is refused by
 * the (mocked) compiler, so the executor runs it on graphql-js, as it does for anything the
 * compiler declines.
 */
const REFERENCE = '# reference: graphql-js';
const compiler = vi.hoisted(() => ({ compiled: new Set<string>() }));
vi.mock('graphql-jit', async (importOriginal) => {
  const jit = await importOriginal<typeof import('graphql-jit')>();
  return {
    ...jit,
    compileQuery: (...args: Parameters<typeof jit.compileQuery>) => {
      const [, document] = args;
      if (document.loc?.source.body.includes(REFERENCE)) {
        return { errors: [new GraphQLError('reference run')] };
      }
      const result = jit.compileQuery(...args);
      if ('query' in result) compiler.compiled.add(document.loc?.source.body ?? '');
      return result;
    },
  };
});

/** The web client's thread page, which is also what the bench measures. */
const THREAD_PAGE = webQueries().find((query) => query.name === 'Thread')!.query;

let server: TestServer;
let t: Tenant;

beforeAll(async () => {
  server = await startTestServer();
  t = await buildTenant(server, 'Compiled');
  // A thread page with something in it: replies by two people, reactions, an edit.
  for (let i = 0; i < 12; i++) {
    const author = i % 3 ? t.owner : t.member;
    const { createPost } = await author.client.ok(
      `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
      { input: { threadId: t.threadId, body: `Reply ${i} about ${t.searchWord}` } },
    );
    for (const [who, reaction] of [
      [t.owner, 'LIKE'],
      [t.member, i % 2 ? 'THANKS' : 'LIKE'],
    ] as const) {
      if (i % 4 === 3) continue;
      await who.client.ok(
        `mutation($input: ToggleReactionInput!) { toggleReaction(input: $input) { post { id } } }`,
        { input: { postId: createPost.post.id, reaction } },
      );
    }
  }
  // So that every query of the web client reaches data: a notification for the owner (a
  // mention), a network invitation to the organisation, a published assessment.
  const ownerHandle = (await t.owner.client.ok(`query { viewer { handle } }`)).viewer.handle;
  await t.member.client.ok(
    `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
    { input: { threadId: t.threadId, body: `Over to you, @${ownerHandle}` } },
  );
  const steward = await person(server, 'Compiled Steward');
  const stewardOrganisation = await createOrganisation(steward, 'Compiled-steward');
  const network = (
    await steward.client.ok(
      `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id } } }`,
      {
        input: {
          organisationId: stewardOrganisation.id,
          name: 'Compiled coalition',
          slug: `compiled-coalition-${Date.now().toString(36)}`,
        },
      },
    )
  ).createNetwork.network;
  await steward.client.ok(
    `mutation($input: InviteOrganisationToNetworkInput!) { inviteOrganisationToNetwork(input: $input) { invitation { id } } }`,
    { input: { networkId: network.id, organisationSlug: t.organisation.slug } },
  );
  await t.owner.client.ok(
    `mutation($id: ID!) { publishRiskAssessment(input: { id: $id }) { assessment { id } } }`,
    { id: t.assessmentId },
  );
});
afterAll(async () => {
  await server?.stop();
});

async function answer(client: TestClient | undefined, query: string, variables: object) {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(client?.cookie ? { cookie: client.cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Asks twice (compiled, then graphql-js) and expects the same answer; returns it. `fresh` gives
 * what each request needs anew (a reporting operation's proof of work works once).
 */
async function same(
  client: TestClient | undefined,
  query: string,
  variables: object = {},
  fresh: () => Promise<object> = async () => ({}),
) {
  const compiled = await answer(client, query, { ...variables, ...(await fresh()) });
  const reference = await answer(client, `${query}\n${REFERENCE}\n`, {
    ...variables,
    ...(await fresh()),
  });
  expect(compiled).toEqual(reference);
  expect(compiler.compiled.has(query)).toBe(true);
  return { status: compiled.status, json: JSON.parse(compiled.body) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read response shapes freely
}

describe('compiled execution over HTTP', () => {
  it('answers the thread page byte for byte as graphql-js does', async () => {
    const { json } = await same(t.owner.client, THREAD_PAGE, { id: t.threadId, first: 50 });
    expect(json.data.thread.posts.edges.length).toBeGreaterThan(10);
    expect(json.errors).toBeUndefined();
  });

  it('answers every query of the web client as graphql-js does', async () => {
    const ids: Record<string, string> = {
      Thread: t.threadId,
      Event: t.event.id,
      AudienceEvent: t.event.id,
      Resource: t.resourceId,
      Report: t.reportId,
      RiskAssessment: t.assessmentId,
      RiskAssessmentCsv: t.assessmentId,
      PublicRiskAssessment: t.assessmentId,
      Space: t.privateSpaceId,
    };
    const networkSlug = new Set(['Network', 'NetworkLibrary']);
    const valueFor = (operation: string, variable: string): unknown =>
      ({
        id: ids[operation],
        organisationId: t.organisation.id,
        spaceId: t.privateSpaceId,
        eventId: t.event.id,
        code: t.event.code,
        receipt: t.receipt,
        token: t.invitationToken,
        query: t.searchWord,
        slug: networkSlug.has(operation) ? t.network.slug : t.organisation.slug,
        first: 50,
        orderBy: operation === 'SpaceThreads' ? 'LAST_ACTIVITY' : 'TOP',
      })[variable];
    const queries = webQueries();
    expect(queries.length).toBeGreaterThan(30);
    const empty: string[] = [];
    for (const { name, query, operation } of queries) {
      const variables: Record<string, unknown> = {};
      let proof: (() => Promise<object>) | undefined;
      for (const definition of operation.variableDefinitions ?? []) {
        const variable = definition.variable.name.value;
        if (variable === 'proof') {
          proof = async () => ({ proof: await reportProof(server.url) });
          continue;
        }
        const value = valueFor(name, variable);
        if (value !== undefined) variables[variable] = value;
        else if (definition.type.kind === 'NonNullType') {
          throw new Error(`no value for $${variable} of ${name}: add one to this test`);
        }
      }
      const { json } = await same(t.owner.client, query, variables, proof);
      expect(json.errors, name).toBeUndefined();
      // Every root field reached real data: an answer of nulls and empty lists would compare
      // equal between the two executors and prove nothing.
      for (const [field, value] of Object.entries(json.data ?? {}))
        if (isEmpty(value)) empty.push(`${name}.${field}`);
    }
    expect(empty, 'root fields answered with nothing').toEqual([]);
  });

  it('answers errors as graphql-js does: codes, paths, masking, status', async () => {
    // Signed out: UNAUTHENTICATED at a non-null root field, which nulls the whole answer.
    const anonymous = await same(undefined, '{ viewer { id } unreadNotificationCount serverTime }');
    expect(anonymous.json.data).toBeNull();
    expect(
      anonymous.json.errors?.map((e: { extensions: { code: string } }) => e.extensions.code),
    ).toContain('UNAUTHENTICATED');
    // Not found; someone else's thread.
    await same(t.member.client, `query($id: ID!) { thread(id: $id) { id } }`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    // A refused variable: BAD_USER_INPUT with status 400, from graphql-js's coercion.
    const bad = await same(t.owner.client, THREAD_PAGE, { id: t.threadId, first: 'fifty' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Class-validator's refusal of an argument.
    const invalid = await same(
      t.owner.client,
      `query { search(query: "", first: 1000) { edges { node { __typename } } } }`,
    );
    expect(invalid.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(invalid.json.errors[0].path).toEqual(['search']);
    // NOT_FOUND at a field of an answer that has data.
    const notFound = await same(t.owner.client, `query($id: ID!) { report(id: $id) { id } }`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(notFound.json).toMatchObject({ data: { report: null } });
    // Introspection (the full introspection query is deeper than LIMITS.maxDepth allows).
    await same(
      undefined,
      `{
        __schema { queryType { name } types { name kind fields(includeDeprecated: true) {
          name isDeprecated args { name defaultValue } type { name kind ofType { name kind } }
        } } }
        __type(name: "Thread") { name description fields { name description } }
      }`,
    );
  });

  it('runs queries and mutations over graphql-ws compiled too, answering as over HTTP', async () => {
    const ws = t.owner.client.websocket();
    try {
      const query = `${THREAD_PAGE}\n# over the socket\n`;
      const overHttp = await same(t.owner.client, query, { id: t.threadId, first: 50 });
      const overWs = await overSocket(ws, query, { id: t.threadId, first: 50 });
      expect(JSON.stringify(overWs)).toBe(JSON.stringify(overHttp.json));

      // Two root fields of one mutation, one after the other (execution.test.ts proves the
      // order with delays): the page lists them oldest first.
      const mutation = `mutation($a: CreatePostInput!, $b: CreatePostInput!) {
        a: createPost(input: $a) { post { id body } }
        b: createPost(input: $b) { post { id body } }
      }`;
      const input = (body: string) => ({ threadId: t.threadId, body });
      const created = await overSocket(ws, mutation, { a: input('First'), b: input('Second') });
      expect(created.errors).toBeUndefined();
      expect(compiler.compiled.has(mutation)).toBe(true);
      const page = await t.owner.client.ok(THREAD_PAGE, { id: t.threadId, first: 100 });
      const bodies = page.thread.posts.edges.map(
        (edge: { node: { body: string } }) => edge.node.body,
      );
      expect(bodies.slice(-2)).toEqual(['First', 'Second']);

      // A refusal keeps its code over the socket.
      const refused = await overSocket(ws, mutation, { a: input(''), b: input('x') });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await ws.dispose();
    }
  });
});

/** Null, an empty list, or a connection without edges. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'edges' in value)
    return (value as { edges: unknown[] }).edges.length === 0;
  return false;
}

/** One operation over a graphql-ws connection, answered like an HTTP request. */
function overSocket(
  ws: WsClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }> {
  return new Promise((resolve, reject) => {
    let result = {};
    ws.subscribe(
      { query, variables },
      {
        next: (value) => {
          result = value;
        },
        error: reject,
        complete: () => resolve(result),
      },
    );
  });
}
