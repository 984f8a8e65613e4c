import type { Logger } from '../logging.js';
import { InProcessPubSub, type PubSub } from './pubsub.js';
import { RedisPubSub } from './redis-pubsub.js';

export type { PubSub } from './pubsub.js';
export { reportOutages } from './redis-pubsub.js';

export async function createPubSub(
  redisUrl: string | undefined,
  logger: Logger,
  prefix = 'alany',
): Promise<PubSub> {
  if (!redisUrl) return new InProcessPubSub();
  try {
    return await RedisPubSub.connect(redisUrl, logger, { prefix });
  } catch (error) {
    throw new Error(`REDIS_URL: could not connect (${(error as Error).message})`, { cause: error });
  }
}
