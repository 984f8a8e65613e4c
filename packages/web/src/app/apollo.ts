import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  ServerError,
  type ErrorLike,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { SignOutDocument, ViewerDocument } from '../gql/graphql';
import { setConnectionStatus } from './connection-status';
import { announceCredentialEnded, signOutExpected } from './credential-ended';
import { activeGuestToken, forgetGuestToken } from './guest-token';

export interface AlanyApollo {
  client: ApolloClient;
  /**
   * Reopens the WebSocket so that it carries the current session cookie: the server reads
   * the cookie once, when the socket opens, so sign-in and sign-out need a fresh socket.
   */
  restartLive(): void;
  dispose(): void;
}

function liveUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The server closes a socket with this code when its credential was signed out, revoked,
 * replaced or expired, and refuses a new socket with it for a credential it does not know
 * (socket-credentials.ts on the server).
 */
export const CREDENTIAL_ENDED = 4403;

/**
 * Whether an HTTP answer is the server refusing the credential itself (an unknown, expired or
 * revoked token: 401, no data at all), not a field that needs signing in.
 */
export function refusedCredential(error: ErrorLike): boolean {
  if (ServerError.is(error)) return error.statusCode === 401;
  return (
    CombinedGraphQLErrors.is(error) &&
    error.data == null &&
    error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

/** Waits 1 s, 2 s, 4 s… up to 15 s with jitter, so thousands of clients do not return at once. */
function retryWait(retries: number): Promise<void> {
  const base = Math.min(15_000, 1000 * 2 ** retries);
  return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
}

/**
 * The audience's votes travel over the socket the phone already holds for the event's live
 * updates: it was authenticated once, when it opened, so a vote costs no new request and no
 * token lookup. Everything else (and a vote while the socket is down) goes over HTTP.
 */
export const SOCKET_MUTATIONS: ReadonlySet<string> = new Set(['UpvoteQuestion', 'RemoveUpvote']);

/**
 * Whether an operation goes over the socket: a subscription always; one of the audience's
 * votes only while the socket is open and was opened with the guest token the page uses now
 * (so that the vote counts for the same person over either transport).
 */
export function overSocket(
  operation: { operationType: OperationTypeNode; operationName?: string | undefined },
  socket: { open: boolean; guestToken: string | null },
  guestToken: string | null,
): boolean {
  if (operation.operationType === OperationTypeNode.SUBSCRIPTION) return true;
  return (
    operation.operationType === OperationTypeNode.MUTATION &&
    SOCKET_MUTATIONS.has(operation.operationName ?? '') &&
    guestToken !== null &&
    socket.open &&
    socket.guestToken === guestToken
  );
}

export function createLiveClient(
  options: {
    /**
     * The server ended the socket's credential (`guestToken`: the guest token it was opened
     * with, or null for the session cookie). Reconnection waits until this settles, so that it
     * does not go on with the dead credential.
     */
    onCredentialEnded?(guestToken: string | null): Promise<void> | void;
  } = {},
): {
  ws: Client;
  restart(): void;
  /** Whether the socket is open now, and the guest token it was opened with. */
  state(): { open: boolean; guestToken: string | null };
} {
  let socket: WebSocket | null = null;
  let restarting = false;
  let everConnected = false;
  let offeredToken: string | null = null;
  let connected: { guestToken: string | null } | null = null;
  let credentialCheck: Promise<void> = Promise.resolve();
  const ws = createClient({
    url: liveUrl(),
    lazy: false,
    // Read at every (re)connection: a guest who just joined an event reopens the socket.
    connectionParams: () => {
      const token = activeGuestToken();
      offeredToken = token;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    keepAlive: 20_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await credentialCheck;
      await retryWait(retries);
    },
    on: {
      opened: (opened) => {
        socket = opened as WebSocket;
      },
      connected: () => {
        connected = { guestToken: offeredToken };
        everConnected = true;
        restarting = false;
        setConnectionStatus('connected');
      },
      closed: (event) => {
        socket = null;
        connected = null;
        if ((event as { code?: number } | undefined)?.code === CREDENTIAL_ENDED) {
          const token = offeredToken;
          credentialCheck = (async () => options.onCredentialEnded?.(token))().catch(() => {});
        }
        // A deliberate restart is not a lost connection; say nothing about it.
        if (!restarting) setConnectionStatus(everConnected ? 'reconnecting' : 'connecting');
      },
    },
  });
  return {
    ws,
    state: () => ({
      open: connected !== null && socket?.readyState === WebSocket.OPEN,
      guestToken: connected?.guestToken ?? null,
    }),
    restart: () => {
      if (socket?.readyState === WebSocket.OPEN) {
        restarting = true;
        socket.close(4205, 'Client restart');
      }
    },
  };
}

/** The event's guest token was refused: it is never sent again, and the audience page says so. */
function guestTokenRefused(token: string): void {
  forgetGuestToken(token);
  announceCredentialEnded('guest');
}

export function createApollo(): AlanyApollo {
  /**
   * The session this browser's cookie carries ended (signed out on another device, expired, or
   * replaced by a password change). Asks the server who we are now: still someone (this tab
   * holds the new cookie) means nothing more to do; nobody means the person was signed out, so
   * the dead cookie is dropped, they are told, and nothing cached for them stays on screen.
   */
  const sessionEnded = async () => {
    // This tab's own sign-out: useSignOut does the rest.
    if (signOutExpected()) return;
    const { data } = await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    if (data?.viewer) return;
    await client.mutate({ mutation: SignOutDocument }).catch(() => {});
    if (signOutExpected()) return;
    announceCredentialEnded('session');
    await client.resetStore().catch(() => {});
  };
  const live = createLiveClient({
    onCredentialEnded: (token) => (token ? guestTokenRefused(token) : sessionEnded()),
  });
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const guest = new ApolloLink((operation, forward) => {
    const token = activeGuestToken();
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => {
      const { authorization: _dropped, ...rest } = headers;
      return token
        ? { headers: { ...rest, authorization: `Bearer ${token}` }, guestToken: token }
        : { headers: rest, guestToken: null };
    });
    return forward(operation);
  });
  // A guest token the server refuses over HTTP: forget it and ask once more without it, so the
  // page shows what anyone may see (and the audience page its join form) instead of an error.
  const refusedGuest = new ErrorLink(({ error, operation, forward }) => {
    const { guestToken } = operation.getContext() as { guestToken?: string | null };
    if (!guestToken || !refusedCredential(error)) return;
    guestTokenRefused(guestToken);
    return forward(operation);
  });
  const link = ApolloLink.split(
    (operation) => overSocket(operation, live.state(), activeGuestToken()),
    new GraphQLWsLink(live.ws),
    ApolloLink.from([refusedGuest, guest, http]),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    restartLive: live.restart,
    dispose: () => {
      void live.ws.dispose();
      client.stop();
    },
  };
}
