/**
 * The one seam through which features publish and receive live events. Features name a topic
 * (scoped like the data it carries, e.g. `thread:<id>`) and never know which transport runs.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Events published to `topic` after this call; ends when the consumer returns. */
  subscribe<T = unknown>(topic: string): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

type Listener = (payload: unknown) => void;

/** Subscribers of this process, by topic. Both transports deliver through it. */
export class LocalFanOut {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly onFirstListener: (topic: string) => void = () => undefined,
    private readonly onLastListener: (topic: string) => void = () => undefined,
  ) {}

  emit(topic: string, payload: unknown): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(payload);
  }

  listenerCount(topic: string): number {
    return this.listeners.get(topic)?.size ?? 0;
  }

  /** Every topic that has a listener in this process now. */
  topics(): string[] {
    return [...this.listeners.keys()];
  }

  iterate<T>(topic: string): AsyncIterableIterator<T> {
    const buffered: T[] = [];
    let wake: ((result: IteratorResult<T>) => void) | undefined;
    let done = false;

    const listener: Listener = (payload) => {
      if (wake) {
        const resolve = wake;
        wake = undefined;
        resolve({ value: payload as T, done: false });
      } else {
        buffered.push(payload as T);
      }
    };
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
      this.onFirstListener(topic);
    }
    set.add(listener);

    const stop = () => {
      if (done) return;
      done = true;
      const listeners = this.listeners.get(topic);
      listeners?.delete(listener);
      if (listeners && listeners.size === 0) {
        this.listeners.delete(topic);
        this.onLastListener(topic);
      }
      buffered.length = 0;
      wake?.({ value: undefined, done: true });
      wake = undefined;
    };

    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (buffered.length > 0)
          return Promise.resolve({ value: buffered.shift() as T, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          wake = resolve;
        });
      },
      return: () => {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (error?: unknown) => {
        stop();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Single-process delivery: the default when REDIS_URL is unset. */
export class InProcessPubSub implements PubSub {
  private readonly fanOut = new LocalFanOut();

  async publish(topic: string, payload: unknown): Promise<void> {
    // Deliver after the publisher's transaction work continues, as a remote transport would.
    queueMicrotask(() => this.fanOut.emit(topic, payload));
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.fanOut.iterate<T>(topic);
  }

  async close(): Promise<void> {
    this.fanOut.clear();
  }
}
