import { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import { LocalFanOut, type PubSub } from './pubsub.js';

const PREFIX = 'alany:';

/**
 * Delivery across server instances: every instance subscribes in Redis to the topics its own
 * clients listen to, and fans each message out locally, so each subscriber gets it once.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanOut: LocalFanOut;

  private constructor(url: string, logger: Logger) {
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: true });
    this.fanOut = new LocalFanOut(
      (topic) =>
        void this.subscriber.subscribe(PREFIX + topic).catch((err: unknown) => {
          logger.error({ err, topic }, 'redis subscribe failed');
        }),
      (topic) =>
        void this.subscriber.unsubscribe(PREFIX + topic).catch((err: unknown) => {
          logger.warn({ err, topic }, 'redis unsubscribe failed');
        }),
    );
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const topic = channel.toString().slice(PREFIX.length);
      try {
        this.fanOut.emit(topic, JSON.parse(message.toString()));
      } catch (err) {
        logger.error({ err, topic }, 'dropped an unreadable pub/sub message');
      }
    });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (err: unknown) => logger.warn({ err }, 'redis connection error'));
    }
  }

  static async connect(url: string, logger: Logger): Promise<RedisPubSub> {
    const pubsub = new RedisPubSub(url, logger);
    await Promise.all([pubsub.publisher.connect(), pubsub.subscriber.connect()]);
    return pubsub;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.publisher.publish(PREFIX + topic, JSON.stringify(payload));
  }

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.fanOut.iterate<T>(topic);
  }

  async close(): Promise<void> {
    this.fanOut.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
