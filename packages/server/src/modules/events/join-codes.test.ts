import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { code, reasons, startTestServer, type TestServer } from '../../test/harness.js';
import { createOrganisation, person } from '../../test/tenants.js';

let server: TestServer;
let eventId: string;
let joinCode: string;
const trustProxy = process.env.TRUST_PROXY;

const hours = (n: number) => new Date(Date.now() + n * 3600_000).toISOString();
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A well-formed code that is not the event's. */
function wrongCode(): string {
  for (;;) {
    const guess = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (guess !== joinCode) return guess;
  }
}

const clientAt = (address: string, headers: Record<string, string> = {}) =>
  server.client({ 'x-forwarded-for': address, ...headers });

const BY_CODE = `query($c: String!) { eventByCode(code: $c) { id title status } }`;
const JOIN = `mutation($c: String!, $n: String!) { joinEvent(input: { code: $c, displayName: $n }) { guestToken participant { id } } }`;

beforeAll(async () => {
  // Each client below has its own address, as seen through a proxy.
  process.env.TRUST_PROXY = 'true';
  server = await startTestServer();
  const organiser = await person(server, 'Organiser');
  const organisation = await createOrganisation(organiser, 'Hall');
  // A private space: only the code lets outsiders in.
  const spaceId = (
    await organiser.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Members only", visibility: ORGANISATION }) { space { id } } }`,
      { id: organisation.id },
    )
  ).createSpace.space.id;
  eventId = (
    await organiser.client.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      {
        input: {
          spaceId,
          title: 'Annual meeting',
          startsAt: hours(-1),
          endsAt: hours(3),
          location: 'Hall 2',
          onlineUrl: 'https://meet.example.kz/secret-room',
        },
      },
    )
  ).createEvent.event.id;
  joinCode = (
    await organiser.client.ok(
      `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code } } }`,
      { id: eventId },
    )
  ).publishEvent.event.code;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
});

it('shows the holder of a code only what tells them it is the right event', async () => {
  const client = clientAt('192.0.2.1');
  expect((await client.ok(BY_CODE, { c: joinCode.toLowerCase() })).eventByCode).toEqual({
    id: eventId,
    title: 'Annual meeting',
    status: 'PUBLISHED',
  });
  // The place, the link and the rest come once joined.
  const asked = await client.request(`query($c: String!) { eventByCode(code: $c) { onlineUrl } }`, {
    c: joinCode,
  });
  expect(code(asked)).toBe('GRAPHQL_VALIDATION_FAILED');
  const joined = await client.ok(JOIN, { c: joinCode, n: 'Aigerim' });
  const guest = clientAt('192.0.2.1', {
    authorization: `Bearer ${joined.joinEvent.guestToken}`,
  });
  const audience = await guest.ok(
    `query($id: ID!) { event(id: $id) { id onlineUrl allowAnonymousQuestions viewerCan { ask } polls { id } } }`,
    { id: eventId },
  );
  expect(audience.event).toMatchObject({
    id: eventId,
    onlineUrl: 'https://meet.example.kz/secret-room',
    viewerCan: { ask: true },
  });
});

