import type { WebSocket } from 'ws';
import { GraphQLError, getOperationAST, type DocumentNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ANONYMOUS, credentialKey, type Authenticate, type Viewer } from '../auth/viewer.js';
import type { Logger } from '../logging.js';
import type { PubSub } from '../pubsub/index.js';
import type { Context } from './context.js';
import { AppError, rateLimited } from './errors.js';

/**
 * A WebSocket carries one credential (a session, an API token or a guest token) for its whole
 * life, while every operation on it must act as that credential is *now*. So:
 *
 * - a credential that is signed out, revoked or replaced (a password change) is announced on the
 *   pub/sub topic `credentials:revoked` after the change commits; every instance closes the
 *   sockets that carry it (close code 4403) the moment the announcement arrives, through Redis
 *   when `REDIS_URL` is set;
 * - a socket is closed when its credential expires (a timer per socket);
 * - an operation on a socket whose credential is gone is refused (`UNAUTHENTICATED`), and the
 *   credential is looked up again at the first operation after `revalidateSeconds`: a lost
 *   announcement (Redis unreachable while it was published) lets a credential outlive its
 *   revocation on a socket by at most that long. Everything else costs an operation nothing (no
 *   statement): the vote storm sends thousands of mutations a second over its sockets.
 *
 * And caps, so that one client cannot hold the server's sockets or memory:
 * sockets per credential, sockets per client address (counted after TRUST_PROXY, as `req.ip`),
 * subscriptions per socket, and messages per socket in ten seconds (`RateLimiterMemory`).
 */

/** The close codes a client may see (graphql-ws leaves 4000–4999 to applications). */
export const SocketClose = {
  /** The socket's credential was signed out, revoked or replaced, or it expired. */
  CREDENTIAL_ENDED: 4403,
  /** The socket kept sending far beyond its message rate. */
  TOO_MANY_MESSAGES: 4429,
  /** Too many sockets for this credential or address: the standard "try again later". */
  TOO_MANY_SOCKETS: 1013,
} as const;

export const REVOKED_CREDENTIALS_TOPIC = 'credentials:revoked';

/** Beyond this many times its rate within the window, a socket is closed instead of answered. */
const FLOOD_FACTOR = 2;

export interface SocketLimits {
  /** Concurrent sockets carrying one credential (a session, an API token, a guest token). */
  socketsPerCredential: number;
  /** Concurrent sockets from one client address, with or without a credential. */
  socketsPerAddress: number;
  /** Concurrent subscriptions on one socket. */
  subscriptionsPerSocket: number;
  /** Messages one socket may send in ten seconds. */
  messagesPer10Seconds: number;
  /** At most this long between two lookups of a socket's credential (see above). */
  revalidateSeconds: number;
}

/**
 * Announces, once the change has committed, that these credentials (`credentialKey` strings)
 * no longer work: every instance closes the sockets carrying them.
 */
export function announceRevoked(context: Context, keys: readonly string[]): void {
  if (keys.length === 0) return;
  context.db.afterCommit(() =>
    context.pubsub.publish(REVOKED_CREDENTIALS_TOPIC, { keys: [...keys] }),
  );
}

