import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startTestServer, type TestServer } from '../../test/harness.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

// Issue #26.10: the opening text of a thread takes reactions as its replies do.

let server: TestServer;
let owner: Person;
let member: Person;
let outsider: Person;
let threadId: string;

const TOGGLE = `mutation($id: ID!, $r: ReactionKind!) { toggleThreadReaction(input: { threadId: $id, reaction: $r }) { thread { id reactions { reaction count viewerReacted } } } }`;
const THREAD = `query($id: ID!) { thread(id: $id) { viewerCan { react } reactions { reaction count viewerReacted } } }`;

type Count = { reaction: string; count: number; viewerReacted: boolean };
const countOf = (counts: Count[], reaction: string) => counts.find((c) => c.reaction === reaction);

beforeAll(async () => {
  server = await startTestServer();
  owner = await person(server, 'Reaction Owner');
  member = await person(server, 'Reaction Member');
  outsider = await person(server, 'Reaction Outsider');
  const organisationId = (await createOrganisation(owner, 'ThreadReactions')).id;
  await addMember(server, owner, organisationId, member);
  await createOrganisation(outsider, 'ThreadReactionsOutside');
  const spaceId = (
    await owner.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Monitoring" }) { space { id } } }`,
      { id: organisationId },
    )
  ).createSpace.space.id;
  threadId = (
    await owner.client.ok(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      { input: { spaceId, title: 'Тендер', body: 'Бастапқы мәтін' } },
    )
  ).createThread.thread.id;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('reactions on the opening text', () => {
  it('members react and take it back; each sees their own', async () => {
    const before = (await member.client.ok(THREAD, { id: threadId })).thread;
    expect(before.viewerCan.react).toBe(true);
    expect(countOf(before.reactions, 'THANKS')).toEqual({
      reaction: 'THANKS',
      count: 0,
      viewerReacted: false,
    });

    const given = (await member.client.ok(TOGGLE, { id: threadId, r: 'THANKS' }))
      .toggleThreadReaction.thread;
    expect(countOf(given.reactions, 'THANKS')).toMatchObject({ count: 1, viewerReacted: true });
    await owner.client.ok(TOGGLE, { id: threadId, r: 'THANKS' });

    const seenByOwner = (await owner.client.ok(THREAD, { id: threadId })).thread;
    expect(countOf(seenByOwner.reactions, 'THANKS')).toMatchObject({
      count: 2,
      viewerReacted: true,
    });

    const takenBack = (await member.client.ok(TOGGLE, { id: threadId, r: 'THANKS' }))
      .toggleThreadReaction.thread;
    expect(countOf(takenBack.reactions, 'THANKS')).toMatchObject({
      count: 1,
      viewerReacted: false,
    });
  });

  it('refuses the anonymous and outsiders, as for replies', async () => {
    expect(code(await server.client().request(TOGGLE, { id: threadId, r: 'LIKE' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(code(await outsider.client.request(TOGGLE, { id: threadId, r: 'LIKE' }))).toBe(
      'NOT_FOUND',
    );
  });
});
