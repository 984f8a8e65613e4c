import { describe, it } from 'vitest';

/**
 * The live test files once more, with every test server's pub/sub on the Redis in REDIS_URL
 * (CI's test step sets it): the in-process run happens in the files themselves, this is the
 * extra one. `startTestServer` then proves that each server's events go through Redis.
 * Without REDIS_URL this file says so, loudly, and skips.
 */
const redisUrl = process.env.REDIS_URL;

if (redisUrl) {
  process.env.ALANY_TEST_PUBSUB = 'redis';
  describe('on Redis: discussions, live', async () => {
    await import('../modules/discussions/discussions.live.test.js');
  });
  describe('on Redis: events, live', async () => {
    await import('../modules/events/events.live.test.js');
  });
  describe('on Redis: subscriptions', async () => {
    await import('../platform/pubsub/subscriptions.test.js');
  });
} else {
  console.warn(
    'WARNING: REDIS_URL is unset, so the live tests ran on the in-process pub/sub only, not on Redis (CI sets REDIS_URL).',
  );
  it.skip('live tests on Redis: SKIPPED, REDIS_URL is unset', () => undefined);
}
