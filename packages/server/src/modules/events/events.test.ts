import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  type TestClient,
  type TestServer,
  code,
  reasons,
  ownerQuery,
} from '../../test/harness.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

let server: TestServer;
let organiser: Person;
let moderator: Person;
let attendee: Person;
let organisationId: string;
let spaceId: string;

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

const ownerSql = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  ownerQuery<T>(server, sql, params);

async function newEvent(input: Record<string, unknown> = {}, publish = true) {
  const id = (
    await organiser.client.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id status } } }`,
      {
        input: {
          spaceId,
          title: 'Dialogue with the akimat',
          startsAt: hours(-1),
          endsAt: hours(2),
          ...input,
        },
      },
    )
  ).createEvent.event.id as string;
  if (!publish) return { id, code: '' };
  const published = await organiser.client.ok(
    `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code status } } }`,
    { id },
  );
  return { id, code: published.publishEvent.event.code as string };
}

async function guest(eventCode: string, name = 'Guest'): Promise<TestClient> {
  const joined = await server
    .client()
    .ok(
      `mutation($c: String!, $n: String!) { joinEvent(input: { code: $c, displayName: $n }) { guestToken participant { displayName } } }`,
      {
        c: eventCode,
        n: name,
      },
    );
  return server.client({ authorization: `Bearer ${joined.joinEvent.guestToken}` });
}

const ASK = `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { question { id status anonymous authorName } } }`;
const UPVOTE = `mutation($id: ID!) { upvoteQuestion(input: { questionId: $id }) { question { upvoteCount viewerUpvoted } } }`;
const QUESTIONS = `query($id: ID!, $s: QuestionStatus, $o: QuestionOrder) { questions(eventId: $id, status: $s, orderBy: $o) { id body status upvoteCount pinned authorName } }`;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await person(server, 'Organiser');
  moderator = await person(server, 'Event Moderator');
  attendee = await person(server, 'Attendee');
  organisationId = (await createOrganisation(organiser, 'Dialogues')).id;
  await addMember(server, organiser, organisationId, moderator, 'MODERATOR');
  await addMember(server, organiser, organisationId, attendee);
  spaceId = (
    await organiser.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Public dialogues", visibility: PUBLIC }) { space { id } } }`,
      {
        id: organisationId,
      },
    )
  ).createSpace.space.id;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('events', () => {
  it('publishes with a 6-character code without look-alike letters, visible without signing in', async () => {
    const draft = await newEvent({}, false);
    expect(
      (await server.client().ok(`query($id: ID!) { event(id: $id) { id } }`, { id: draft.id }))
        .event,
    ).toBeNull();
    const published = await organiser.client.ok(
      `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code status publishedAt } } }`,
      {
        id: draft.id,
      },
    );
    expect(published.publishEvent.event.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const anonymous = await server
      .client()
      .ok(`query($c: String!) { eventByCode(code: $c) { id title } }`, {
        c: published.publishEvent.event.code.toLowerCase(),
      });
    expect(anonymous.eventByCode.id).toBe(draft.id);
    const listed = await server
      .client()
      .ok(`query { events(filter: { upcoming: true, public: true }) { id } }`);
    expect(listed.events.map((e: { id: string }) => e.id)).toContain(draft.id);
    expect(
      reasons(
        await organiser.client.request(
          `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`,
          { id: draft.id },
        ),
      ),
    ).toContain('eventId:NOT_DRAFT');
  });

  it('refuses bad event input, and lets only admins organise', async () => {
    const create = (input: Record<string, unknown>, client = organiser.client) =>
      client.request(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
        {
          input: { spaceId, title: 'T', startsAt: hours(1), endsAt: hours(2), ...input },
        },
      );
    expect(reasons(await create({ endsAt: hours(0.5) }))).toContain('endsAt:BEFORE_START');
    expect(reasons(await create({ timezone: 'Mars/Olympus' }))).toContain(
      'timezone:UNKNOWN_TIMEZONE',
    );
    expect(reasons(await create({ onlineUrl: 'javascript:alert(1)' }))).toContain(
      'onlineUrl:INVALID_URL',
    );
    expect(reasons(await create({ capacity: 0 }))).toContain('capacity:INVALID');
    expect(code(await create({}, moderator.client))).toBe('FORBIDDEN');
  });

  it('registers up to capacity, waitlists the rest, moves the waitlist up, e-mails with an iCalendar file, exports CSV', async () => {
    const event = await newEvent({ capacity: 2, title: 'Small room' });
    const people = [
      attendee,
      moderator,
      await person(server, 'Third'),
      await person(server, 'Fourth'),
    ];
    const statuses: string[] = [];
    for (const p of people) {
      statuses.push(
        (
          await p.client.ok(
            `mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { status } } }`,
            { id: event.id },
          )
        ).registerForEvent.registration.status,
      );
    }
    expect(statuses).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED', 'WAITLISTED']);
    // Registering again changes nothing.
    const again = await attendee.client.ok(
      `mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { status } } }`,
      { id: event.id },
    );
    expect(again.registerForEvent.registration.status).toBe('REGISTERED');

    await attendee.client.ok(
      `mutation($id: ID!) { cancelRegistration(input: { eventId: $id }) { registration { status } } }`,
      { id: event.id },
    );
    const third = await people[2]!.client.ok(
      `query($id: ID!) { event(id: $id) { viewerRegistration { status } } }`,
      { id: event.id },
    );
    expect(third.event.viewerRegistration.status).toBe('REGISTERED');
    const fourth = await people[3]!.client.ok(
      `query($id: ID!) { event(id: $id) { viewerRegistration { status } } }`,
      { id: event.id },
    );
    expect(fourth.event.viewerRegistration.status).toBe('WAITLISTED');

    const [mail] = await ownerSql<{
      subject: string;
      text_body: string;
      attachments: Array<{ filename: string; content: string }>;
    }>(
      `select subject, text_body, attachments from outbox_email where to_address = $1 and kind = 'event.promoted'`,
      [people[2]!.email],
    );
    expect(mail?.text_body).toMatch(/Место освободилось/);
    expect(mail?.attachments[0]?.filename).toBe('event.ics');
    expect(mail?.attachments[0]?.content).toMatch(
      /BEGIN:VCALENDAR[\s\S]*SUMMARY:Small room[\s\S]*END:VCALENDAR/,
    );

    const csv = (
      await organiser.client.ok(`query($id: ID!) { eventRegistrationsCsv(eventId: $id) }`, {
        id: event.id,
      })
    ).eventRegistrationsCsv as string;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('name,email,status,registered_at');
    expect(lines).toHaveLength(4);
    expect(csv).toContain(people[2]!.email);
    expect(
      code(
        await attendee.client.request(`query($id: ID!) { eventRegistrationsCsv(eventId: $id) }`, {
          id: event.id,
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('audience Q&A', () => {
  it('a guest joins by code and asks; under PRE moderation the audience sees it only once approved', async () => {
    const event = await newEvent({ questionModeration: 'PRE' });
    const alice = await guest(event.code, 'Alice');
    const bob = await guest(event.code, 'Bob');
    const asked = (
      await alice.ok(ASK, { input: { eventId: event.id, body: 'Who checks the land allocation?' } })
    ).askQuestion.question;
    expect(asked).toMatchObject({ status: 'PENDING', authorName: 'Alice' });
    expect((await bob.ok(QUESTIONS, { id: event.id })).questions).toEqual([]);
    expect(code(await bob.request(QUESTIONS, { id: event.id, s: 'PENDING' }))).toBe('FORBIDDEN');
    const queue = await moderator.client.ok(QUESTIONS, { id: event.id, s: 'PENDING' });
    expect(queue.questions.map((q: { id: string }) => q.id)).toEqual([asked.id]);

    await moderator.client.ok(
      `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: APPROVE }) { question { status } } }`,
      { id: asked.id },
    );
    expect(
      (await bob.ok(QUESTIONS, { id: event.id })).questions.map((q: { id: string }) => q.id),
    ).toEqual([asked.id]);
    expect(
      reasons(
        await moderator.client.request(
          `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: APPROVE }) { question { id } } }`,
          { id: asked.id },
        ),
      ),
    ).toContain('action:NOT_ALLOWED');
    expect(
      code(
        await bob.request(
          `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: REJECT }) { question { id } } }`,
          { id: asked.id },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('upvotes once per participant, idempotently, and orders TOP by pinned then votes', async () => {
    const event = await newEvent({ questionModeration: 'POST' });
    const voters = await Promise.all([
      guest(event.code, 'V1'),
      guest(event.code, 'V2'),
      guest(event.code, 'V3'),
    ]);
    const first = (await voters[0]!.ok(ASK, { input: { eventId: event.id, body: 'First?' } }))
      .askQuestion.question;
    const second = (await voters[1]!.ok(ASK, { input: { eventId: event.id, body: 'Second?' } }))
      .askQuestion.question;
    expect(first.status).toBe('APPROVED');
    for (const voter of voters) await voter.ok(UPVOTE, { id: second.id });
    const twice = await voters[0]!.ok(UPVOTE, { id: second.id });
    expect(twice.upvoteQuestion.question).toEqual({ upvoteCount: 3, viewerUpvoted: true });
    // Listing the questions reads and writes nothing else, even though their cached counts
    // may still wait for the coalesced recount.
    const knex = server.alany.orm.em.getConnection().getKnex();
    const seen: string[] = [];
    const listener = (query: { sql: string }) => void seen.push(query.sql);
    knex.on('query', listener);
    try {
      await voters[2]!.ok(QUESTIONS, { id: event.id, o: 'TOP' });
    } finally {
      knex.off('query', listener);
    }
    expect(seen.filter((sql) => /^\s*(update|insert|delete)\b/i.test(sql))).toEqual([]);
    const removed = await voters[0]!.ok(
      `mutation($id: ID!) { removeUpvote(input: { questionId: $id }) { question { upvoteCount viewerUpvoted } } }`,
      { id: second.id },
    );
    expect(removed.removeUpvote.question).toEqual({ upvoteCount: 2, viewerUpvoted: false });
    let top = (await voters[2]!.ok(QUESTIONS, { id: event.id, o: 'TOP' })).questions.map(
      (q: { id: string }) => q.id,
    );
    expect(top).toEqual([second.id, first.id]);
    await moderator.client.ok(
      `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: PIN }) { question { pinned } } }`,
      { id: first.id },
    );
    top = (await voters[2]!.ok(QUESTIONS, { id: event.id, o: 'TOP' })).questions.map(
      (q: { id: string }) => q.id,
    );
    expect(top).toEqual([first.id, second.id]);
  });

  it('keeps anonymous questions anonymous, even in the database', async () => {
    const event = await newEvent({ questionModeration: 'PRE', allowAnonymousQuestions: true });
    const whistle = await guest(event.code, 'Serik Named');
    const asked = (
      await whistle.ok(ASK, {
        input: { eventId: event.id, body: 'Why was the tender cancelled?', anonymous: true },
      })
    ).askQuestion.question;
    expect(asked).toMatchObject({ anonymous: true, authorName: null });
    const forModerators = await moderator.client.ok(QUESTIONS, { id: event.id, s: 'PENDING' });
    expect(forModerators.questions[0].authorName).toBeNull();
    const [row] = await ownerSql<Record<string, unknown>>(`select * from question where id = $1`, [
      asked.id,
    ]);
    expect(row?.participant_id).toBeNull();
    // Nothing in the row points at the person: no participant, no name.
    expect(JSON.stringify(row)).not.toContain('Serik');
    const strict = await newEvent({ allowAnonymousQuestions: false });
    const named = await guest(strict.code);
    expect(
      reasons(
        await named.request(ASK, {
          input: { eventId: strict.id, body: 'Hidden?', anonymous: true },
        }),
      ),
    ).toContain('anonymous:ANONYMOUS_NOT_ALLOWED');
  });

  it('refuses bad questions and codes, and questions in ended or cancelled events, writing nothing', async () => {
    const event = await newEvent();
    const asker = await guest(event.code);
    expect(reasons(await asker.request(ASK, { input: { eventId: event.id, body: '' } }))).toContain(
      'body:INVALID_LENGTH',
    );
    expect(
      reasons(await asker.request(ASK, { input: { eventId: event.id, body: 'x'.repeat(501) } })),
    ).toContain('body:INVALID_LENGTH');
    expect(
      reasons(
        await server
          .client()
          .request(
            `mutation { joinEvent(input: { code: "ABCDEF", displayName: "X" }) { guestToken } }`,
          ),
      ),
    ).toContain('code:UNKNOWN_CODE');
    await ownerSql(
      `update event set ends_at = now() - interval '1 minute', starts_at = now() - interval '2 hours' where id = $1`,
      [event.id],
    );
    expect(
      reasons(await asker.request(ASK, { input: { eventId: event.id, body: 'Too late?' } })),
    ).toContain('eventId:EVENT_ENDED');
    const cancelled = await newEvent();
    const late = await guest(cancelled.code);
    await organiser.client.ok(
      `mutation($id: ID!) { cancelEvent(input: { eventId: $id }) { event { status } } }`,
      { id: cancelled.id },
    );
    expect(
      reasons(await late.request(ASK, { input: { eventId: cancelled.id, body: 'Still on?' } })),
    ).toContain('eventId:EVENT_CANCELLED');
    const written = await ownerSql(`select 1 from question where event_id = any($1)`, [
      [event.id, cancelled.id],
    ]);
    expect(written).toHaveLength(0);
    // Guests may only take part in their event: nothing else.
    expect(code(await asker.request(`query { sessions { edges { cursor } } }`))).toBe('FORBIDDEN');
  });

  it('counts 2 000 concurrent upvotes from 2 000 participants exactly', async () => {
    const event = await newEvent({ questionModeration: 'POST' });
    const asker = await guest(event.code, 'Asker');
    const question = (
      await asker.ok(ASK, { input: { eventId: event.id, body: 'Will the budget be published?' } })
    ).askQuestion.question;
    const participants: TestClient[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      participants.push(
        ...(await Promise.all(
          Array.from({ length: 100 }, (_, i) => guest(event.code, `P${batch * 100 + i}`)),
        )),
      );
    }
    const results = await Promise.all(
      participants.map((participant) => participant.request(UPVOTE, { id: question.id })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [row] = await ownerSql<{ votes: string }>(
      `select count(*) as votes from question_vote where question_id = $1`,
      [question.id],
    );
    expect(row?.votes).toBe('2000');
    // The cached count on the question catches up once the storm settles.
    const cached = async () =>
      (
        await ownerSql<{ upvote_count: number }>(
          `select upvote_count from question where id = $1`,
          [question.id],
        )
      )[0]?.upvote_count;
    const deadline = Date.now() + 5000;
    while ((await cached()) !== 2000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await cached()).toBe(2000);
    const listed = await asker.ok(QUESTIONS, { id: event.id });
    expect(listed.questions[0].upvoteCount).toBe(2000);
    // And a second storm of the same votes changes nothing.
    await Promise.all(
      participants
        .slice(0, 300)
        .map((participant) => participant.request(UPVOTE, { id: question.id })),
    );
    const [after] = await ownerSql<{ votes: string }>(
      `select count(*) as votes from question_vote where question_id = $1`,
      [question.id],
    );
    expect(after?.votes).toBe('2000');
  }, 300_000);
});

describe('polls', () => {
  it('one ballot per participant, changeable while open, with counts and percentages; closed polls refuse votes', async () => {
    const event = await newEvent();
    const poll = (
      await moderator.client.ok(
        `mutation($input: CreatePollInput!) { createPoll(input: $input) { poll { id status options { id label } } } }`,
        {
          input: {
            eventId: event.id,
            question: 'Which sector first?',
            options: ['Health', 'Land', 'Education'],
          },
        },
      )
    ).createPoll.poll;
    const voters = await Promise.all([
      guest(event.code),
      guest(event.code),
      guest(event.code),
      guest(event.code),
    ]);
    const vote = (client: TestClient, optionIds: string[]) =>
      client.request(
        `mutation($id: ID!, $o: [ID!]!) { votePoll(input: { pollId: $id, optionIds: $o }) { poll { id } } }`,
        { id: poll.id, o: optionIds },
      );
    expect(code(await vote(voters[0]!, [poll.options[0].id]))).toBe('NOT_FOUND'); // a draft is invisible to the audience
    await moderator.client.ok(
      `mutation($id: ID!) { openPoll(input: { pollId: $id }) { poll { status } } }`,
      { id: poll.id },
    );
    await vote(voters[0]!, [poll.options[0].id]);
    await vote(voters[1]!, [poll.options[1].id]);
    await vote(voters[2]!, [poll.options[1].id]);
    await vote(voters[3]!, [poll.options[0].id]);
    await vote(voters[3]!, [poll.options[1].id]); // changed mind
    expect(reasons(await vote(voters[0]!, [poll.options[0].id, poll.options[1].id]))).toContain(
      'optionIds:ONE_OPTION',
    );
    expect(reasons(await vote(voters[0]!, ['00000000-0000-4000-8000-000000000000']))).toContain(
      'optionIds:NOT_IN_POLL',
    );
    const results = await voters[0]!.ok(
      `query($id: ID!) { event(id: $id) { polls { viewerChoice results { ballots options { option { label } votes percentage } } } } }`,
      {
        id: event.id,
      },
    );
    expect(results.event.polls[0].viewerChoice).toEqual([poll.options[0].id]);
    expect(results.event.polls[0].results).toEqual({
      ballots: 4,
      options: [
        { option: { label: 'Health' }, votes: 1, percentage: 25 },
        { option: { label: 'Land' }, votes: 3, percentage: 75 },
        { option: { label: 'Education' }, votes: 0, percentage: 0 },
      ],
    });
    await moderator.client.ok(
      `mutation($id: ID!) { closePoll(input: { pollId: $id }) { poll { status } } }`,
      { id: poll.id },
    );
    expect(reasons(await vote(voters[1]!, [poll.options[2].id]))).toContain('pollId:POLL_CLOSED');
    expect(
      reasons(
        await moderator.client.request(
          `mutation($input: CreatePollInput!) { createPoll(input: $input) { poll { id } } }`,
          { input: { eventId: event.id, question: 'Q', options: ['only one'] } },
        ),
      ),
    ).toContain('options:INVALID');
  });
});
