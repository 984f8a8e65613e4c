import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newAccount,
  SIGN_UP,
  signedUpClient,
  startTestServer,
  type TestServer,
} from '../../test/harness.js';

const VIEWER = /* GraphQL */ `
  query {
    viewer {
      id
      email
      displayName
      locale
    }
  }
`;
const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
        email
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

function fieldsOf(error: { extensions?: Record<string, unknown> } | undefined) {
  return (error?.extensions?.fields as Array<{ field: string; reason: string }> | undefined) ?? [];
}

describe('sign-up', () => {
  it('creates the account, signs in with an httpOnly SameSite=Lax cookie and answers viewer', async () => {
    const client = server.client();
    const input = newAccount({ email: '  Aigerim.Test@Example.KZ ', locale: 'kk' });
    const result = await client.request(SIGN_UP, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp.user).toMatchObject({
      email: 'aigerim.test@example.kz',
      displayName: input.displayName,
      locale: 'kk',
    });
    const cookie = result.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/alany_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // only in production

    const viewer = await client.ok(VIEWER);
    expect(viewer.viewer.email).toBe('aigerim.test@example.kz');
  });

  it('stores the password as an argon2id hash and the session token only hashed', async () => {
    const { client, input, user } = await signedUpClient(server);
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query('select password_hash from app_user where id = $1', [
        user.id,
      ]);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0].password_hash).not.toContain(input.password);
      const secret = client.cookie!.split('=')[1]!;
      const sessions = await owner.query('select token_hash from user_session where user_id = $1', [
        user.id,
      ]);
      expect(sessions.rows).toHaveLength(1);
      expect(sessions.rows[0].token_hash).not.toBe(secret);
      expect(sessions.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await owner.end();
    }
  });

  it.each([
    ['an invalid e-mail', { email: 'not-an-email' }, 'email', 'INVALID_EMAIL'],
    [
      'a password under 10 characters',
      { password: 'short9char'.slice(0, 9) },
      'password',
      'TOO_SHORT',
    ],
    ['an over-long e-mail', { email: `${'a'.repeat(250)}@example.kz` }, 'email', 'TOO_LONG'],
    ['an over-long display name', { displayName: 'x'.repeat(81) }, 'displayName', 'INVALID_LENGTH'],
    ['an empty display name', { displayName: '' }, 'displayName', 'INVALID_LENGTH'],
    ['a blank display name', { displayName: '   ' }, 'displayName', 'REQUIRED'],
    ['an over-long password', { password: 'p'.repeat(257) }, 'password', 'TOO_LONG'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, overrides, field, reason) => {
    const input = newAccount(overrides);
    const result = await server.client().request(SIGN_UP, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(result.errors?.[0])).toContainEqual(expect.objectContaining({ field, reason }));
    expect(result.headers.getSetCookie()).toHaveLength(0);
  });

  it('reports every bad field at once', async () => {
    const input = newAccount({ email: 'nope', password: 'short' });
    const result = await server.client().request(SIGN_UP, { input });
    const fields = fieldsOf(result.errors?.[0]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses an unknown locale', async () => {
    const result = await server.client().request(SIGN_UP, { input: newAccount({ locale: 'de' }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a duplicate e-mail, whatever its case', async () => {
    const { input } = await signedUpClient(server);
    const again = newAccount({ email: input.email.toUpperCase() });
    const result = await server.client().request(SIGN_UP, { input: again });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(result.errors?.[0])).toContainEqual(
      expect.objectContaining({ field: 'email', reason: 'EMAIL_TAKEN' }),
    );
  });

  it('leaves no partial account behind when a later step of sign-up fails', async () => {
    // Sabotage the session insert, which runs after the user row is written.
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    await owner.query(`
      create function refuse_session() returns trigger language plpgsql as $$
      begin raise exception 'session store unavailable'; end $$;
      create trigger refuse_session before insert on user_session
        for each row execute function refuse_session();`);
    try {
      const input = newAccount();
      const result = await server.client().request(SIGN_UP, { input });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      // No SQL or stack trace reaches the client.
      expect(JSON.stringify(result.errors)).not.toMatch(/session store unavailable|insert|stack/i);
      expect(result.headers.getSetCookie()).toHaveLength(0);
      const { rowCount } = await owner.query('select 1 from app_user where email = $1', [
        input.email,
      ]);
      expect(rowCount).toBe(0);
    } finally {
      await owner.query(
        'drop trigger refuse_session on user_session; drop function refuse_session();',
      );
      await owner.end();
    }
  });

  it('two concurrent sign-ups with one e-mail create one account', async () => {
    const input = newAccount();
    const results = await Promise.all([
      server.client().request(SIGN_UP, { input }),
      server.client().request(SIGN_UP, { input: { ...input, email: input.email.toUpperCase() } }),
    ]);
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    const failed = results.find((r) => r.errors);
    expect(failed?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the session cookie, then signs out', async () => {
    const { input } = await signedUpClient(server);
    const client = server.client();
    expect((await client.ok(VIEWER)).viewer).toBeNull();

    await client.ok(SIGN_IN, {
      input: { email: input.email.toUpperCase(), password: input.password },
    });
    expect((await client.ok(VIEWER)).viewer.email).toBe(input.email);

    const cookieBefore = client.cookie;
    const out = await client.ok(`mutation { signOut { signedOut } }`);
    expect(out.signOut.signedOut).toBe(true);
    expect(client.cookie).toBeUndefined();
    expect((await client.ok(VIEWER)).viewer).toBeNull();

    // The old cookie no longer works, even if someone kept it.
    const replay = server.client({ cookie: cookieBefore! });
    expect((await replay.ok(VIEWER)).viewer).toBeNull();
  });

  it('gives the same error for a wrong password and an unknown e-mail', async () => {
    const { input } = await signedUpClient(server);
    const wrongPassword = await server
      .client()
      .request(SIGN_IN, { input: { email: input.email, password: 'not the password' } });
    const unknownEmail = await server
      .client()
      .request(SIGN_IN, { input: { email: 'nobody@example.kz', password: 'not the password' } });
    expect(wrongPassword.errors?.[0]).toEqual(unknownEmail.errors?.[0]);
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongPassword.headers.getSetCookie()).toHaveLength(0);
  });

  it("signs a WebSocket in by cookie only when it comes from Alany's own pages", async () => {
    const client = server.client();
    await client.ok(SIGN_UP, { input: newAccount() });
    const cookie = client.cookie!;
    const viewerOverSocket = async (origin?: string) => {
      const socket = createClient({
        url: server.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { cookie, ...(origin ? { origin } : {}) } });
          }
        },
        retryAttempts: 0,
      });
      try {
        const result = await new Promise<{ data?: { viewer: { email: string } | null } | null }>(
          (resolve, reject) => {
            let answer: { data?: { viewer: { email: string } | null } | null } = {};
            socket.subscribe(
              { query: VIEWER },
              {
                next: (value) => (answer = value as typeof answer),
                error: reject,
                complete: () => resolve(answer),
              },
            );
          },
        );
        return result.data?.viewer?.email ?? null;
      } finally {
        await socket.dispose();
      }
    };
    const email = (await client.ok(VIEWER)).viewer.email;
    expect(await viewerOverSocket()).toBe(email);
    expect(await viewerOverSocket(new URL(server.url).origin)).toBe(email);
    // Another site's page: the socket connects, but as nobody.
    expect(await viewerOverSocket('https://elsewhere.example')).toBeNull();
    expect(await viewerOverSocket('null')).toBeNull();
  });

  it('accepts the session secret as a bearer token too', async () => {
    const { client, input } = await signedUpClient(server);
    const secret = client.cookie!.split('=')[1]!;
    const bearer = server.client({ authorization: `Bearer ${secret}` });
    expect((await bearer.ok(VIEWER)).viewer.email).toBe(input.email);
  });
});

