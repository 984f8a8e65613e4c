import type { Client as WsClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  type GraphQLResponse,
  type TestClient,
  type TestServer,
  code,
  reasons,
  ownerQuery,
} from '../../test/harness.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

/** Votes cast over the audience's graphql-ws connection: the same rules and errors as over HTTP. */

let server: TestServer;
let organiser: Person;
let moderator: Person;
let spaceId: string;

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

const UPVOTE = `mutation($id: ID!) { upvoteQuestion(input: { questionId: $id }) { question { id upvoteCount viewerUpvoted status } } }`;
const REMOVE = `mutation($id: ID!) { removeUpvote(input: { questionId: $id }) { question { id upvoteCount viewerUpvoted } } }`;
const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id status } } }`;

const ownerSql = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  ownerQuery<T>(server, sql, params);

/** One operation over a graphql-ws connection, answered like an HTTP request. */
function overSocket(
  ws: WsClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse> {
  return new Promise((resolve, reject) => {
    let result = {} as GraphQLResponse;
    ws.subscribe(
      { query, variables },
      {
        next: (value) => {
          result = value as GraphQLResponse;
        },
        error: reject,
        complete: () => resolve(result),
      },
    );
  });
}

interface Guest {
  client: TestClient;
  ws: WsClient;
  participantId: string;
}

const sockets: WsClient[] = [];

async function guest(eventCode: string, name = 'Guest'): Promise<Guest> {
  const joined = await server
    .client()
    .ok(
      `mutation($c: String!, $n: String!) { joinEvent(input: { code: $c, displayName: $n }) { guestToken participant { id } } }`,
      { c: eventCode, n: name },
    );
  const client = server.client({ authorization: `Bearer ${joined.joinEvent.guestToken}` });
  const ws = client.websocket();
  sockets.push(ws);
  return { client, ws, participantId: joined.joinEvent.participant.id };
}

async function newEvent(input: Record<string, unknown> = {}) {
  const id = (
    await organiser.client.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      {
        input: { spaceId, title: 'Votes', startsAt: hours(-1), endsAt: hours(2), ...input },
      },
    )
  ).createEvent.event.id as string;
  const published = await organiser.client.ok(
    `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code } } }`,
    { id },
  );
  return { id, code: published.publishEvent.event.code as string };
}

async function approvedQuestion(eventId: string, asker: Guest, body = 'What about the budget?') {
  const asked = await asker.client.ok(ASK, { input: { eventId, body } });
  const questionId = asked.askQuestion.question.id as string;
  if (asked.askQuestion.question.status !== 'APPROVED') {
    await moderator.client.ok(
      `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: APPROVE }) { question { id } } }`,
      { id: questionId },
    );
  }
  return questionId;
}

const rows = async (questionId: string) =>
  (
    await ownerSql<{ n: number }>(
      'select count(*)::int as n from question_vote where question_id = $1',
      [questionId],
    )
  )[0]!.n;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await person(server, 'Vote Organiser');
  moderator = await person(server, 'Vote Moderator');
  const organisationId = (await createOrganisation(organiser, 'VoteEvents')).id;
  await addMember(server, organiser, organisationId, moderator, 'MODERATOR');
  spaceId = (
    await organiser.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Hall", visibility: PUBLIC }) { space { id } } }`,
      { id: organisationId },
    )
  ).createSpace.space.id;
}, 60_000);

afterAll(async () => {
  await Promise.all(sockets.map((ws) => ws.dispose()));
  await server?.stop();
});

