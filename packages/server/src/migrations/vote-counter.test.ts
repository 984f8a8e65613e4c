import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../platform/database/orm.js';
import { databaseUrl } from '../test/databases.js';
import { ownerQuery, startTestServer, type TestServer } from '../test/harness.js';
import { createOrganisation, person, type Person } from '../test/tenants.js';
import { migrationsList } from './index.js';
import { Migration20261127000017VoteCounter } from './Migration20261127000017VoteCounter.js';
import { Migration20261207000190DatabaseWall } from './Migration20261207000190DatabaseWall.js';
import { features } from '../features.js';

let server: TestServer;
let organiser: Person;

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();

const ownerSql = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  ownerQuery<T>(server, sql, params);

beforeAll(async () => {
  server = await startTestServer();
  organiser = await person(server, 'Counter Organiser');
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

interface Hall {
  organisationId: string;
  spaceId: string;
  eventId: string;
  questions: string[];
  /** Guests' participant ids and the token hashes that prove them. */
  guests: Array<{ id: string; hash: string }>;
}

/** A published event with approved questions and guests, in an organisation of its own. */
async function hall(questions: number, guests: number): Promise<Hall> {
  const organisationId = (await createOrganisation(organiser, 'Counter')).id;
  const spaceId = (
    await organiser.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Hall", visibility: PUBLIC }) { space { id } } }`,
      { id: organisationId },
    )
  ).createSpace.space.id as string;
  const eventId = (
    await organiser.client.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      { input: { spaceId, title: 'Counted', startsAt: hours(-1), endsAt: hours(2) } },
    )
  ).createEvent.event.id as string;
  await organiser.client.ok(
    `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`,
    { id: eventId },
  );
  const asked = await ownerSql<{ id: string }>(
    `insert into question (id, organisation_id, space_id, event_id, participant_id, body, anonymous, status, created_at, updated_at)
     select gen_random_uuid(), e.organisation_id, e.space_id, e.id, null, 'Question ' || n, true, 'APPROVED', now(), now()
     from event e, generate_series(1, $2::int) n where e.id = $1 returning id`,
    [eventId, questions],
  );
  const joined = await ownerSql<{ id: string; hash: string }>(
    `insert into event_participant (id, organisation_id, space_id, event_id, user_id, guest_token_hash, display_name, created_at)
     select gen_random_uuid(), e.organisation_id, e.space_id, e.id, null, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), 'Guest ' || n, now()
     from event e, generate_series(1, $2::int) n where e.id = $1 returning id, guest_token_hash as hash`,
    [eventId, guests],
  );
  return {
    organisationId,
    spaceId,
    eventId,
    questions: asked.map((row) => row.id),
    guests: joined,
  };
}

interface Answer {
  seq: number;
  outcome: string;
  changed: number | null;
  votes: number | null;
  id: string | null;
  upvote_count: number | null;
}

type Vote = [question: string, upvote: boolean, hash: string | null];

/** A batch as the application casts guests' votes: one statement, as the application role. */
async function castVotes(client: pg.Client, votes: Vote[]): Promise<Answer[]> {
  const { rows } = await client.query<Answer>(
    `select seq, outcome, changed, votes, id, upvote_count
     from alany.cast_votes($1::uuid[], $2::boolean[], $3::text[]) order by seq`,
    [votes.map((v) => v[0]), votes.map((v) => v[1]), votes.map((v) => v[2])],
  );
  return rows;
}

async function appClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.db.appUrl });
  await client.connect();
  return client;
}

async function withApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await appClient();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each counter against the rows, for these questions (or all): no difference, none missing. */
async function countsOf(questions?: string[]) {
  return ownerSql<{ id: string; counter: number | null; rows: number }>(
    `select q.id, c.votes as counter, (select count(*)::int from question_vote v where v.question_id = q.id) as rows
     from question q left join question_vote_count c on c.question_id = q.id
     where $1::uuid[] is null or q.id = any ($1::uuid[]) order by q.id`,
    [questions ?? null],
  );
}

