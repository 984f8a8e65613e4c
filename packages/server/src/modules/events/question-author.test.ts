import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer, until } from '../../test/harness.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

// Issue #26.1: a named question shows its asker's name to everyone who may see it, not only to
// the asker and the moderators; an anonymous one shows no name to anyone.

let server: TestServer;
let organiser: Person;
let moderator: Person;
let eventId: string;
let eventCode: string;

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id anonymous authorName } } }`;
const QUESTIONS = `query($id: ID!) { questions(eventId: $id) { id anonymous authorName } }`;
const ACTIVITY = `subscription($id: ID!) { eventUpdated(eventId: $id) { kind question { id anonymous authorName } } }`;
const UPVOTE = `mutation($id: ID!) { upvoteQuestion(input: { questionId: $id }) { question { id authorName } } }`;

type Seen = { id: string; anonymous: boolean; authorName: string | null };

async function guest(name: string): Promise<TestClient> {
  const joined = await server
    .client()
    .ok(
      `mutation($c: String!, $n: String!) { joinEvent(input: { code: $c, displayName: $n }) { guestToken } }`,
      { c: eventCode, n: name },
    );
  return server.client({ authorization: `Bearer ${joined.joinEvent.guestToken}` });
}

async function questionsAs(client: TestClient): Promise<Seen[]> {
  return ((await client.ok(QUESTIONS, { id: eventId })) as { questions: Seen[] }).questions;
}

beforeAll(async () => {
  server = await startTestServer();
  organiser = await person(server, 'Author Organiser');
  moderator = await person(server, 'Author Moderator');
  const organisationId = (await createOrganisation(organiser, 'QuestionAuthors')).id;
  await addMember(server, organiser, organisationId, moderator, 'MODERATOR');
  const spaceId = (
    await organiser.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Hall", visibility: PUBLIC }) { space { id } } }`,
      { id: organisationId },
    )
  ).createSpace.space.id;
  eventId = (
    await organiser.client.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      {
        input: {
          spaceId,
          title: 'Ашық диалог',
          startsAt: hours(-1),
          endsAt: hours(2),
          allowAnonymousQuestions: true,
          questionModeration: 'POST',
        },
      },
    )
  ).createEvent.event.id;
  eventCode = (
    await organiser.client.ok(
      `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code } } }`,
      { id: eventId },
    )
  ).publishEvent.event.code;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("a question's author", () => {
  it('every viewer sees the name a named question was asked with, in lists and live', async () => {
    const asker = await guest('Ерлан');
    const neighbour = await guest('Айгүл');
    const seen: Seen[] = [];
    const ws = neighbour.websocket();
    const unsubscribe = ws.subscribe(
      { query: ACTIVITY, variables: { id: eventId } },
      {
        next: (value) => {
          const data = value.data as { eventUpdated?: { question: Seen | null } } | undefined;
          if (data?.eventUpdated?.question) seen.push(data.eventUpdated.question);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const asked = (await asker.ok(ASK, { input: { eventId, body: 'Қашан жарияланады?' } }))
        .askQuestion.question as Seen;
      expect(asked).toMatchObject({ anonymous: false, authorName: 'Ерлан' });

      for (const viewer of [asker, neighbour, moderator.client, organiser.client]) {
        const named = (await questionsAs(viewer)).find((q) => q.id === asked.id);
        expect(named).toEqual({ id: asked.id, anonymous: false, authorName: 'Ерлан' });
      }

      await until(() => seen.some((q) => q.id === asked.id), 'the live question');
      expect(seen.find((q) => q.id === asked.id)).toEqual({
        id: asked.id,
        anonymous: false,
        authorName: 'Ерлан',
      });

      // A vote answers with the question too (through the vote functions' own row shape).
      const voted = (await neighbour.ok(UPVOTE, { id: asked.id })).upvoteQuestion.question;
      expect(voted).toEqual({ id: asked.id, authorName: 'Ерлан' });
    } finally {
      unsubscribe();
      await ws.dispose();
    }
  });

  it('an anonymous question shows no name to anyone', async () => {
    const asker = await guest('Мирас');
    const neighbour = await guest('Дана');
    const asked = (
      await asker.ok(ASK, { input: { eventId, body: 'Кім тексереді?', anonymous: true } })
    ).askQuestion.question as Seen;
    expect(asked).toMatchObject({ anonymous: true, authorName: null });
    for (const viewer of [asker, neighbour, moderator.client]) {
      const anonymous = (await questionsAs(viewer)).find((q) => q.id === asked.id);
      expect(anonymous).toEqual({ id: asked.id, anonymous: true, authorName: null });
    }
  });

  it('a signed-in person asks under their own name', async () => {
    const member = await person(server, 'Ержан Сапаров');
    await member.client.ok(
      `mutation($c: String!, $n: String!) { joinEvent(input: { code: $c, displayName: $n }) { event { id } } }`,
      { c: eventCode, n: 'Ержан' },
    );
    const asked = (await member.client.ok(ASK, { input: { eventId, body: 'Есеп қайда?' } }))
      .askQuestion.question as Seen;
    const neighbour = await guest('Асель');
    const named = (await questionsAs(neighbour)).find((q) => q.id === asked.id);
    expect(named?.authorName).toBe(asked.authorName);
    expect(named?.authorName).toBeTruthy();
  });
});
