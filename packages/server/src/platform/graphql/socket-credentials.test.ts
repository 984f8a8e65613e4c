import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  code,
  ownerQuery,
  signedUpClient,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../../test/harness.js';
import { createOrganisation, person } from '../../test/tenants.js';

interface Answer {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read shapes freely
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * One graphql-transport-ws connection spoken by hand, so that a test sees exactly what the
 * server sends: each operation's answer, and the close code and reason.
 */
class Socket {
  private nextId = 0;
  private readonly waiting = new Map<string, (answer: Answer) => void>();
  readonly frames: Array<{ id?: string; type: string; payload?: unknown }> = [];
  closeEvent: { code: number; reason: string } | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => {
      ws.on('close', (closeCode, reason) => {
        this.closeEvent = { code: closeCode, reason: reason.toString() };
        for (const settle of this.waiting.values()) settle({ errors: [{ message: 'closed' }] });
        this.waiting.clear();
        resolve(this.closeEvent);
      });
    });
    ws.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as {
        id?: string;
        type: string;
        payload?: unknown;
      };
      this.frames.push(message);
      const settle = message.id ? this.waiting.get(message.id) : undefined;
      if (!settle || !message.id) return;
      if (message.type === 'next') {
        this.waiting.delete(message.id);
        settle(message.payload as Answer);
      } else if (message.type === 'error') {
        this.waiting.delete(message.id);
        settle({ errors: message.payload as Answer['errors'] });
      }
    });
  }

  /** Opens and initialises a connection; resolves once acknowledged or closed. */
  static async open(
    server: TestServer,
    credentials: { cookie?: string | undefined; token?: string } = {},
  ): Promise<Socket> {
    const ws = new WebSocket(server.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      headers: credentials.cookie ? { cookie: credentials.cookie } : {},
    });
    const socket = new Socket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () => resolve());
    });
    const acknowledged = new Promise<void>((resolve) => {
      ws.on('message', (raw: Buffer) => {
        if ((JSON.parse(raw.toString()) as { type: string }).type === 'connection_ack') resolve();
      });
      void socket.closed.then(() => resolve());
    });
    ws.send(
      JSON.stringify({
        type: 'connection_init',
        payload: credentials.token ? { authorization: `Bearer ${credentials.token}` } : {},
      }),
    );
    await acknowledged;
    return socket;
  }

  /** Sends an operation; resolves with its first answer (or `closed` when the socket closes). */
  request(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    if (this.closeEvent) return Promise.resolve({ errors: [{ message: 'closed' }] });
    const id = String((this.nextId += 1));
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    });
  }

  /** Starts a subscription and leaves it running; its id, to complete it. */
  subscribe(query: string): { id: string; answer: Promise<Answer> } {
    const id = String((this.nextId += 1));
    const answer = new Promise<Answer>((resolve) => this.waiting.set(id, resolve));
    this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
    return { id, answer };
  }

  complete(id: string): void {
    this.waiting.delete(id);
    this.ws.send(JSON.stringify({ id, type: 'complete' }));
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.terminate();
  }
}

const VIEWER = `query { viewer { id } }`;
const MEMBERS = `query($id: ID!) { members(organisationId: $id, first: 1) { edges { cursor } } }`;
const TICKS = `subscription { serverTimeTicked }`;

/** Closed within `ms`, with this code; the close event. */
async function closedWithin(socket: Socket, ms = 1000) {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
  return Promise.race([socket.closed, timeout]);
}

async function apiToken(owner: { client: TestClient }, organisationId: string, expiresAt?: Date) {
  const created = await owner.client.ok(
    `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id } secret } }`,
    { input: { organisationId, name: 'Dashboard', scopes: ['READ'], expiresAt } },
  );
  return {
    id: created.createApiToken.apiToken.id as string,
    secret: created.createApiToken.secret as string,
  };
}

async function signIn(server: TestServer, email: string, password: string): Promise<TestClient> {
  const client = server.client();
  await client.ok(`mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`, {
    input: { email, password },
  });
  return client;
}