async function expectExact(questions?: string[]) {
  const counts = await countsOf(questions);
  for (const row of counts) expect(row.counter, `question ${row.id}`).toBe(row.rows);
  return new Map(counts.map((row) => [row.id, row.rows]));
}

describe('migration 17: exact vote counters', () => {
  it('answers each vote with the count of that moment, earlier votes of the batch included', async () => {
    const { questions, guests } = await hall(2, 3);
    const [q1, q2] = questions as [string, string];
    const [a, b, c] = guests.map((g) => g.hash) as [string, string, string];
    const answers = await withApp((client) =>
      castVotes(client, [
        [q1, true, a],
        [q1, true, a], // again: changes nothing
        [q2, true, a],
        [q1, true, b],
        [q1, false, a], // taken back
        [q1, false, a], // taken back again: nothing
        [q1, true, a], // and cast again
        [q1, false, c], // never cast
        [q2, true, 'f'.repeat(64)], // nobody's token
        ['00000000-0000-4000-8000-000000000000', true, a],
        [q2, true, null], // no viewer in the settings
      ]),
    );
    expect(answers.map((row) => [row.outcome, row.changed, row.votes])).toEqual([
      ['OK', 1, 1],
      ['OK', 0, 1],
      ['OK', 1, 1],
      ['OK', 1, 2],
      ['OK', 1, 1],
      ['OK', 0, 1],
      ['OK', 1, 2],
      ['OK', 0, 2],
      ['NO_PARTICIPANT', null, null],
      ['NO_QUESTION', null, null],
      ['NO_PARTICIPANT', null, null],
    ]);
    expect(answers.map((row) => row.seq)).toEqual(answers.map((_, index) => index + 1));
    for (const row of answers.filter((r) => r.outcome === 'OK'))
      expect(row.upvote_count).toBe(row.votes);
    expect(answers[8]!.id).toBeNull();
    const exact = await expectExact(questions);
    expect([exact.get(q1), exact.get(q2)]).toEqual([2, 1]);
    // A single vote (`cast_vote`) is a batch of one, under the same rule.
    const [single] = await withApp(
      async (client) =>
        (await client.query('select * from alany.cast_vote($1, false, $2)', [q1, b])).rows,
    );
    expect(single).toMatchObject({ outcome: 'OK', changed: 1, votes: 1, upvote_count: 1, id: q1 });
    await expectExact(questions);
  });

  it('counts concurrent batches exactly: every count from 1 to the total answered once', async () => {
    const { questions, guests } = await hall(3, 240);
    const clients = await Promise.all(Array.from({ length: 6 }, () => appClient()));
    try {
      // Six batches at once, each its own 40 guests voting for all three questions, interleaved.
      const batches = clients.map((_, c) =>
        guests
          .slice(c * 40, (c + 1) * 40)
          .flatMap((g) => questions.map((q): Vote => [q, true, g.hash])),
      );
      const cast = await Promise.all(clients.map((client, c) => castVotes(client, batches[c]!)));
      for (const [index, question] of questions.entries()) {
        const counts = cast
          .flatMap((answers, c) => answers.filter((_, i) => batches[c]![i]![0] === question))
          .map((row) => {
            expect(row).toMatchObject({ outcome: 'OK', changed: 1 });
            return row.votes!;
          })
          .sort((x, y) => x - y);
        expect(counts, `question ${index}`).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
      }
      // Then half of them take one vote back, at once, while the others vote again (no change).
      const second = clients.map((_, c) =>
        guests
          .slice(c * 40, (c + 1) * 40)
          .map((g, i): Vote => [questions[0]!, i % 2 === 1, g.hash]),
      );
      const taken = await Promise.all(clients.map((client, c) => castVotes(client, second[c]!)));
      const removals = taken
        .flatMap((answers, c) => answers.filter((_, i) => !second[c]![i]![1]))
        .map((row) => row.votes!)
        .sort((x, y) => x - y);
      expect(removals).toEqual(Array.from({ length: 120 }, (_, i) => 120 + i));
      const exact = await expectExact(questions);
      expect(questions.map((q) => exact.get(q))).toEqual([120, 240, 240]);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("waits for a signed-in voter's transaction and counts what it committed, not what it rolled back", async () => {
    const { eventId, questions, guests } = await hall(1, 2);
    const question = questions[0]!;
    const voter = await person(server, 'Signed-in voter');
    await ownerSql(
      `insert into event_participant (id, organisation_id, space_id, event_id, user_id, display_name, created_at)
       select gen_random_uuid(), organisation_id, space_id, id, $2, 'Voter', now() from event where id = $1`,
      [eventId, voter.id],
    );
    for (const [ending, expected] of [
      ['rollback', 1],
      ['commit', 3],
    ] as const) {
      const signedIn = await appClient();
      const batch = await appClient();
      try {
        await signedIn.query('begin');
        await signedIn.query(`select set_config('app.user_id', $1, true)`, [voter.id]);
        const [own] = (
          await signedIn.query('select * from alany.cast_vote($1, true, null)', [question])
        ).rows;
        expect(own).toMatchObject({ outcome: 'OK', changed: 1 });
        const batchPid = (await batch.query('select pg_backend_pid() as pid')).rows[0].pid;
        const guest = ending === 'rollback' ? guests[0]! : guests[1]!;
        const pending = castVotes(batch, [[question, true, guest.hash]]);
        // The batch waits on the counter's lock for the signed-in vote to end.
        let settled = false;
        void pending.finally(() => {
          settled = true;
        });
        for (;;) {
          const [activity] = await ownerSql<{ wait_event_type: string | null }>(
            'select wait_event_type from pg_stat_activity where pid = $1',
            [batchPid],
          );
          if (activity?.wait_event_type === 'Lock' || settled) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(settled, 'the batch went ahead of the open vote').toBe(false);
        await signedIn.query(ending);
        const [answer] = await pending;
        expect(answer).toMatchObject({ outcome: 'OK', changed: 1, votes: expected });
      } finally {
        await signedIn.end();
        await batch.end();
      }
    }
    await expectExact(questions);
  });

  it('keeps counts exact when votes go by cascade, or by hand', async () => {
    const first = await hall(2, 6);
    const second = await hall(2, 4);
    const everyone = [first, second];
    const voter = await person(server, 'Leaving voter');
    const [signedInParticipant] = await ownerSql<{ id: string }>(
      `insert into event_participant (id, organisation_id, space_id, event_id, user_id, display_name, created_at)
       select gen_random_uuid(), organisation_id, space_id, id, $2, 'Leaving', now() from event where id = $1 returning id`,
      [first.eventId, voter.id],
    );
    await withApp(async (client) => {
      for (const h of everyone)
        await castVotes(
          client,
          h.questions.flatMap((q) => h.guests.map((g): Vote => [q, true, g.hash])),
        );
      await client.query('begin');
      await client.query(`select set_config('app.user_id', $1, true)`, [voter.id]);
      for (const q of first.questions)
        await client.query('select * from alany.cast_vote($1, true, null)', [q]);
      await client.query('commit');
    });
    const all = everyone.flatMap((h) => h.questions);
    const [q1, q2] = first.questions as [string, string];
    expect((await expectExact(all)).get(q1)).toBe(7);

    // A guest removed from the audience takes its votes along.
    await ownerSql('delete from event_participant where id = $1', [first.guests[0]!.id]);
    expect((await expectExact(all)).get(q1)).toBe(6);
    // So does a person who deletes their account (its participant goes with it).
    await ownerSql('delete from app_user where id = $1', [voter.id]);
    const counts = await expectExact(all);
    expect([counts.get(q1), counts.get(q2)]).toEqual([5, 5]);
    expect(
      await ownerSql('select 1 from event_participant where id = $1', [signedInParticipant!.id]),
    ).toEqual([]);

    // By hand, as the owner: a vote deleted, one moved to another question, one inserted.
    const guest = first.guests[1]!.id;
    await ownerSql('delete from question_vote where question_id = $1 and participant_id = $2', [
      q2,
      guest,
    ]);
    await ownerSql(
      'update question_vote set question_id = $2 where question_id = $1 and participant_id = $3',
      [q1, q2, guest],
    );
    const moved = await expectExact(all);
    expect([moved.get(q1), moved.get(q2)]).toEqual([4, 5]);
    await ownerSql(
      `insert into question_vote (question_id, participant_id, organisation_id, space_id, event_id, created_at)
       select $1, $2, organisation_id, space_id, event_id, now() from question where id = $1`,
      [q1, guest],
    );
    expect((await expectExact(all)).get(q1)).toBe(5);
    // Truncating the votes (rolled back here) leaves every counter at zero.
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    try {
      await owner.query('begin');
      await owner.query('truncate question_vote');
      const { rows } = await owner.query<{ n: number }>(
        'select count(*)::int as n from question_vote_count where votes <> 0',
      );
      expect(rows[0]!.n).toBe(0);
      await owner.query('rollback');
    } finally {
      await owner.end();
    }

    // A deleted question takes its votes and its counter; its neighbour keeps its count.
    await ownerSql('delete from question where id = $1', [q1]);
    expect(
      await ownerSql('select 1 from question_vote_count where question_id = $1', [q1]),
    ).toEqual([]);
    expect((await expectExact(all)).get(q2)).toBe(5);
    // A deleted event, space and organisation take theirs.
    await ownerSql('delete from event where id = $1', [first.eventId]);
    const third = await hall(1, 2);
    const fourth = await hall(1, 2);
    await withApp((client) =>
      castVotes(
        client,
        [third, fourth].flatMap((h) => h.guests.map((g): Vote => [h.questions[0]!, true, g.hash])),
      ),
    );
    await ownerSql('delete from space where id = $1', [third.spaceId]);
    await ownerSql('delete from organisation where id = $1', [fourth.organisationId]);
    for (const gone of [first, third, fourth])
      expect(
        await ownerSql('select 1 from question_vote_count where question_id = any ($1::uuid[])', [
          gone.questions,
        ]),
      ).toEqual([]);
    const left = await expectExact();
    for (const q of second.questions) expect(left.get(q)).toBe(4);
  });

  it('counts a question written with triggers off from its rows, once, on its first vote', async () => {
    const { eventId, guests } = await hall(0, 3);
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    let question: string;
    try {
      // As the bench's seed writes: no trigger, so no counter; two votes written the same way.
      await owner.query('set session_replication_role = replica');
      question = (
        await owner.query<{ id: string }>(
          `insert into question (id, organisation_id, space_id, event_id, participant_id, body, anonymous, status, created_at, updated_at)
           select gen_random_uuid(), organisation_id, space_id, id, null, 'Seeded', true, 'APPROVED', now(), now()
           from event where id = $1 returning id`,
          [eventId],
        )
      ).rows[0]!.id;
      await owner.query(
        `insert into question_vote (question_id, participant_id, organisation_id, space_id, event_id, created_at)
         select q.id, p.id, q.organisation_id, q.space_id, q.event_id, now()
         from question q, event_participant p where q.id = $1 and p.id = any ($2::uuid[])`,
        [question, [guests[0]!.id, guests[1]!.id]],
      );
    } finally {
      await owner.end();
    }
    expect(await countsOf([question])).toEqual([{ id: question, counter: null, rows: 2 }]);
    // Readers count the rows meanwhile.
    await withApp(async (client) => {
      const { rows } = await client.query(
        'select alany.vote_count($1) as one, (select votes from alany.vote_counts($2::uuid[])) as many',
        [question, [question]],
      );
      expect(rows[0]).toEqual({ one: 2, many: 2 });
    });
    const answers = await withApp((client) =>
      castVotes(client, [
        [question, true, guests[2]!.hash],
        [question, false, guests[0]!.hash],
      ]),
    );
    expect(answers.map((row) => row.votes)).toEqual([3, 2]);
    await expectExact([question]);
  });

  it('the cached count, the list and the exact count read the counter', async () => {
    const { questions, guests } = await hall(2, 3);
    const [q1, q2] = questions as [string, string];
    await withApp((client) =>
      castVotes(
        client,
        guests.map((g): Vote => [q1, true, g.hash]),
      ),
    );
    // Sabotaged by hand, so that only the counter can be the answer.
    await ownerSql('update question_vote_count set votes = 42 where question_id = $1', [q1]);
    await withApp(async (client) => {
      const refreshed = await client.query('select alany.refresh_vote_count($1) as n', [q1]);
      expect(refreshed.rows[0].n).toBe(42);
      const listed = await client.query(
        'select question_id, votes from alany.vote_counts($1::uuid[]) order by votes',
        [[q1, q2, q1]],
      );
      // Only questions with votes, once each, as before.
      expect(listed.rows).toEqual([{ question_id: q1, votes: 42 }]);
      const one = await client.query('select alany.vote_count($1) as n', [q2]);
      expect(one.rows[0].n).toBe(0);
    });
    expect(
      (
        await ownerSql<{ n: number }>('select upvote_count as n from question where id = $1', [q1])
      )[0]!.n,
    ).toBe(42);
    await ownerSql('update question_vote_count set votes = 3 where question_id = $1', [q1]);
    await expectExact(questions);
  });

  it('the application role reads the counters of the questions it may see and writes none', async () => {
    const { organisationId, questions } = await hall(2, 1);
    const [approved, pending] = questions as [string, string];
    await ownerSql(`update question set status = 'PENDING' where id = $1`, [pending]);
    const visible = (client: pg.Client) =>
      client.query<{ counters: string[] | null; questions: string[] | null }>(
        `select (select array_agg(question_id order by question_id) from question_vote_count where organisation_id = $1) as counters,
                (select array_agg(id order by id) from question where organisation_id = $1) as questions`,
        [organisationId],
      );
    await withApp(async (client) => {
      await client.query('begin');
      await client.query(`select set_config('app.user_id', $1, true)`, [organiser.id]);
      // The organisation's owner sees both questions, and so both counters.
      expect((await visible(client)).rows[0]).toEqual({
        counters: [...questions].sort(),
        questions: [...questions].sort(),
      });
      for (const statement of [
        'update question_vote_count set votes = votes + 1',
        'delete from question_vote_count',
        `insert into question_vote_count (question_id, organisation_id, space_id, event_id, votes)
         select id, organisation_id, space_id, event_id, 0 from question`,
      ]) {
        await client.query('savepoint attempt');
        await expect(client.query(statement), statement).rejects.toThrow(/permission denied/);
        await client.query('rollback to savepoint attempt');
      }
      await client.query('rollback');
      // Nobody (no viewer) sees the approved question of the public space, not the pending one.
      expect((await visible(client)).rows[0]).toEqual({
        counters: [approved],
        questions: [approved],
      });
    });
  });

  it('down restores the functions and constraints as the migrations before it left them; up counts again', async () => {
    const { questions, guests } = await hall(2, 4);
    await withApp((client) =>
      castVotes(
        client,
        questions.flatMap((q, i) => guests.slice(i).map((g): Vote => [q, true, g.hash])),
      ),
    );
    const migrated = await fingerprint(server.db.ownerUrl);
    expect(migrated.some((row) => row.name === 'question_vote_count')).toBe(true);

    // The database as it was just before this migration, migrated from nothing.
    const index = migrationsList.findIndex(
      (migration) => migration.name === 'Migration20261127000017VoteCounter',
    );
    const reference = await scratchDatabase(migrationsList[index - 1]!.name);
    try {
      const before = await fingerprint(reference.url);
      expect(before.some((row) => row.name === 'question_vote_count')).toBe(false);

      await run('down');
      // What later migrations added to these tables is theirs, not this one's to take back.
      const ours = (rows: Awaited<ReturnType<typeof fingerprint>>) =>
        rows.filter((row) => !LATER_OBJECTS.includes(row.name));
      expect(ours(await fingerprint(server.db.ownerUrl))).toEqual(before);
      // The votes are all there, and the functions count them as before.
      const [q1, q2] = questions as [string, string];
      await withApp(async (client) => {
        const { rows } = await client.query(
          'select alany.vote_count($1) as a, alany.vote_count($2) as b',
          [q1, q2],
        );
        expect(rows[0]).toEqual({ a: 4, b: 3 });
        const [again] = await castVotes(client, [[q1, true, guests[0]!.hash]]);
        expect(again).toMatchObject({ outcome: 'OK', changed: 0, votes: 4 });
      });
    } finally {
      await reference.drop();
    }

    await run('up');
    expect(await fingerprint(server.db.ownerUrl)).toEqual(migrated);
    // Counted afresh from the rows, every question of the database.
    await expectExact();
    const answers = await withApp((client) =>
      castVotes(client, [
        [questions[1]!, true, guests[0]!.hash],
        [questions[0]!, false, guests[3]!.hash],
      ]),
    );
    expect(answers.map((row) => row.votes)).toEqual([4, 3]);
    await expectExact();
  });
});

/**
 * Runs this migration's statements in one transaction, as the migrator would; up is followed by
 * the later migration that sets every security-definer function's search path, as in the
 * migrated database.
 */
/** Objects on `question` from migrations after this one (000330: the asker's name). */
const LATER_OBJECTS = ['question.question_anonymous_unnamed', 'question.question_author_name'];

async function run(direction: 'up' | 'down') {
  const { orm } = server.alany;
  const migrations = [new Migration20261127000017VoteCounter(orm.em.getDriver(), orm.config)];
  if (direction === 'up')
    migrations.push(new Migration20261207000190DatabaseWall(orm.em.getDriver(), orm.config));
  for (const migration of migrations) await migration[direction]();
  const owner = new pg.Client({ connectionString: server.db.ownerUrl });
  await owner.connect();
  try {
    await owner.query('begin');
    for (const migration of migrations)
      for (const statement of migration.getQueries()) await owner.query(String(statement));
    await owner.query('commit');
  } finally {
    await owner.end();
  }
}

/** A new database migrated up to `to`, dropped by `drop`. */
async function scratchDatabase(to: string) {
  const serverUrl = inject('ownerUrl');
  const name = `alany_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = databaseUrl(serverUrl, name);
  try {
    await migrate(features, url, to);
  } catch (error) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    throw error;
  }
  return {
    url,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * What this migration changes, as the catalogue describes it: the vote functions (definition
 * and grants), the constraints, indexes and triggers of questions and votes, the counter table
 * and the privileges on the vote tables.
 */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; name: string; definition: string }>(`
      select 'function' as kind, p.oid::regprocedure::text as name,
             pg_get_functiondef(p.oid) || coalesce(p.proacl::text, '') as definition
      from pg_proc p
      where p.pronamespace = 'alany'::regnamespace and p.proname = any (array[
        'cast_vote', 'cast_votes', 'vote_count', 'vote_counts', 'refresh_vote_count',
        'keep_vote_counts', 'start_vote_counts'])
      union all
      select 'constraint', c.conrelid::regclass::text || '.' || c.conname, pg_get_constraintdef(c.oid)
      from pg_constraint c where c.conrelid in ('question'::regclass, 'question_vote'::regclass)
      union all
      select 'index', i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
      from pg_index i where i.indrelid in ('question'::regclass, 'question_vote'::regclass)
      union all
      select 'trigger', t.tgrelid::regclass::text || '.' || t.tgname, pg_get_triggerdef(t.oid)
      from pg_trigger t
      where not t.tgisinternal and t.tgrelid in ('question'::regclass, 'question_vote'::regclass)
      union all
      select 'table', c.relname, coalesce(c.relacl::text, '') || ' ' || c.relrowsecurity || c.relforcerowsecurity
      from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relname in ('question', 'question_vote', 'question_vote_count')
      union all
      select 'policy', p.tablename || '.' || p.policyname, p.cmd || ' ' || coalesce(p.qual, '') || ' ' || coalesce(p.with_check, '')
      from pg_policies p where p.tablename in ('question', 'question_vote', 'question_vote_count')
      order by 1, 2`);
    return rows;
  } finally {
    await client.end();
  }
}