describe('votes over the audience socket', () => {
  it('a guest upvotes over graphql-ws, idempotently, and takes the vote back', async () => {
    const event = await newEvent();
    const asker = await guest(event.code, 'Asker');
    const voter = await guest(event.code, 'Voter');
    const questionId = await approvedQuestion(event.id, asker);

    const first = await overSocket(voter.ws, UPVOTE, { id: questionId });
    expect(first.errors).toBeUndefined();
    expect(first.data?.upvoteQuestion).toEqual({
      question: { id: questionId, upvoteCount: 1, viewerUpvoted: true, status: 'APPROVED' },
    });
    const again = await overSocket(voter.ws, UPVOTE, { id: questionId });
    expect((again.data?.upvoteQuestion as { question: unknown }).question).toMatchObject({
      upvoteCount: 1,
      viewerUpvoted: true,
    });
    // Over HTTP the same guest sees its vote, and a second guest's vote counts on top.
    const other = await guest(event.code, 'Other');
    const viaHttp = await other.client.ok(UPVOTE, { id: questionId });
    expect(viaHttp.upvoteQuestion.question).toMatchObject({ upvoteCount: 2, viewerUpvoted: true });
    const removed = await overSocket(voter.ws, REMOVE, { id: questionId });
    expect(removed.data?.removeUpvote).toEqual({
      question: { id: questionId, upvoteCount: 1, viewerUpvoted: false },
    });
    expect(await rows(questionId)).toBe(1);
    const [row] = await ownerSql<{ participant_id: string }>(
      'select participant_id from question_vote where question_id = $1',
      [questionId],
    );
    expect(row?.participant_id).toBe(other.participantId);
  });

  it("answers the audience page's own vote document over the socket", async () => {
    const event = await newEvent();
    const asker = await guest(event.code, 'Asker');
    const voter = await guest(event.code, 'Voter');
    const questionId = await approvedQuestion(event.id, asker);
    const answer = await overSocket(
      voter.ws,
      `mutation UpvoteQuestion($input: QuestionIdInput!) { upvoteQuestion(input: $input) { question { ...QuestionFields __typename } __typename } }
       fragment QuestionFields on Question { id body anonymous authorName createdAt pinned status upvoteCount viewerUpvoted __typename }`,
      { input: { questionId } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.upvoteQuestion).toMatchObject({
      question: {
        id: questionId,
        body: 'What about the budget?',
        upvoteCount: 1,
        viewerUpvoted: true,
      },
    });
  });

  it('refuses over the socket exactly as over HTTP, writing nothing', async () => {
    const event = await newEvent({ questionModeration: 'PRE' });
    const asker = await guest(event.code, 'Asker');
    const voter = await guest(event.code, 'Voter');
    const approved = await approvedQuestion(event.id, asker);
    const pending = (
      await asker.client.ok(ASK, { input: { eventId: event.id, body: 'Not yet approved' } })
    ).askQuestion.question.id as string;

    // Someone else's question waiting for moderation: not there for the audience.
    const hidden = await overSocket(voter.ws, UPVOTE, { id: pending });
    expect(code(hidden)).toBe('NOT_FOUND');
    expect(code(await voter.client.request(UPVOTE, { id: pending }))).toBe('NOT_FOUND');
    // One's own pending question is visible, but not votable.
    const own = await overSocket(asker.ws, UPVOTE, { id: pending });
    expect(code(own)).toBe('BAD_USER_INPUT');
    expect(reasons(own)).toContain('questionId:NOT_VOTABLE');
    // A question that does not exist.
    const missing = await overSocket(voter.ws, UPVOTE, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(code(missing)).toBe('NOT_FOUND');
    // Invalid input is refused by validation, as over HTTP.
    expect(code(await overSocket(voter.ws, UPVOTE, { id: 'not-a-uuid' }))).toBe(
      code(await voter.client.request(UPVOTE, { id: 'not-a-uuid' })),
    );

    // A participant of another event cannot vote on this event's questions.
    const elsewhere = await newEvent();
    const stranger = await guest(elsewhere.code, 'Stranger');
    const foreign = await overSocket(stranger.ws, UPVOTE, { id: approved });
    // (The space is public: the stranger may see the event, but is told to join it first.)
    expect(code(foreign)).toBe('FORBIDDEN');
    expect(code(await stranger.client.request(UPVOTE, { id: approved }))).toBe('FORBIDDEN');
    expect(await rows(approved)).toBe(0);

    // A guest removed from the audience (its participant row gone) while its socket stays open.
    const removed = await guest(event.code, 'Removed');
    // Its phone watches the event, which keeps the socket (and its authentication) open.
    removed.ws.subscribe(
      {
        query: `subscription($id: ID!) { eventUpdated(eventId: $id) { kind } }`,
        variables: { id: event.id },
      },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    expect((await overSocket(removed.ws, UPVOTE, { id: approved })).errors).toBeUndefined();
    await ownerSql('delete from event_participant where id = $1', [removed.participantId]);
    const gone = await overSocket(removed.ws, UPVOTE, { id: approved });
    expect(gone.errors?.length).toBeGreaterThan(0);
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code(gone));
    expect(await rows(approved)).toBe(0);

    // A cancelled event takes no more votes, over either transport.
    await organiser.client.ok(
      `mutation($id: ID!) { cancelEvent(input: { eventId: $id }) { event { status } } }`,
      { id: event.id },
    );
    const cancelled = await overSocket(voter.ws, UPVOTE, { id: approved });
    expect(code(cancelled)).toBe('BAD_USER_INPUT');
    expect(reasons(cancelled)).toContain('questionId:EVENT_CANCELLED');
    expect(reasons(await voter.client.request(UPVOTE, { id: approved }))).toContain(
      'questionId:EVENT_CANCELLED',
    );
    expect(await rows(approved)).toBe(0);
  });

  it('an ended event takes no more votes', async () => {
    const event = await newEvent();
    const asker = await guest(event.code, 'Asker');
    const voter = await guest(event.code, 'Voter');
    const questionId = await approvedQuestion(event.id, asker);
    await ownerSql(
      `update event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = $1`,
      [event.id],
    );
    const ended = await overSocket(voter.ws, UPVOTE, { id: questionId });
    expect(reasons(ended)).toContain('questionId:EVENT_ENDED');
    expect(await rows(questionId)).toBe(0);
  });

  it('counts concurrent votes over many sockets exactly', async () => {
    const event = await newEvent();
    const asker = await guest(event.code, 'Asker');
    const questions = [
      await approvedQuestion(event.id, asker, 'First'),
      await approvedQuestion(event.id, asker, 'Second'),
    ];
    const voters = await Promise.all(
      Array.from({ length: 120 }, (_, i) => guest(event.code, `Voter ${i}`)),
    );
    // Every voter votes for both questions at once, then a third of them take one back.
    const answers = await Promise.all(
      voters.flatMap((voter) => questions.map((id) => overSocket(voter.ws, UPVOTE, { id }))),
    );
    expect(answers.filter((answer) => answer.errors)).toEqual([]);
    const counts = answers.map(
      (answer) => (answer.data?.upvoteQuestion as { question: { upvoteCount: number } }).question,
    );
    for (const { upvoteCount } of counts) {
      expect(upvoteCount).toBeGreaterThanOrEqual(1);
      expect(upvoteCount).toBeLessThanOrEqual(voters.length);
    }
    const takers = voters.filter((_, i) => i % 3 === 0);
    const taken = await Promise.all(
      takers.map((voter) => overSocket(voter.ws, REMOVE, { id: questions[0]! })),
    );
    expect(taken.filter((answer) => answer.errors)).toEqual([]);
    expect(await rows(questions[0]!)).toBe(voters.length - takers.length);
    expect(await rows(questions[1]!)).toBe(voters.length);
    // The cached count catches up with the rows (coalesced recount), and the audience's list
    // reads the exact count.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const cached = await ownerSql<{ id: string; upvote_count: number }>(
        'select id, upvote_count from question where id = any($1::uuid[])',
        [questions],
      );
      const byId = new Map(cached.map((row) => [row.id, row.upvote_count]));
      if (
        byId.get(questions[0]!) === voters.length - takers.length &&
        byId.get(questions[1]!) === voters.length
      )
        break;
      if (Date.now() > deadline) throw new Error(`cached counts lag: ${JSON.stringify(cached)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const listed = await asker.client.ok(
      `query($id: ID!) { questions(eventId: $id) { id upvoteCount } }`,
      { id: event.id },
    );
    expect(
      Object.fromEntries(
        (listed.questions as Array<{ id: string; upvoteCount: number }>).map((q) => [
          q.id,
          q.upvoteCount,
        ]),
      ),
    ).toEqual({
      [questions[0]!]: voters.length - takers.length,
      [questions[1]!]: voters.length,
    });
  }, 60_000);

  it('a signed-in person votes through the same rule, joining the audience on the first vote', async () => {
    const event = await newEvent();
    const asker = await guest(event.code, 'Asker');
    const questionId = await approvedQuestion(event.id, asker);
    const voted = await moderator.client.ok(UPVOTE, { id: questionId });
    expect(voted.upvoteQuestion.question).toMatchObject({ upvoteCount: 1, viewerUpvoted: true });
    const overWs = moderator.client.websocket();
    sockets.push(overWs);
    const again = await overSocket(overWs, UPVOTE, { id: questionId });
    expect((again.data?.upvoteQuestion as { question: unknown }).question).toMatchObject({
      upvoteCount: 1,
      viewerUpvoted: true,
    });
    const [participant] = await ownerSql<{ n: number }>(
      'select count(*)::int as n from event_participant where event_id = $1 and user_id is not null',
      [event.id],
    );
    expect(participant?.n).toBe(1);
  });
});
