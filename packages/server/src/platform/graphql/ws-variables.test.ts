import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../test/harness.js';
import { buildTenant, type Tenant } from '../../test/tenants.js';

// Variables that do not fit their declared types are the client's mistake: over graphql-ws they
// must be answered as over HTTP (BAD_USER_INPUT, graphql-js's message), never masked as internal.

let server: TestServer;
let tenant: Tenant;
beforeAll(async () => {
  server = await startTestServer();
  tenant = await buildTenant(server, 'Variables');
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  data?: unknown;
}

/** The first answer to an operation over a socket: an event or result, or the errors that ended it. */
function firstAnswer(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<Answer> {
  const ws = client.websocket();
  return new Promise<Answer>((resolve, reject) => {
    ws.subscribe(
      { query, variables },
      {
        next: (value) => resolve(value as Answer),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve({}),
      },
    );
  }).finally(() => void ws.dispose());
}

const WRONG = [
  ['a value of the wrong type', { id: { not: 'an id' } }],
  ['a deeply nested list', { id: [[[[[['x']]]]]] }],
  ['null for a non-null variable', { id: null }],
  ['no value for a non-null variable', {}],
] as const;

describe('variables that do not fit their types, over WebSocket', () => {
  const operations = [
    ['subscription', `subscription($id: ID!) { threadActivity(threadId: $id) { __typename } }`],
    ['subscription', `subscription($id: ID!) { spaceActivity(spaceId: $id) { __typename } }`],
    ['subscription', `subscription($id: ID!) { eventUpdated(eventId: $id) { __typename } }`],
    [
      'subscription',
      `subscription($id: ID!) { reportActivity(organisationId: $id) { __typename } }`,
    ],
    ['query', `query($id: ID!) { members(organisationId: $id) { edges { cursor } } }`],
    ['mutation', `mutation($id: ID!) { editPost(input: { id: $id, body: "x" }) { post { id } } }`],
  ] as const;

  for (const [kind, query] of operations) {
    for (const [what, variables] of WRONG) {
      const field = /\{ (\w+)\(/.exec(query)?.[1];
      it(`a ${kind} (${field}) given ${what} answers BAD_USER_INPUT`, async () => {
        for (const client of [tenant.owner.client, server.client()]) {
          const answer = await firstAnswer(client, query, variables);
          expect(answer.errors?.length, JSON.stringify(answer)).toBeGreaterThan(0);
          for (const error of answer.errors ?? []) {
            expect(error.extensions?.code, error.message).toBe('BAD_USER_INPUT');
            expect(error.message).toMatch(/^Variable "\$id"/);
          }
        }
      });
    }
  }

  it('answers as HTTP does', async () => {
    const query = `subscription($id: ID!) { threadActivity(threadId: $id) { __typename } }`;
    const overHttp = await tenant.owner.client.request(
      `query($id: ID!) { members(organisationId: $id) { edges { cursor } } }`,
      { id: null },
    );
    const overWs = await firstAnswer(tenant.owner.client, query, { id: null });
    expect(overWs.errors?.[0]?.extensions?.code).toBe(overHttp.errors?.[0]?.extensions?.code);
    expect(overWs.errors?.[0]?.message).toBe(overHttp.errors?.[0]?.message);
  });

  it('still runs an operation whose variables fit', async () => {
    const answer = await firstAnswer(
      tenant.owner.client,
      `query($id: ID!) { members(organisationId: $id) { edges { cursor } } }`,
      { id: tenant.organisation.id },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toBeDefined();
  });
});
