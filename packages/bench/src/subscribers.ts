import WebSocket from 'ws';

/**
 * Many WebSocket clients in the bench process. For GraphQL they speak graphql-transport-ws
 * (the graphql-ws protocol) directly over `ws`, which keeps 5 000 clients cheap; for the raw
 * server they only listen. Every arrival is time-stamped against the current round's start.
 */
export class Crowd {
  private sockets: WebSocket[] = [];
  private roundStart = 0;
  private arrivals: number[] = [];
  private expected = 0;
  private onComplete: (() => void) | undefined;
  /** The last frame any client received (the payload the raw server replays). */
  lastFrame = '';
  /** Frames per client index (event subscribers count theirs). */
  readonly received: number[] = [];
  readonly lastData: unknown[] = [];
  onData: ((index: number, data: unknown) => void) | undefined;

  async connect(
    count: number,
    url: string,
    options: {
      graphql?: { query: string; variables: Record<string, unknown> };
      headersFor?: (index: number) => Record<string, string>;
      paramsFor?: (index: number) => Record<string, unknown>;
    },
    batch = 100,
  ): Promise<void> {
    for (let start = 0; start < count; start += batch) {
      const opening: Array<Promise<void>> = [];
      for (let index = start; index < Math.min(count, start + batch); index++) {
        opening.push(this.open(index, url, options));
      }
      await Promise.all(opening);
    }
  }

  private open(
    index: number,
    url: string,
    options: {
      graphql?: { query: string; variables: Record<string, unknown> };
      headersFor?: (index: number) => Record<string, string>;
      paramsFor?: (index: number) => Record<string, unknown>;
    },
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options.graphql ? 'graphql-transport-ws' : undefined, {
        headers: options.headersFor?.(index) ?? {},
        perMessageDeflate: false,
      });
      this.sockets.push(ws);
      this.received[index] = 0;
      const timer = setTimeout(() => reject(new Error(`socket ${index} did not open`)), 90_000);
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.on('open', () => {
        if (!options.graphql) {
          clearTimeout(timer);
          resolve();
          return;
        }
        ws.send(
          JSON.stringify({ type: 'connection_init', payload: options.paramsFor?.(index) ?? {} }),
        );
      });
      ws.on('message', (data: Buffer) => {
        // Time-stamped on arrival, before any parsing; both servers' frames are then read alike.
        const at = performance.now();
        const text = data.toString();
        const message = JSON.parse(text) as { type: string; payload?: { data?: unknown } };
        if (options.graphql) {
          if (message.type === 'connection_ack') {
            ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: options.graphql }));
            clearTimeout(timer);
            resolve();
            return;
          }
          if (message.type === 'ping') {
            ws.send(JSON.stringify({ type: 'pong' }));
            return;
          }
          if (message.type !== 'next') return;
          this.lastData[index] = message.payload?.data;
          this.onData?.(index, message.payload?.data);
        }
        this.arrive(index, text, at);
      });
    });
  }

  private arrive(index: number, text: string, at: number): void {
    this.received[index] = (this.received[index] ?? 0) + 1;
    this.lastFrame = text;
    if (this.expected === 0) return;
    this.arrivals.push(at - this.roundStart);
    if (this.arrivals.length >= this.expected) this.onComplete?.();
  }

  /** Starts a round, runs `trigger`, and waits (bounded) until every client has one frame. */
  async round(
    trigger: () => Promise<unknown>,
    timeoutMs: number,
  ): Promise<{ delivered: number; latencies: number[]; timedOut: boolean; answeredMs: number }> {
    this.arrivals = [];
    this.expected = this.sockets.length;
    const done = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), timeoutMs);
      this.onComplete = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
    this.roundStart = performance.now();
    await trigger();
    // When the trigger's own answer came back (for Alany: the createPost response, sent after
    // its commit); arrivals are still counted from the round's start.
    const answeredMs = performance.now() - this.roundStart;
    const timedOut = await done;
    this.expected = 0;
    this.onComplete = undefined;
    const latencies = [...this.arrivals].sort((a, b) => a - b);
    return { delivered: latencies.length, latencies, timedOut, answeredMs };
  }

  get size(): number {
    return this.sockets.length;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.sockets = [];
  }
}

/**
 * Clients that send operations (mutations) over their own graphql-ws connection, as a phone in
 * the audience does over the socket it already holds. Each connection authenticates once, with
 * its `connectionParams`; every request is a `subscribe` message answered by `next` and
 * `complete` (or `error`). Answers that carry GraphQL errors reject, as over HTTP.
 */
export class SocketClients {
  private sockets: WebSocket[] = [];
  private nextId = 1;
  private readonly waiting = new Map<
    string,
    { resolve: (data: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();

  async connect(
    count: number,
    url: string,
    paramsFor: (index: number) => Record<string, unknown>,
    batch = 100,
  ): Promise<void> {
    for (let start = 0; start < count; start += batch) {
      const opening: Array<Promise<void>> = [];
      for (let index = start; index < Math.min(count, start + batch); index++) {
        opening.push(this.open(index, url, paramsFor(index)));
      }
      await Promise.all(opening);
    }
  }

  private open(index: number, url: string, params: Record<string, unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
      this.sockets[index] = ws;
      const timer = setTimeout(() => reject(new Error(`socket ${index} did not open`)), 90_000);
      ws.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.on('close', () => {
        clearTimeout(timer);
        reject(new Error(`socket ${index} closed`));
      });
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'connection_init', payload: params }));
      });
      ws.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString()) as {
          type: string;
          id?: string;
          payload?: { data?: unknown; errors?: unknown[] } | unknown[];
        };
        if (message.type === 'connection_ack') {
          clearTimeout(timer);
          resolve();
          return;
        }
        if (message.type === 'ping') {
          ws.send(JSON.stringify({ type: 'pong' }));
          return;
        }
        const pending = message.id ? this.waiting.get(message.id) : undefined;
        if (!pending || !message.id) return;
        if (message.type === 'next') {
          const payload = message.payload as { data?: unknown; errors?: unknown[] };
          this.settle(message.id);
          if (payload.errors?.length || !payload.data) {
            pending.reject(new Error(`GraphQL error: ${JSON.stringify(payload).slice(0, 500)}`));
          } else pending.resolve(payload.data);
        } else if (message.type === 'error') {
          this.settle(message.id);
          pending.reject(new Error(`GraphQL error: ${JSON.stringify(message.payload)}`));
        }
      });
    });
  }

  private settle(id: string) {
    const pending = this.waiting.get(id);
    if (pending) clearTimeout(pending.timer);
    this.waiting.delete(id);
  }

  /** One operation over client `index`'s socket; rejects after 30 s, as the HTTP client does. */
  request<T>(index: number, query: string, variables: Record<string, unknown>): Promise<T> {
    const ws = this.sockets[index];
    if (!ws) return Promise.reject(new Error(`no socket ${index}`));
    const id = String(this.nextId++);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`request ${id} timed out`));
      }, 30_000);
      this.waiting.set(id, { resolve: (data) => resolve(data as T), reject, timer });
      ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    });
  }

  close(): void {
    for (const ws of this.sockets) {
      ws.removeAllListeners('close');
      ws.terminate();
    }
    this.sockets = [];
  }
}