it('refuses a guesser well before 300 misses, the whole request with 429', async () => {
  const guesser = clientAt('203.0.113.66');
  let misses = 0;
  let refused: Awaited<ReturnType<typeof guesser.request>> | undefined;
  while (!refused && misses < 300) {
    // Ten guesses a request (as many as the document limits let one field repeat): each aliased
    // look-up counts.
    const guesses = Array.from({ length: 10 }, () => wrongCode());
    const result = await guesser.request(
      `query { ${guesses.map((guess, n) => `g${n}: eventByCode(code: "${guess}") { id }`).join(' ')} }`,
    );
    const answered = Object.values(result.data ?? {}).filter((value) => value === null).length;
    const limited = (result.errors ?? []).filter((e) => e.extensions?.code === 'RATE_LIMITED');
    misses += answered - limited.length;
    if (limited.length) refused = result;
  }
  expect(refused).toBeDefined();
  // A hundred misses, and at most the look-ups of the request that crossed the line.
  expect(misses).toBeGreaterThanOrEqual(100);
  expect(misses).toBeLessThan(110);
  expect(refused!.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
  // Now every look-up is refused, the right code too: the request as a whole gets 429.
  const again = await guesser.request(BY_CODE, { c: joinCode });
  expect(code(again)).toBe('RATE_LIMITED');
  expect(again.status).toBe(429);
  expect(Number(again.headers.get('retry-after'))).toBe(again.errors?.[0]?.extensions?.retryAfter);
  // A request that also asked for something else keeps its 200 and its other answers.
  const partial = await guesser.request(
    `query($c: String!) { __typename eventByCode(code: $c) { id } }`,
    { c: joinCode },
  );
  expect(partial.status).toBe(200);
  expect(partial.data?.__typename).toBe('Query');
  expect(code(partial)).toBe('RATE_LIMITED');
  // Joining is the same look-up.
  expect(code(await guesser.request(JOIN, { c: joinCode, n: 'Spy' }))).toBe('RATE_LIMITED');
});

it('lets a burst of concurrent guesses overrun the budget by no more than the look-ups in flight', async () => {
  const guesser = clientAt('203.0.113.68');
  // 400 guesses at once: forty requests of ten aliases.
  const results = await Promise.all(
    Array.from({ length: 40 }, () =>
      guesser.request(
        `query { ${Array.from({ length: 10 }, (_, n) => `g${n}: eventByCode(code: "${wrongCode()}") { id }`).join(' ')} }`,
      ),
    ),
  );
  let misses = 0;
  let refused = 0;
  for (const result of results) {
    const limited = (result.errors ?? []).filter((e) => e.extensions?.code === 'RATE_LIMITED');
    refused += limited.length;
    misses += Object.values(result.data ?? {}).filter((value) => value === null).length;
    misses -= limited.length;
  }
  expect(misses + refused).toBe(400);
  expect(misses).toBeGreaterThanOrEqual(100);
  expect(misses).toBeLessThanOrEqual(200);
});

it('counts codes that joinEvent does not find against the same budget', async () => {
  const guesser = clientAt('203.0.113.67');
  let misses = 0;
  for (;;) {
    const result = await guesser.request(JOIN, { c: wrongCode(), n: 'Spy' });
    if (code(result) === 'RATE_LIMITED') break;
    expect(reasons(result)).toEqual(['code:UNKNOWN_CODE']);
    misses += 1;
    if (misses > 300) throw new Error('never refused');
  }
  expect(misses).toBe(100);
});

it('lets 2 000 guests on one address join, typos included, while a guesser is refused', async () => {
  const hall = '192.0.2.200';
  let joined = 0;
  const failures: unknown[] = [];
  let next = 0;
  // A hundred phones at a time (as many look-ups in flight as the budget holds); one in fifty
  // mistypes the code first.
  const phone = async () => {
    for (let g = next++; g < 2000; g = next++) {
      const client = clientAt(hall);
      if (g % 50 === 0) {
        const typo = await client.request(BY_CODE, { c: wrongCode() });
        if (typo.errors || typo.data?.eventByCode !== null) failures.push(typo);
      }
      const found = await client.request(BY_CODE, { c: joinCode });
      if (found.errors || found.data?.eventByCode?.id !== eventId) failures.push(found);
      const result = await client.request(JOIN, { c: joinCode, n: `Guest ${g}` });
      if (result.errors || !result.data?.joinEvent.guestToken) failures.push(result);
      else joined += 1;
    }
  };
  const guesser = clientAt('203.0.113.99');
  const guessing = (async () => {
    for (let n = 0; n < 300; n += 1) {
      const result = await guesser.request(BY_CODE, { c: wrongCode() });
      if (code(result) === 'RATE_LIMITED') return n;
    }
    return 300;
  })();
  await Promise.all(Array.from({ length: 100 }, phone));
  expect(failures.slice(0, 3)).toEqual([]);
  expect(joined).toBe(2000);
  expect(await guessing).toBe(100);
}, 600_000);
