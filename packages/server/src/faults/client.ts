import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read by shape

export interface Answer {
  /** HTTP status, or 0 when the request got no answer (connection refused, reset, timed out). */
  status: number;
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by shape
  errors?: GraphQLError[];
  /** Why there is no JSON body: the network error, or the start of a body that is not JSON. */
  failure?: string;
  retryAfter?: string | null;
}

/** One person's HTTP session with Alany: keeps the session cookie like a browser. */
export class Session {
  cookie = '';

  constructor(
    public base: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async call(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.cookie ? { cookie: this.cookie } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { status: 0, failure: cause?.code ?? (error as Error).message };
    }
    const session = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('alany_session='));
    if (session) this.cookie = session.split(';')[0] ?? '';
    const text = await response.text().catch((error: Error) => `<body lost: ${error.message}>`);
    const retryAfter = response.headers.get('retry-after');
    try {
      const body = JSON.parse(text) as Pick<Answer, 'data' | 'errors'>;
      return {
        status: response.status,
        data: body.data ?? undefined,
        errors: body.errors,
        retryAfter,
      };
    } catch {
      return {
        status: response.status,
        failure: text.replace(/\s+/g, ' ').slice(0, 160),
        retryAfter,
      };
    }
  }

  /** The answer's data, or an error naming what failed: for set-up steps that must work. */
  async must(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const answer = await this.call(query, variables);
    if (answer.status !== 200 || answer.errors?.length || !answer.data) {
      throw new Error(
        `${query.slice(0, 80)}… → ${answer.status} ${answer.failure ?? JSON.stringify(answer.errors)}`,
      );
    }
    return answer.data;
  }
}

/** A fresh account (sign-up opens its session) with an organisation, a space and a thread. */
export async function newMember(base: string, label: string) {
  const session = new Session(base);
  const tag = randomUUID().slice(0, 8);
  const data = await session.must(
    `mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`,
    {
      input: {
        displayName: `Fault ${label} ${tag}`,
        email: `fault-${label}-${tag}@example.org`,
        password: `fault-suite-${tag}-password`,
      },
    },
  );
  const organisationId = (
    await session.must(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`,
      { input: { name: `Fault office ${tag}`, slug: `fault-${tag}`, kind: 'NGO' } },
    )
  ).createOrganisation.organisation.id as string;
  const spaceId = (
    await session.must(
      `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
      { input: { organisationId, name: `Fault space ${tag}` } },
    )
  ).createSpace.space.id as string;
  const threadId = (
    await session.must(
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      { input: { spaceId, title: `Fault thread ${tag}`, body: 'Opened by the fault suite.' } },
    )
  ).createThread.thread.id as string;
  return {
    session,
    userId: data.signUp.user.id as string,
    email: `fault-${label}-${tag}@example.org`,
    password: `fault-suite-${tag}-password`,
    organisationId,
    spaceId,
    threadId,
  };
}

export type Member = Awaited<ReturnType<typeof newMember>>;

export const CREATE_POST = `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`;
export const THREAD_ACTIVITY = `subscription($threadId: ID!) { threadActivity(threadId: $threadId) { kind postId post { id } } }`;

interface Subscriber {
  next: (payload: { data?: Record<string, any>; errors?: GraphQLError[] }) => void; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by shape
  error: (errors: GraphQLError[]) => void;
}

/**
 * A graphql-ws (graphql-transport-ws) connection, as the web client opens it: the session cookie
 * rides on the handshake. Kept minimal so that the suite sees every frame the server sends.
 */
export class LiveConnection {
  private readonly subscribers = new Map<string, Subscriber>();
  private socket: WebSocket | undefined;
  closedReason: string | undefined;

  constructor(
    private readonly url: string,
    private readonly cookie = '',
  ) {}

  open(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, 'graphql-transport-ws', {
        headers: this.cookie ? { cookie: this.cookie } : {},
      });
      this.socket = socket;
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`no connection_ack from ${this.url} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('error', (error) => {
        clearTimeout(timer);
        this.closedReason ??= error.message;
        reject(error);
      });
      socket.on('close', (code, reason) => {
        clearTimeout(timer);
        this.closedReason ??= `closed ${code} ${reason.toString()}`;
        reject(new Error(this.closedReason));
      });
      socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString()) as {
          type: string;
          id?: string;
          payload?: unknown;
        };
        if (message.type === 'connection_ack') {
          clearTimeout(timer);
          resolve();
        } else if (message.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong' }));
        } else if (message.type === 'next' && message.id) {
          this.subscribers.get(message.id)?.next(message.payload as never);
        } else if (message.type === 'error' && message.id) {
          this.subscribers.get(message.id)?.error(message.payload as GraphQLError[]);
        }
      });
    });
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  subscribe(query: string, variables: Record<string, unknown>, subscriber: Subscriber): string {
    const id = randomUUID();
    this.subscribers.set(id, subscriber);
    this.socket?.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    return id;
  }

  close(): void {
    this.socket?.terminate();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `check` holds, polling; false when `ms` passed first. */
export async function waitFor(check: () => boolean, ms: number, every = 100): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(every);
  }
  return true;
}
