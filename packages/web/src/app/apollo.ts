import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { setConnectionStatus } from './connection-status';
import { activeGuestToken } from './guest-token';

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

export function createLiveClient(): {
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
    retryWait,
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
      closed: () => {
        socket = null;
        connected = null;
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

export function createApollo(): AlanyApollo {
  const live = createLiveClient();
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const guest = new ApolloLink((operation, forward) => {
    const token = activeGuestToken();
    if (token) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  const link = ApolloLink.split(
    (operation) => overSocket(operation, live.state(), activeGuestToken()),
    new GraphQLWsLink(live.ws),
    guest.concat(http),
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