describe('profile, password and sessions', () => {
  it('updates the display name and locale, refusing bad values', async () => {
    const { client } = await signedUpClient(server);
    const updated = await client.ok(
      `mutation { updateProfile(input: { displayName: "  Dana   Sadykova ", locale: ru }) { user { displayName locale } } }`,
    );
    expect(updated.updateProfile.user).toEqual({ displayName: 'Dana Sadykova', locale: 'ru' });
    const bad = await client.request(
      `mutation { updateProfile(input: { displayName: "${'x'.repeat(81)}" }) { user { id } } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('changes the password, which signs out every other session', async () => {
    const { client, input } = await signedUpClient(server);
    const laptop = server.client();
    await laptop.ok(SIGN_IN, { input: { email: input.email, password: input.password } });

    const wrong = await client.request(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`,
      { input: { currentPassword: 'wrong password!', newPassword: 'a brand new password' } },
    );
    expect(fieldsOf(wrong.errors?.[0])).toContainEqual(
      expect.objectContaining({ field: 'currentPassword', reason: 'WRONG_PASSWORD' }),
    );
    const tooShort = await client.request(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`,
      { input: { currentPassword: input.password, newPassword: 'short' } },
    );
    expect(fieldsOf(tooShort.errors?.[0])).toContainEqual(
      expect.objectContaining({ field: 'newPassword' }),
    );

    await client.ok(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`,
      { input: { currentPassword: input.password, newPassword: 'a brand new password' } },
    );
    expect((await client.ok(VIEWER)).viewer).not.toBeNull();
    expect((await laptop.ok(VIEWER)).viewer).toBeNull();
    const old = await server
      .client()
      .request(SIGN_IN, { input: { email: input.email, password: input.password } });
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await server
      .client()
      .ok(SIGN_IN, { input: { email: input.email, password: 'a brand new password' } });
  });

  it('lists the sessions and revokes one; another person cannot revoke it', async () => {
    const { client, input } = await signedUpClient(server);
    const phone = server.client({ 'user-agent': 'PhoneBrowser/1.0' });
    await phone.ok(SIGN_IN, { input: { email: input.email, password: input.password } });

    const listed = await client.ok(
      `query { sessions(first: 10) { edges { node { id current userAgent } } pageInfo { hasNextPage } } }`,
    );
    const nodes = listed.sessions.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(2);
    const phoneSession = nodes.find((n: { current: boolean }) => !n.current);
    expect(phoneSession.userAgent).toBe('PhoneBrowser/1.0');

    const stranger = (await signedUpClient(server)).client;
    const denied = await stranger.request(
      `mutation($id: ID!) { revokeSession(input: { id: $id }) { revokedSessionId } }`,
      { id: phoneSession.id },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await phone.ok(VIEWER)).viewer).not.toBeNull();

    await client.ok(
      `mutation($id: ID!) { revokeSession(input: { id: $id }) { revokedSessionId } }`,
      {
        id: phoneSession.id,
      },
    );
    expect((await phone.ok(VIEWER)).viewer).toBeNull();
    const unknown = await client.request(
      `mutation { revokeSession(input: { id: "00000000-0000-4000-8000-000000000000" }) { revokedSessionId } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages sessions with cursors', async () => {
    const { client, input } = await signedUpClient(server);
    for (let i = 0; i < 2; i += 1) {
      await server
        .client()
        .ok(SIGN_IN, { input: { email: input.email, password: input.password } });
    }
    const first = await client.ok(
      `query { sessions(first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.sessions.edges).toHaveLength(2);
    expect(first.sessions.pageInfo.hasNextPage).toBe(true);
    const second = await client.ok(
      `query($after: String) { sessions(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      { after: first.sessions.pageInfo.endCursor },
    );
    expect(second.sessions.edges).toHaveLength(1);
    expect(second.sessions.pageInfo.hasNextPage).toBe(false);
    const badCursor = await client.request(
      `query { sessions(after: "garbage") { edges { cursor } } }`,
    );
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await client.request(`query { sessions(first: 1000) { edges { cursor } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses signed-in operations to anonymous callers with UNAUTHENTICATED', async () => {
    const anonymous = server.client();
    for (const query of [
      `query { sessions { edges { cursor } } }`,
      `mutation { updateProfile(input: { locale: en }) { user { id } } }`,
      `mutation { changePassword(input: { currentPassword: "x", newPassword: "yyyyyyyyyyyy" }) { user { id } } }`,
      `mutation { revokeSession(input: { id: "00000000-0000-4000-8000-000000000000" }) { revokedSessionId } }`,
    ]) {
      const result = await anonymous.request(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
    }
  });
});
