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

export function createLiveClient(): { ws: Client; restart(): void } {
  let socket: WebSocket | null = null;
  let restarting = false;
  let everConnected = false;
  const ws = createClient({
    url: liveUrl(),
    lazy: false,
    // Read at every (re)connection: a guest who just joined an event reopens the socket.
    connectionParams: () => {
      const token = activeGuestToken();
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
        everConnected = true;
        restarting = false;
        setConnectionStatus('connected');
      },
      closed: () => {
        socket = null;
        // A deliberate restart is not a lost connection; say nothing about it.
        if (!restarting) setConnectionStatus(everConnected ? 'reconnecting' : 'connecting');
      },
    },
  });
  return {
    ws,
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
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
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
