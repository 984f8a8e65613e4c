import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedUpClient, startTestServer, type TestServer } from '../../test/harness.js';

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
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

it('limits sign-in attempts per e-mail address, with a retry-after', async () => {
  const { input } = await signedUpClient(server);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const result = await server
      .client()
      .request(SIGN_IN, { input: { email: input.email, password: 'wrong password' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
  // Even the right password is refused until the window passes.
  const limited = await server
    .client()
    .request(SIGN_IN, { input: { email: input.email, password: input.password } });
  expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
  expect(limited.headers.getSetCookie()).toHaveLength(0);
});

it('limits sign-in attempts per client across e-mail addresses', async () => {
  let limitedAt = -1;
  for (let attempt = 0; attempt < 60 && limitedAt < 0; attempt += 1) {
    const result = await server.client().request(SIGN_IN, {
      input: { email: `guess${attempt}@example.kz`, password: 'wrong password' },
    });
    if (result.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limitedAt = attempt;
  }
  // The first test spent 11 of this client's 50 attempts.
  expect(limitedAt).toBe(50 - 11);
});