describe('a socket acts as its credential is now', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('signing out closes the sockets opened with that session; the next operation fails', async () => {
    const { client, user } = await signedUpClient(server);
    const socket = await Socket.open(server, { cookie: client.cookie });
    expect((await socket.request(VIEWER)).data?.viewer?.id).toBe(user.id);

    await client.ok(`mutation { signOut { signedOut } }`);
    const next = await socket.request(VIEWER);
    expect(next.data?.viewer?.id).toBeUndefined();
    expect(await closedWithin(socket)).toEqual({ code: 4403, reason: 'Credential revoked' });
  });

  it('signing out over the socket itself answers, then closes the socket', async () => {
    const { client } = await signedUpClient(server);
    const socket = await Socket.open(server, { cookie: client.cookie });
    const answer = await socket.request(`mutation { signOut { signedOut } }`);
    expect(answer.data?.signOut).toEqual({ signedOut: true });
    expect(await closedWithin(socket)).toEqual({ code: 4403, reason: 'Credential revoked' });
    // The session is over for HTTP too.
    expect((await client.ok(VIEWER)).viewer).toBeNull();
  });

  it('revoking a session from another device closes its sockets, and only those', async () => {
    const { client: laptop, input } = await signedUpClient(server);
    const phone = await signIn(server, input.email, input.password);
    const phoneSocket = await Socket.open(server, { cookie: phone.cookie });
    const laptopSocket = await Socket.open(server, { cookie: laptop.cookie });
    const sessions = await laptop.ok(
      `query { sessions(first: 10) { edges { node { id current } } } }`,
    );
    const phoneSession = sessions.sessions.edges
      .map((edge: { node: { id: string; current: boolean } }) => edge.node)
      .find((node: { current: boolean }) => !node.current);

    await laptop.ok(
      `mutation($id: ID!) { revokeSession(input: { id: $id }) { revokedSessionId } }`,
      {
        id: phoneSession.id,
      },
    );
    expect((await phoneSocket.request(VIEWER)).data?.viewer?.id).toBeUndefined();
    expect((await closedWithin(phoneSocket))?.code).toBe(4403);
    // The laptop's own socket still acts as the person.
    expect((await laptopSocket.request(VIEWER)).data?.viewer?.id).toBeDefined();
    laptopSocket.close();
  });

  it('changing the password closes every other session’s sockets, not the changer’s', async () => {
    const owner = await person(server, 'Changer');
    const organisation = await createOrganisation(owner, 'Changer');
    const stolen = await signIn(server, owner.email, owner.password);
    const stolenSocket = await Socket.open(server, { cookie: stolen.cookie });
    const ownSocket = await Socket.open(server, { cookie: owner.client.cookie });
    const mint = `mutation($id: ID!) { createApiToken(input: { organisationId: $id, name: "Mine" }) { secret } }`;
    // Whoever holds the other session can even mint API tokens over its socket…
    expect(
      (await stolenSocket.request(mint, { id: organisation.id })).data?.createApiToken,
    ).toBeTruthy();

    await owner.client.ok(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }`,
      { input: { currentPassword: owner.password, newPassword: 'a brand new passphrase' } },
    );
    // …until the password changes.
    const next = await stolenSocket.request(mint, { id: organisation.id });
    expect(next.data?.createApiToken).toBeUndefined();
    expect((await closedWithin(stolenSocket))?.code).toBe(4403);
    expect((await ownSocket.request(VIEWER)).data?.viewer?.id).toBe(owner.id);
    ownSocket.close();
  });

  it('revoking an API token closes the sockets that carry it', async () => {
    const owner = await person(server, 'Token Owner');
    const organisation = await createOrganisation(owner, 'Tokens');
    const token = await apiToken(owner, organisation.id);
    const socket = await Socket.open(server, { token: token.secret });
    expect((await socket.request(MEMBERS, { id: organisation.id })).data?.members).toBeTruthy();

    await owner.client.ok(
      `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id } } }`,
      {
        id: token.id,
      },
    );
    const next = await socket.request(MEMBERS, { id: organisation.id });
    expect(next.data?.members).toBeUndefined();
    expect(await closedWithin(socket)).toEqual({ code: 4403, reason: 'Credential revoked' });
    // A new socket with the revoked token is refused outright.
    const again = await Socket.open(server, { token: token.secret });
    expect((await again.closed).code).toBe(4403);
  });

  it('a session’s expiry closes its sockets at that moment', async () => {
    const { client, user } = await signedUpClient(server);
    await ownerQuery(
      server,
      `update user_session set expires_at = now() + interval '1500 milliseconds' where user_id = $1`,
      [user.id],
    );
    const socket = await Socket.open(server, { cookie: client.cookie });
    expect((await socket.request(VIEWER)).data?.viewer?.id).toBe(user.id);
    expect(socket.closeEvent).toBeUndefined();
    expect(await closedWithin(socket, 5000)).toEqual({ code: 4403, reason: 'Credential expired' });
  });

  it('an API token’s expiry closes its sockets', async () => {
    const owner = await person(server, 'Expiring Owner');
    const organisation = await createOrganisation(owner, 'Expiring');
    const token = await apiToken(owner, organisation.id, new Date(Date.now() + 2000));
    const socket = await Socket.open(server, { token: token.secret });
    expect((await socket.request(MEMBERS, { id: organisation.id })).data?.members).toBeTruthy();
    expect(await closedWithin(socket, 6000)).toEqual({ code: 4403, reason: 'Credential expired' });
  });
});

describe('a lost revocation announcement', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ALANY_WS_REVALIDATE_SECONDS: '1' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('still ends the socket at its first operation after the revalidation interval', async () => {
    const { client, user } = await signedUpClient(server);
    const socket = await Socket.open(server, { cookie: client.cookie });
    expect((await socket.request(VIEWER)).data?.viewer?.id).toBe(user.id);
    // Revoked behind the application's back: nothing is announced.
    await ownerQuery(server, `update user_session set revoked_at = now() where user_id = $1`, [
      user.id,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const next = await socket.request(VIEWER);
    expect(next.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await closedWithin(socket)).toEqual({ code: 4403, reason: 'Credential revoked' });
  });
});

describe('guest tokens end after their event', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  async function guestOfNewEvent() {
    const owner = await person(server, 'Organiser');
    const organisation = await createOrganisation(owner, 'Dialogue');
    const spaceId = (
      await owner.client.ok(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { organisationId: organisation.id, name: 'Events', visibility: 'ORGANISATION' } },
      )
    ).createSpace.space.id as string;
    const eventId = (
      await owner.client.ok(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
        {
          input: {
            spaceId,
            title: 'Public dialogue',
            startsAt: new Date(Date.now() - 3600_000).toISOString(),
            endsAt: new Date(Date.now() + 3600_000).toISOString(),
            capacity: 50,
          },
        },
      )
    ).createEvent.event.id as string;
    const joinCode = (
      await owner.client.ok(
        `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code } } }`,
        { id: eventId },
      )
    ).publishEvent.event.code as string;
    const joined = await server
      .client()
      .ok(
        `mutation($code: String!) { joinEvent(input: { code: $code, displayName: "Guest" }) { guestToken } }`,
        { code: joinCode },
      );
    const token = joined.joinEvent.guestToken as string;
    /** The event as if it had ended this long ago (its start an hour before its end). */
    const endedAgo = (ms: number) =>
      ownerQuery(
        server,
        `update event set starts_at = now() - make_interval(secs => $2::float8 / 1000) - interval '1 hour',
                          ends_at = now() - make_interval(secs => $2::float8 / 1000)
         where id = $1`,
        [eventId, ms],
      );
    return { eventId, token, guest: server.client({ authorization: `Bearer ${token}` }), endedAgo };
  }
  const EVENT = `query($id: ID!) { event(id: $id) { id } }`;
  const DAY = 24 * 3600_000;

  it('works for three days after the event ends, then is refused as expired', async () => {
    const { eventId, guest, endedAgo } = await guestOfNewEvent();
    await endedAgo(2 * DAY);
    expect((await guest.ok(EVENT, { id: eventId })).event.id).toBe(eventId);

    await endedAgo(3 * DAY + 60_000);
    const refused = await guest.request(EVENT, { id: eventId });
    expect(refused.status).toBe(401);
    expect(code(refused)).toBe('UNAUTHENTICATED');
  });

  it('a guest’s socket closes when the token expires, and an expired token opens none', async () => {
    const { eventId, token, endedAgo } = await guestOfNewEvent();
    await endedAgo(3 * DAY - 1500);
    const socket = await Socket.open(server, { token });
    expect((await socket.request(EVENT, { id: eventId })).data?.event?.id).toBe(eventId);
    expect(await closedWithin(socket, 5000)).toEqual({ code: 4403, reason: 'Credential expired' });

    const again = await Socket.open(server, { token });
    expect((await again.closed).code).toBe(4403);
  });

  it('an event moved later keeps its guests’ sockets open past the old expiry', async () => {
    const { eventId, token, endedAgo } = await guestOfNewEvent();
    await endedAgo(3 * DAY - 1500);
    const socket = await Socket.open(server, { token });
    await endedAgo(DAY);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(socket.closeEvent).toBeUndefined();
    expect((await socket.request(EVENT, { id: eventId })).data?.event?.id).toBe(eventId);
    socket.close();
  });
});

describe.runIf(process.env.REDIS_URL)('revocations reach every instance (Redis)', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ REDIS_URL: process.env.REDIS_URL! });
    second = await startTestServer({ REDIS_URL: process.env.REDIS_URL! }, first);
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('a token revoked on one instance closes its socket on the other within a second', async () => {
    const owner = await person(first, 'Remote Owner');
    const organisation = await createOrganisation(owner, 'Remote');
    const token = await apiToken(owner, organisation.id);
    const socket = await Socket.open(second, { token: token.secret });
    expect((await socket.request(MEMBERS, { id: organisation.id })).data?.members).toBeTruthy();

    const revokedAt = Date.now();
    await owner.client.ok(
      `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id } } }`,
      {
        id: token.id,
      },
    );
    expect(await closedWithin(socket)).toEqual({ code: 4403, reason: 'Credential revoked' });
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    expect((await socket.request(MEMBERS, { id: organisation.id })).data?.members).toBeUndefined();
  });

  it('signing out on one instance closes that session’s socket on the other', async () => {
    const { client } = await signedUpClient(first);
    const socket = await Socket.open(second, { cookie: client.cookie });
    expect((await socket.request(VIEWER)).data?.viewer?.id).toBeDefined();
    await client.ok(`mutation { signOut { signedOut } }`);
    expect((await closedWithin(socket))?.code).toBe(4403);
  });
});

describe('socket caps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      ALANY_WS_SOCKETS_PER_CREDENTIAL: '2',
      ALANY_WS_SOCKETS_PER_ADDRESS: '4',
      ALANY_WS_SUBSCRIPTIONS_PER_SOCKET: '2',
      ALANY_WS_MESSAGES_PER_10S: '8',
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses a third socket for one session with 1013; a closed one frees its place', async () => {
    const { client } = await signedUpClient(server);
    const one = await Socket.open(server, { cookie: client.cookie });
    const two = await Socket.open(server, { cookie: client.cookie });
    const three = await Socket.open(server, { cookie: client.cookie });
    expect(await three.closed).toEqual({
      code: 1013,
      reason: 'Too many connections for this sign-in',
    });
    expect(one.closeEvent).toBeUndefined();
    one.close();
    await one.closed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const four = await Socket.open(server, { cookie: client.cookie });
    expect((await four.request(VIEWER)).data?.viewer?.id).toBeDefined();
    two.close();
    four.close();
    await Promise.all([two.closed, four.closed]);
  });

  it('refuses sockets beyond the per-address cap with 1013', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const open = await Promise.all([1, 2, 3, 4].map(() => Socket.open(server)));
    for (const socket of open) expect(socket.closeEvent).toBeUndefined();
    const fifth = await Socket.open(server);
    expect(await fifth.closed).toEqual({
      code: 1013,
      reason: 'Too many connections from this address',
    });
    for (const socket of open) socket.close();
    await Promise.all(open.map((socket) => socket.closed));
  });

  it('refuses a third subscription on a socket with RATE_LIMITED; ending one frees its place', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const socket = await Socket.open(server);
    const first = socket.subscribe(TICKS);
    socket.subscribe(TICKS);
    const third = await socket.subscribe(TICKS).answer;
    expect(third.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'TOO_MANY_SUBSCRIPTIONS',
      limit: 2,
    });
    // Queries still run beside the subscriptions.
    expect((await socket.request(VIEWER)).data).toEqual({ viewer: null });
    socket.complete(first.id);
    const again = await socket.subscribe(TICKS).answer;
    expect(again.data?.serverTimeTicked).toBeTruthy();
    socket.close();
    await socket.closed;
  });

  it('answers operations beyond the message rate with RATE_LIMITED and retryAfter; closes a flood with 4429', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const socket = await Socket.open(server);
    // connection_init was the first of eight messages in ten seconds.
    const answers = await Promise.all(Array.from({ length: 8 }, () => socket.request(VIEWER)));
    const limited = answers.filter((answer) => answer.errors?.length);
    expect(answers.filter((answer) => answer.data)).toHaveLength(7);
    expect(limited).toHaveLength(1);
    expect(limited[0]?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited[0]?.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);

    for (let i = 0; i < 12; i += 1) socket.send({ type: 'ping' });
    expect(await closedWithin(socket, 2000)).toEqual({ code: 4429, reason: 'Too many messages' });
  });
});
