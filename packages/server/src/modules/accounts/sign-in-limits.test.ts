import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  code,
  newAccount,
  reasons,
  SIGN_UP,
  signedUpClient,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from '../../test/harness.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
      }
    }
  }
`;

let server: TestServer;
const trustProxy = process.env.TRUST_PROXY;
beforeAll(async () => {
  // Each client below has its own address, as seen through a proxy.
  process.env.TRUST_PROXY = 'true';
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
});

let addresses = 0;
/** A client with an address of its own. */
const clientAt = (address = `198.51.100.${(addresses += 1)}`) =>
  server.client({ 'x-forwarded-for': address });

const signIn = (client: ReturnType<typeof clientAt>, email: string, password: string) =>
  client.request(SIGN_IN, { input: { email, password } });

function expectRefused(result: GraphQLResponse) {
  expect(code(result)).toBe('RATE_LIMITED');
  const retryAfter = result.errors?.[0]?.extensions?.retryAfter as number;
  expect(retryAfter).toBeGreaterThan(0);
  // The whole request was refused: HTTP says so too.
  expect(result.status).toBe(429);
  expect(Number(result.headers.get('retry-after'))).toBe(retryAfter);
  expect(result.headers.getSetCookie()).toHaveLength(0);
}

it('locks out the client that guessed, never the owner on another client', async () => {
  const { input } = await signedUpClient(server);
  const attacker = clientAt();
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const result = await signIn(attacker, input.email, 'wrong password');
    if (attempt <= 10) expect(reasons(result)).toEqual(['password:WRONG_CREDENTIALS']);
    else expectRefused(result);
  }
  // Even the right password is refused on the attacker's client until the window passes…
  expectRefused(await signIn(attacker, input.email, input.password));
  // …while the owner signs in at once from their own.
  const owner = clientAt();
  const result = await signIn(owner, input.email, input.password);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  expect(owner.cookie).toBeDefined();
});

it('slows down many clients guessing one account, and lets its owner in', async () => {
  const { input } = await signedUpClient(server);
  const guessers = Array.from({ length: 100 }, () => clientAt());
  for (const guesser of guessers) {
    expect(reasons(await signIn(guesser, input.email, 'wrong password'))).toEqual([
      'password:WRONG_CREDENTIALS',
    ]);
  }
  // The account's budget is spent: a client that failed on it waits, whatever it sends…
  expectRefused(await signIn(guessers[0]!, input.email, 'another guess'));
  expectRefused(await signIn(guessers[1]!, input.email, input.password));
  // …a new client gets one try…
  const newcomer = clientAt();
  expect(reasons(await signIn(newcomer, input.email, 'yet another guess'))).toEqual([
    'password:WRONG_CREDENTIALS',
  ]);
  expectRefused(await signIn(newcomer, input.email, 'and another'));
  // …and the owner, from their own client, signs in.
  const owner = clientAt();
  expect((await signIn(owner, input.email, input.password)).errors).toBeUndefined();
});

it('limits sign-in attempts per client across accounts', async () => {
  const client = clientAt();
  let limitedAt = -1;
  for (let attempt = 0; attempt < 60 && limitedAt < 0; attempt += 1) {
    const result = await signIn(client, `guess${attempt}@example.kz`, 'wrong password');
    if (code(result) === 'RATE_LIMITED') {
      limitedAt = attempt;
      expectRefused(result);
    }
  }
  expect(limitedAt).toBe(50);
});

it('counts every aliased signIn of a request as an attempt', async () => {
  const { input } = await signedUpClient(server);
  const client = clientAt();
  const aliases = Array.from(
    { length: 12 },
    (_, n) => `a${n}: signIn(input: { email: $email, password: "wrong ${n}" }) { user { id } }`,
  ).join('\n');
  const result = await client.request(`mutation($email: String!) { ${aliases} }`, {
    email: input.email,
  });
  expect(code(result)).toBe('BAD_USER_INPUT');
  // Each alias was an attempt: ten failures lock this client out of the account at once…
  expectRefused(await signIn(client, input.email, input.password));
  // …and only this client.
  expect((await signIn(clientAt(), input.email, input.password)).errors).toBeUndefined();
});

it('refuses a flood of sign-ups from one client', async () => {
  const client = clientAt();
  for (let n = 0; n < 30; n += 1) {
    expect((await client.request(SIGN_UP, { input: newAccount() })).errors).toBeUndefined();
  }
  expectRefused(await client.request(SIGN_UP, { input: newAccount() }));
  // Another address signs up as usual.
  expect((await clientAt().request(SIGN_UP, { input: newAccount() })).errors).toBeUndefined();
});

it('counts every aliased signUp of a request', async () => {
  const client = clientAt();
  for (let n = 0; n < 20; n += 1) {
    expect((await client.request(SIGN_UP, { input: newAccount() })).errors).toBeUndefined();
  }
  // 15 aliases: as many as the document limits allow.
  const names = Array.from({ length: 15 }, (_, n) => `a${n}`);
  const result = await client.request(
    `mutation(${names.map((name) => `$${name}: SignUpInput!`).join(', ')}) {
      ${names.map((name) => `${name}: signUp(input: $${name}) { user { id } }`).join('\n')}
    }`,
    Object.fromEntries(names.map((name) => [name, newAccount()])),
  );
  // The eleventh alias is the thirty-first sign-up from this address.
  expect(code(result)).toBe('RATE_LIMITED');
  expect(result.errors?.[0]?.path).toEqual(['a10']);
  expect(result.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
});
