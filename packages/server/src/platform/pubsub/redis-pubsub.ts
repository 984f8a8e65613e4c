import { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import { LocalFanOut, type PubSub } from './pubsub.js';

/** How long a request waits for Redis to take its event; a healthy Redis answers in well under 1 ms. */
const PUBLISH_WAIT_MS = 200;

export interface RedisPubSubOptions {
  /** Longest wait between two reconnection attempts (and between two retries of a failed call). */
  backoffCapMs?: number;
  /** Events kept for publishing once Redis is back; beyond that the oldest is dropped, logged. */
  maxPending?: number;
  /** What every channel name starts with: one deployment's (ALANY_REDIS_PREFIX, default `alany`). */
  prefix?: string;
}

/**
 * Redis pub/sub keeps nothing for a channel nobody is subscribed to: an event published the
 * moment Redis is back would be lost for an instance that has not reconnected and subscribed
 * again yet. Every instance retries at least every `backoffCapMs`, so the kept events wait that
 * long, and a little more, after the publisher is back.
 */
const settleMs = (backoffCapMs: number) => backoffCapMs + 500;

/** Capped exponential backoff, forever: an instance outlives any Redis outage. */
export function backoff(capMs: number): (attempt: number) => number {
  return (attempt) => Math.min(50 * 2 ** Math.min(attempt, 16), capMs);
}

/** Says once that a client lost Redis, and once that it came back with how long it was gone. */
export class Outage {
  private since: number | undefined;

  constructor(
    private readonly client: string,
    private readonly logger: Logger,
  ) {}

  get down(): boolean {
    return this.since !== undefined;
  }

  lost(err?: unknown): void {
    if (this.since !== undefined) return;
    this.since = Date.now();
    this.logger.warn(
      { err, client: this.client },
      'redis unreachable: live events wait until it returns',
    );
  }

  back(): void {
    if (this.since === undefined) return;
    const downMs = Date.now() - this.since;
    this.since = undefined;
    this.logger.info({ client: this.client, downMs }, 'redis reachable again');
  }
}

/**
 * Error listener for any Redis client: without one ioredis prints every failed reconnection
 * attempt; with this, an outage is one line when it starts and one when it ends.
 */
export function reportOutages(
  client: Redis,
  name: string,
  logger: Logger,
  closing: () => boolean = () => false,
): Outage {
  const outage = new Outage(name, logger);
  client.on('error', (err: unknown) => {
    if (!closing()) outage.lost(err);
  });
  // 'reconnecting', not 'close': a client that quits on purpose closes without reconnecting.
  client.on('reconnecting', () => {
    if (!closing()) outage.lost();
  });
  client.on('ready', () => outage.back());
  return outage;
}

/**
 * Delivery across server instances: every instance subscribes in Redis to the topics its own
 * clients listen to, and fans each message out locally, so each subscriber gets it once.
 *
 * Redis may go away and come back at any time; the instance keeps serving meanwhile:
 * - the clients reconnect forever with a capped backoff;
 * - every topic with a local listener is subscribed again on each reconnection (ioredis's
 *   `autoResubscribe`, and our own pass over the local topics, which also catches a SUBSCRIBE
 *   that was asked for while Redis was down), so no subscriber stays deaf;
 * - an event that cannot be published is kept, in order, and published when Redis is back;
 *   each is logged with its topic, and one dropped when too many wait is logged as dropped.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanOut: LocalFanOut;
  private readonly retryDelay: (attempt: number) => number;
  private readonly maxPending: number;
  private readonly prefix: string;
  /** Events not yet accepted by Redis, oldest first. */
  private readonly pending: Array<{ topic: string; message: string }> = [];
  /** Topics whose UNSUBSCRIBE failed: sent again when Redis is back, unless wanted again. */
  private readonly leftSubscribed = new Set<string>();
  private flushing = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushAttempts = 0;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private checkAttempts = 0;
  private closed = false;

  private constructor(
    url: string,
    private readonly logger: Logger,
    options: RedisPubSubOptions,
  ) {
    this.retryDelay = backoff(options.backoffCapMs ?? 2_000);
    this.maxPending = options.maxPending ?? 10_000;
    this.prefix = `${options.prefix ?? 'alany'}:`;
    const settle = settleMs(options.backoffCapMs ?? 2_000);
    const retryStrategy = this.retryDelay;
    // The publisher fails fast while Redis is away (no offline queue): the event waits in
    // `pending`, and the request that published it is not held up by the outage.
    this.publisher = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 5_000,
      retryStrategy,
    });
    // The subscriber's SUBSCRIBE waits for the connection however long it takes.
    this.subscriber = new Redis(url, {
      lazyConnect: true,
      autoResubscribe: true,
      maxRetriesPerRequest: null,
      retryStrategy,
    });
    this.fanOut = new LocalFanOut(
      (topic) => {
        this.leftSubscribed.delete(topic);
        this.subscribeTopics([topic]);
      },
      (topic) =>
        void this.subscriber.unsubscribe(this.prefix + topic).catch((err: unknown) => {
          if (this.closed) return;
          this.leftSubscribed.add(topic);
          logger.warn({ err, topic }, 'redis unsubscribe failed; retried when redis is back');
        }),
    );
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const topic = channel.toString().slice(this.prefix.length);
      try {
        this.fanOut.emit(topic, JSON.parse(message.toString()));
      } catch (err) {
        logger.error({ err, topic }, 'dropped an unreadable pub/sub message');
      }
    });

    const closing = () => this.closed;
    reportOutages(this.publisher, 'publisher', logger, closing);
    reportOutages(this.subscriber, 'subscriber', logger, closing);
    this.publisher.on('ready', () => {
      this.flushAttempts = 0;
      if (this.pending.length === 0) return;
      // Publishing now would reach only the instances that are back already: let them all be.
      clearTimeout(this.flushTimer);
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.flush();
      }, settle);
      this.flushTimer.unref?.();
    });
    this.subscriber.on('ready', () => {
      this.checkAttempts = 0;
      this.checkSubscriptions();
    });
  }

  static async connect(
    url: string,
    logger: Logger,
    options: RedisPubSubOptions = {},
  ): Promise<RedisPubSub> {
    const pubsub = new RedisPubSub(url, logger, options);
    try {
      await Promise.all([pubsub.publisher.connect(), pubsub.subscriber.connect()]);
    } catch (error) {
      await pubsub.close();
      throw error;
    }
    return pubsub;
  }

  /**
   * Resolves once Redis took the event, it is kept for later, or `PUBLISH_WAIT_MS` passed: a
   * request is never held up, nor failed, by an outage of Redis after its change was committed.
   * A Redis that hangs (stopped, not gone: the connection stays "ready") would otherwise hold
   * every request that publishes for the command timeout; the event's fate is then decided in
   * the background as before (taken, or kept in order when the command fails).
   */
  async publish(topic: string, payload: unknown): Promise<void> {
    const message = JSON.stringify(payload);
    if (this.pending.length === 0 && this.publisher.status === 'ready' && !this.closed) {
      const sent = this.publisher.publish(this.prefix + topic, message).then(
        () => undefined,
        (err: unknown) => this.keep(topic, message, err),
      );
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        sent,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, PUBLISH_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
      return;
    }
    this.keep(topic, message);
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.fanOut.iterate<T>(topic);
  }

  /** Events waiting for Redis to come back. */
  get pendingCount(): number {
    return this.pending.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.flushTimer);
    clearTimeout(this.checkTimer);
    if (this.pending.length > 0) {
      this.logger.error(
        { count: this.pending.length, topics: [...new Set(this.pending.map((p) => p.topic))] },
        'live events never published: redis was still unreachable at shutdown',
      );
      this.pending.length = 0;
    }
    this.fanOut.clear();
    // QUIT would wait for a connection that may never come back.
    await Promise.allSettled(
      [this.publisher, this.subscriber].map((client) =>
        client.status === 'ready' ? client.quit() : Promise.resolve(client.disconnect()),
      ),
    );
  }

  private keep(topic: string, message: string, err?: unknown): void {
    if (this.closed) {
      this.logger.error({ topic }, 'live event not published: shutting down');
      return;
    }
    this.pending.push({ topic, message });
    if (err !== undefined || this.publisher.status !== 'ready')
      this.logger.warn(
        { err, topic, pending: this.pending.length },
        'live event not published yet: kept until redis is back',
      );
    // Redis is back and kept events go first: this one follows them, in order.
    else this.logger.debug({ topic, pending: this.pending.length }, 'live event queued');
    while (this.pending.length > this.maxPending) {
      const dropped = this.pending.shift();
      this.logger.error(
        { topic: dropped?.topic, maxPending: this.maxPending },
        'live event dropped: too many waiting for redis',
      );
    }
    if (this.publisher.status === 'ready') this.scheduleFlush();
  }

  /** Publishes the kept events in order; stops at the first failure and tries again later. */
  private async flush(): Promise<void> {
    if (this.flushing || this.closed) return;
    this.flushing = true;
    let sent = 0;
    try {
      while (this.pending.length > 0 && !this.closed) {
        if (this.publisher.status !== 'ready') return; // 'ready' calls flush again
        const next = this.pending[0]!;
        try {
          await this.publisher.publish(this.prefix + next.topic, next.message);
        } catch (err) {
          this.logger.warn(
            { err, topic: next.topic, pending: this.pending.length },
            'kept live event still not published: retrying',
          );
          this.scheduleFlush();
          return;
        }
        this.pending.shift();
        sent += 1;
      }
      this.flushAttempts = 0;
    } finally {
      this.flushing = false;
      if (sent > 0) this.logger.info({ sent }, 'kept live events published');
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.closed) return;
    this.flushAttempts += 1;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, this.retryDelay(this.flushAttempts));
    this.flushTimer.unref?.();
  }

  private subscribeTopics(topics: string[]): void {
    if (topics.length === 0 || this.closed) return;
    void this.subscriber.subscribe(...topics.map((topic) => this.prefix + topic)).catch((err) => {
      if (this.closed) return;
      this.logger.error({ err, topics }, 'redis subscribe failed: retrying');
      this.scheduleCheck();
    });
  }

  /**
   * Our own pass after every (re)connection: SUBSCRIBE every topic a local subscriber listens to
   * (Redis ignores a channel already subscribed), UNSUBSCRIBE what was left behind.
   */
  private checkSubscriptions(): void {
    if (this.closed || this.subscriber.status !== 'ready') return;
    this.subscribeTopics(this.fanOut.topics());
    const left = [...this.leftSubscribed].filter((topic) => this.fanOut.listenerCount(topic) === 0);
    this.leftSubscribed.clear();
    if (left.length > 0)
      void this.subscriber.unsubscribe(...left.map((topic) => this.prefix + topic)).catch(() => {
        for (const topic of left) this.leftSubscribed.add(topic);
      });
  }

  private scheduleCheck(): void {
    if (this.checkTimer || this.closed) return;
    this.checkAttempts += 1;
    this.checkTimer = setTimeout(() => {
      this.checkTimer = undefined;
      this.checkSubscriptions();
    }, this.retryDelay(this.checkAttempts));
    this.checkTimer.unref?.();
  }
}
