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