interface SocketState {
  socket: WebSocket;
  address: string;
  /** The secret the socket authenticated with, to look it up again; none for nobody. */
  secret: string | undefined;
  viewer: Viewer;
  key: string | undefined;
  expiresAt: number | undefined;
  checkedAt: number;
  revalidating: Promise<void> | undefined;
  expiryTimer: NodeJS.Timeout | undefined;
  /** Ids of this socket's subscription operations (pruned against graphql-ws's own list). */
  subscriptions: Set<string>;
  /** The rate's answer for the latest message: 0 when allowed, else seconds to wait. */
  verdict: Promise<number>;
  ended: boolean;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export class SocketCredentials {
  private readonly states = new WeakMap<WebSocket, SocketState>();
  private readonly byCredential = new Map<string, Set<SocketState>>();
  private readonly byAddress = new Map<string, number>();
  private readonly rate: RateLimiterMemory;
  private revocations: AsyncIterableIterator<unknown> | undefined;
  private nextSocket = 0;

  constructor(
    private readonly deps: {
      pubsub: PubSub;
      authenticate: Authenticate;
      limits: SocketLimits;
      logger: Logger;
    },
  ) {
    this.rate = new RateLimiterMemory({
      points: deps.limits.messagesPer10Seconds,
      duration: 10,
    });
  }

  /** Listens for revocations from every instance (the pub/sub seam). */
  start(): void {
    const revocations = this.deps.pubsub.subscribe(REVOKED_CREDENTIALS_TOPIC);
    this.revocations = revocations;
    void (async () => {
      for await (const message of revocations) {
        const keys = (message as { keys?: unknown } | null)?.keys;
        if (!Array.isArray(keys)) continue;
        for (const key of keys) {
          if (typeof key !== 'string') continue;
          // Ended at once; closed once the operation at hand (a `signOut` sent over this very
          // socket) has been answered.
          for (const state of [...(this.byCredential.get(key) ?? [])]) {
            this.endSoon(state, 'Credential revoked');
          }
        }
      }
    })().catch((err: unknown) => this.deps.logger.error({ err }, 'revocation listener failed'));
  }

  async stop(): Promise<void> {
    await this.revocations?.return?.();
  }

  /**
   * A new socket, before graphql-ws sees any of its messages: counted against its address, and
   * every message it sends against its rate. `false` when the address has too many sockets (the
   * socket is then being closed).
   */
  attach(socket: WebSocket, address: string): boolean {
    const count = this.byAddress.get(address) ?? 0;
    if (count >= this.deps.limits.socketsPerAddress) {
      socket.close(SocketClose.TOO_MANY_SOCKETS, 'Too many connections from this address');
      return false;
    }
    this.byAddress.set(address, count + 1);
    const rateKey = String((this.nextSocket += 1));
    const state: SocketState = {
      socket,
      address,
      secret: undefined,
      viewer: ANONYMOUS,
      key: undefined,
      expiresAt: undefined,
      checkedAt: Date.now(),
      revalidating: undefined,
      expiryTimer: undefined,
      subscriptions: new Set(),
      verdict: Promise.resolve(0),
      ended: false,
    };
    this.states.set(socket, state);
    // Runs before graphql-ws's own listener (registered after this one), which hands a
    // `subscribe` message to `onSubscribe` in the same tick: `verdict` is that message's.
    socket.on('message', () => {
      state.verdict = this.rate.consume(rateKey).then(
        () => 0,
        (refused: unknown) => {
          if (!(refused instanceof RateLimiterRes)) return 1;
          if (refused.consumedPoints > this.deps.limits.messagesPer10Seconds * FLOOD_FACTOR) {
            this.close(state, SocketClose.TOO_MANY_MESSAGES, 'Too many messages');
          }
          return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
        },
      );
    });
    socket.once('close', () => this.release(state));
    return true;
  }

  /**
   * The socket's credential, as `onConnect` found it. `false` when that credential has too many
   * sockets already (the socket is then being closed).
   */
  admit(socket: WebSocket, viewer: Viewer, secret: string | undefined): boolean {
    const state = this.states.get(socket);
    if (!state || state.ended) return false;
    const key = credentialKey(viewer);
    if (key) {
      const sockets = this.byCredential.get(key) ?? new Set<SocketState>();
      if (sockets.size >= this.deps.limits.socketsPerCredential) {
        this.close(state, SocketClose.TOO_MANY_SOCKETS, 'Too many connections for this sign-in');
        return false;
      }
      sockets.add(state);
      this.byCredential.set(key, sockets);
    }
    state.viewer = viewer;
    state.key = key;
    state.secret = key ? secret : undefined;
    state.checkedAt = Date.now();
    this.expireAt(state, 'expiresAt' in viewer ? viewer.expiresAt : undefined);
    return true;
  }

  /** The client address the socket was counted against. */
  addressOf(socket: WebSocket): string | undefined {
    return this.states.get(socket)?.address;
  }

  /** Whom operations on this socket act as now. */
  viewerOf(socket: WebSocket): Viewer {
    const state = this.states.get(socket);
    return state && !state.ended ? state.viewer : ANONYMOUS;
  }

  /**
   * Whether an operation may start on this socket: its message within the rate, its credential
   * still the one the socket opened with. The errors to answer with when not.
   */
  async refusal(socket: WebSocket): Promise<GraphQLError[] | undefined> {
    const state = this.states.get(socket);
    if (!state) return [credentialEnded()];
    const wait = await state.verdict;
    if (wait > 0) return [rateLimited(wait)];
    if (!state.ended && state.key) {
      const now = Date.now();
      const expired = state.expiresAt !== undefined && state.expiresAt <= now;
      if (expired || now - state.checkedAt >= this.deps.limits.revalidateSeconds * 1000) {
        await this.lookUpAgain(state);
      }
    }
    return state.ended ? [credentialEnded()] : undefined;
  }

  /**
   * Counts a subscription against its socket's cap; the errors to answer with when it is full.
   * `active` is graphql-ws's list of the socket's running operations.
   */
  subscriptionRefusal(
    socket: WebSocket,
    active: Record<string, unknown>,
    id: string,
    document: DocumentNode,
    operationName: string | null | undefined,
  ): GraphQLError[] | undefined {
    if (getOperationAST(document, operationName)?.operation !== 'subscription') return undefined;
    const state = this.states.get(socket);
    if (!state) return undefined;
    for (const running of state.subscriptions) {
      if (!(running in active)) state.subscriptions.delete(running);
    }
    const limit = this.deps.limits.subscriptionsPerSocket;
    if (state.subscriptions.size >= limit) {
      return [
        new AppError(
          'RATE_LIMITED',
          `This connection has ${limit} subscriptions already; end one before starting another.`,
          { reason: 'TOO_MANY_SUBSCRIPTIONS', limit, retryAfter: 1 },
        ),
      ];
    }
    state.subscriptions.add(id);
    return undefined;
  }

  /** One lookup at a time per socket; the operations that arrive meanwhile wait for it. */
  private lookUpAgain(state: SocketState): Promise<void> {
    state.revalidating ??= this.revalidate(state).finally(() => {
      state.revalidating = undefined;
    });
    return state.revalidating;
  }

  /**
   * Looks the socket's credential up again: ended when it no longer names the same credential,
   * or names it with an expiry that has passed. A credential that is still good keeps its socket
   * with what the lookup says now (an event moved later gives its guests longer).
   */
  private async revalidate(state: SocketState): Promise<void> {
    const viewer = state.secret
      ? await this.deps.authenticate(state.secret).catch((err: unknown) => {
          this.deps.logger.warn({ err }, 'could not look up a socket credential again');
          return null;
        })
      : undefined;
    if (state.ended) return;
    const expired = state.expiresAt !== undefined && state.expiresAt <= Date.now();
    if (viewer === null) {
      // The database did not answer: an expired credential ends anyway (fail closed); any other
      // keeps its socket until the next operation looks again.
      if (expired) this.endSoon(state, 'Credential expired');
      return;
    }
    if (!viewer || credentialKey(viewer) !== state.key) {
      this.endSoon(state, expired ? 'Credential expired' : 'Credential revoked');
      return;
    }
    state.viewer = viewer;
    state.checkedAt = Date.now();
    this.expireAt(state, 'expiresAt' in viewer ? viewer.expiresAt : undefined);
  }

  private expireAt(state: SocketState, expiresAt: Date | null | undefined): void {
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    state.expiryTimer = undefined;
    state.expiresAt = expiresAt ? expiresAt.getTime() : undefined;
    if (state.expiresAt === undefined) return;
    const arm = () => {
      const left = (state.expiresAt ?? 0) - Date.now();
      if (left <= 0) {
        state.expiryTimer = undefined;
        void this.lookUpAgain(state);
        return;
      }
      // Timers hold at most ~24.8 days; a 30-day session re-arms once.
      state.expiryTimer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      state.expiryTimer.unref();
    };
    arm();
  }

  /**
   * Marks the socket ended now (every operation is refused from here on, every new context is
   * anonymous) and closes it in the next turn of the event loop, after the answer being sent.
   */
  private endSoon(state: SocketState, reason: string): void {
    this.forget(state);
    setTimeout(() => this.close(state, SocketClose.CREDENTIAL_ENDED, reason), 0);
  }

  private close(state: SocketState, code: number, reason: string): void {
    this.forget(state);
    if (state.socket.readyState === state.socket.OPEN) state.socket.close(code, reason);
  }

  /** Ends the socket's credential here: no operation runs as it, no timer waits for it. */
  private forget(state: SocketState): void {
    state.ended = true;
    if (state.expiryTimer) clearTimeout(state.expiryTimer);
    state.expiryTimer = undefined;
    if (!state.key) return;
    const sockets = this.byCredential.get(state.key);
    sockets?.delete(state);
    if (sockets?.size === 0) this.byCredential.delete(state.key);
  }

  private release(state: SocketState): void {
    this.forget(state);
    const count = (this.byAddress.get(state.address) ?? 1) - 1;
    if (count <= 0) this.byAddress.delete(state.address);
    else this.byAddress.set(state.address, count);
  }
}

const credentialEnded = () =>
  new AppError(
    'UNAUTHENTICATED',
    'This connection’s sign-in has ended (signed out, revoked or expired). Connect again.',
  );
