import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
} from 'rate-limiter-flexible';
import { rateLimited } from '../graphql/errors.js';
import type { Logger } from '../logging.js';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window frees up (0 when allowed). */
  retryAfter: number;
}

export interface RateState extends RateDecision {
  /** Attempts counted in the current window. */
  counted: number;
}

/**
 * Counts attempts per key in a window of `windowSeconds`, `limit` allowed; shared by every
 * instance when Redis is configured. Backed by rate-limiter-flexible: one limiter per
 * (limit, window) pair, created on first use and kept.
 */
export interface RateLimiter {
  /** Counts one attempt; refused once more than `limit` were counted in the window. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateState>;
  /** Whether one more attempt would be allowed, and how many were counted, without counting one. */
  peek(key: string, limit: number, windowSeconds: number): Promise<RateState>;
  /** Gives one counted attempt back (one that turned out not to count, e.g. a code that matched). */
  refund(key: string, limit: number, windowSeconds: number): Promise<void>;
  /** Forgets every count kept for `key`. */
  reset(key: string): Promise<void>;
}

/** A named limit: `points` attempts per `windowSeconds`. */
export interface Limit {
  points: number;
  windowSeconds: number;
}

/**
 * Every limit the API applies, in one place (docs/api.md lists them). The subject of each (a
 * person, a client address, an account) is in the key the call site builds.
 */
export const LIMITS = {
  /** Accounts created from one client address (argon2 runs for each). */
  signUpPerClient: { points: 30, windowSeconds: 10 * 60 },
  /** Sign-in attempts from one client address, whichever the account. */
  signInPerClient: { points: 50, windowSeconds: 15 * 60 },
  /** Wrong passwords for one account from one client: then that client is locked out of it. */
  signInFailuresPerAccountClient: { points: 10, windowSeconds: 15 * 60 },
  /**
   * Wrong passwords for one account from every client together: past it, only clients that have
   * not failed for this account may still try (the owner is not locked out by a stranger).
   */
  signInFailuresPerAccount: { points: 100, windowSeconds: 60 * 60 },
  /** Join codes that matched no event, per client address (matches are not counted). */
  joinCodeMissesPerClient: { points: 100, windowSeconds: 15 * 60 },
  /**
   * Join-code look-ups at the same time from one client address: a burst of guesses overruns
   * the budget of misses by no more than this. A place is given back when its look-up ends; the
   * window only bounds how long places taken by a process that died are kept.
   */
  joinCodeLookUpsInFlightPerClient: { points: 100, windowSeconds: 60 },
  changePassword: { points: 10, windowSeconds: 15 * 60 },
  post: { points: 30, windowSeconds: 60 },
  flag: { points: 20, windowSeconds: 60 * 60 },
  askQuestion: { points: 10, windowSeconds: 60 },
  invitePerOrganisation: { points: 200, windowSeconds: 60 * 60 },
  acceptInvitation: { points: 20, windowSeconds: 60 * 60 },
  /** Invitation previews (the sign-up page of an invitation link) per client address. */
  invitationPreviewPerClient: { points: 60, windowSeconds: 15 * 60 },
  upload: { points: 120, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

/** Counts one attempt against `limit`; throws RATE_LIMITED (with `retryAfter`) once it is spent. */
export async function enforce(limiter: RateLimiter, limit: Limit, key: string): Promise<void> {
  const decision = await limiter.hit(key, limit.points, limit.windowSeconds);
  if (!decision.allowed) throw rateLimited(decision.retryAfter);
}

/** A key part that names someone (an e-mail address) without keeping it in the store. */
export function hashedKey(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

type Store = RateLimiterMemory | RateLimiterRedis;

/** The memory limiter that stands in while Redis is away; tells when it is first used. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: IRateLimiterOptions,
    private readonly used: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>) {
    this.used();
    return super.consume(...args);
  }

  override get(...args: Parameters<RateLimiterMemory['get']>) {
    this.used();
    return super.get(...args);
  }

  override reward(...args: Parameters<RateLimiterMemory['reward']>) {
    this.used();
    return super.reward(...args);
  }

  override delete(...args: Parameters<RateLimiterMemory['delete']>) {
    this.used();
    return super.delete(...args);
  }
}

export class FlexibleRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, Store>();
  private degraded = false;

  /** Without `redis`, counts in this process's memory. */
  constructor(
    private readonly redis?: Redis,
    private readonly logger?: Logger,
    /** What every key starts with: one deployment's (ALANY_REDIS_PREFIX, default `alany`). */
    private readonly prefix = 'alany',
  ) {
    if (!redis) return;
    // An unhandled 'error' event would be printed for each reconnection attempt.
    redis.on('error', (err: unknown) => this.redisLost(err));
    redis.on('ready', () => this.redisBack());
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateState> {
    try {
      const state = await this.limiter(limit, windowSeconds).consume(key, 1);
      return { allowed: true, retryAfter: 0, counted: state.consumedPoints };
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        return {
          allowed: false,
          retryAfter: secondsOf(error.msBeforeNext),
          counted: error.consumedPoints,
        };
      }
      throw error;
    }
  }

  async peek(key: string, limit: number, windowSeconds: number): Promise<RateState> {
    const state = await this.limiter(limit, windowSeconds).get(key);
    const counted = Math.max(0, state?.consumedPoints ?? 0);
    if (!state || counted < limit) return { allowed: true, retryAfter: 0, counted };
    return { allowed: false, retryAfter: secondsOf(state.msBeforeNext), counted };
  }

  async refund(key: string, limit: number, windowSeconds: number): Promise<void> {
    await this.limiter(limit, windowSeconds).reward(key, 1);
  }

  async reset(key: string): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.delete(key)));
  }

  private limiter(points: number, duration: number): Store {
    const id = `${points}:${duration}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const options = { keyPrefix: `${this.prefix}:rate:${id}`, points, duration };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            // Not connected: count in memory at once rather than queue behind reconnection.
            rejectIfRedisNotReady: true,
            insuranceLimiter: new InsuranceLimiter(options, () => this.redisLost()),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private redisLost(err?: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger?.warn(
      { err },
      'rate limits: Redis is unreachable; counting in this process until it is back',
    );
  }

  private redisBack(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger?.info('rate limits: Redis is back; counts are shared again');
  }
}

/** Counts in this process only (no REDIS_URL). */
export class MemoryRateLimiter extends FlexibleRateLimiter {
  constructor() {
    super();
  }
}

/** Counts in Redis, shared by every instance, with an in-memory stand-in while Redis is away. */
export class RedisRateLimiter extends FlexibleRateLimiter {
  constructor(redis: Redis, logger?: Logger, prefix?: string) {
    super(redis, logger, prefix);
  }
}

/** The limiter for this configuration, and how to close what it opened. */
export async function createRateLimiter(
  redisUrl: string | undefined,
  logger: Logger,
  prefix = 'alany',
): Promise<{ rateLimiter: RateLimiter; close(): Promise<void> }> {
  if (!redisUrl) return { rateLimiter: new MemoryRateLimiter(), close: async () => undefined };
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    // A limiter must answer now: a command without a connection fails, and the stand-in counts.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
  });
  const rateLimiter = new RedisRateLimiter(redis, logger, prefix);
  // Unreachable at start: limits count in memory (logged) until Redis answers.
  await redis.connect().catch(() => undefined);
  return {
    rateLimiter,
    close: async () => {
      redis.removeAllListeners('ready');
      redis.disconnect();
    },
  };
}
