import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasons, startTestServer, type TestServer } from '../../test/harness.js';
import { buildTenant, type Tenant } from '../../test/tenants.js';

let server: TestServer;
let tenant: Tenant;
beforeAll(async () => {
  server = await startTestServer();
  tenant = await buildTenant(server, 'Inputs');
});
afterAll(async () => {
  await server?.stop();
});

const NOT_AN_ID = "1' or '1'='1";

describe('ids are checked before any SQL', () => {
  it.each([
    [
      'members',
      `query($id: ID!) { members(organisationId: $id) { edges { cursor } } }`,
      'organisationId',
    ],
    [
      'auditEvents',
      `query($id: ID!) { auditEvents(organisationId: $id) { edges { cursor } } }`,
      'organisationId',
    ],
    [
      'reports',
      `query($id: ID!) { reports(organisationId: $id) { edges { cursor } } }`,
      'organisationId',
    ],
    [
      'resources(filter)',
      `query($id: ID!) { resources(filter: { organisationId: $id }) { edges { cursor } } }`,
      'filter.organisationId',
    ],
    ['publicRiskAssessment', `query($id: ID!) { publicRiskAssessment(id: $id) { id } }`, 'id'],
    ['eventRegistrationsCsv', `query($id: ID!) { eventRegistrationsCsv(eventId: $id) }`, 'eventId'],
  ])(
    '%s refuses an id that is not a UUID as BAD_USER_INPUT naming it',
    async (_name, query, field) => {
      for (const id of [
        NOT_AN_ID,
        '',
        '12345',
        `${tenant.organisation.id}x`,
        `{${tenant.organisation.id}}`,
      ]) {
        const answer = await tenant.owner.client.request(query, { id });
        expect(answer.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
        expect(reasons(answer)).toEqual([`${field}:INVALID_ID`]);
      }
    },
  );

  it('refuses an id written in the document too', async () => {
    const answer = await tenant.owner.client.request(
      `query { members(organisationId: "${NOT_AN_ID.replace(/'/g, '')}") { edges { cursor } } }`,
    );
    expect(reasons(answer)).toEqual(['organisationId:INVALID_ID']);
  });

  it('takes a valid id as before', async () => {
    const answer = await tenant.owner.client.ok(
      `query($id: ID!) { members(organisationId: $id) { edges { cursor } } }`,
      { id: tenant.organisation.id },
    );
    expect(answer.members.edges.length).toBeGreaterThan(0);
  });
});

describe('text PostgreSQL cannot store is refused', () => {
  const CREATE_THREAD = `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`;
  const thread = (overrides: Record<string, unknown>) => ({
    spaceId: tenant.privateSpaceId,
    title: 'A plan',
    body: 'Text',
    tags: ['audit'],
    ...overrides,
  });

  it.each([
    ['a NUL', { body: 'before \u0000 after' }, 'input.body'],
    ['a lone high surrogate', { title: 'half \uD83D of a smile' }, 'input.title'],
    ['a lone low surrogate', { title: '\uDE00 alone' }, 'input.title'],
    ['a NUL in a list', { tags: ['fine', 'bad\u0000'] }, 'input.tags.1'],
  ])('%s in an input field → BAD_USER_INPUT naming it', async (_what, overrides, field) => {
    const answer = await tenant.owner.client.request(CREATE_THREAD, { input: thread(overrides) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reasons(answer)).toEqual([`${field}:INVALID_CHARACTER`]);
  });

  it('keeps whole surrogate pairs (emoji) and every other character', async () => {
    const title = 'Plan 😀 — Қазақша, русский';
    const answer = await tenant.owner.client.ok(CREATE_THREAD, { input: thread({ title }) });
    expect(answer.createThread.thread.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a failing root field does not silence its siblings', () => {
  it('answers the readable sibling with its data and the bad field with its error', async () => {
    const answer = await tenant.owner.client.request(
      `query($bad: ID!, $good: ID!) {
        bad: publicRiskAssessment(id: $bad) { id }
        space(id: $good) { id }
        viewer { id }
      }`,
      { bad: NOT_AN_ID, good: tenant.privateSpaceId },
    );
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['bad'], 'BAD_USER_INPUT'],
    ]);
    expect(answer.data).toEqual({
      bad: null,
      space: { id: tenant.privateSpaceId },
      viewer: { id: tenant.owner.id },
    });
  });
});

describe('over WebSocket', () => {
  /** The first answer to `query` over a socket: an event, or the errors that ended it. */
  function firstAnswer(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }> {
    const ws = tenant.owner.client.websocket();
    return new Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>(
      (resolve, reject) => {
        ws.subscribe(
          { query, variables },
          {
            next: (value) => resolve(value as { errors?: [] }),
            error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
            complete: () => resolve({}),
          },
        );
      },
    ).finally(() => void ws.dispose());
  }

  it('refuses a bad id in a subscription and NUL text in a mutation as over HTTP', async () => {
    const subscribed = await firstAnswer(
      `subscription($id: ID!) { threadActivity(threadId: $id) { __typename } }`,
      { id: NOT_AN_ID },
    );
    expect(subscribed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mutated = await firstAnswer(
      `mutation($input: EditPostInput!) { editPost(input: $input) { post { id } } }`,
      { input: { id: tenant.postId, body: 'a \u0000 b' } },
    );
    expect(mutated.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
