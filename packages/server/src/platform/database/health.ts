import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logging.js';

/**
 * SQLSTATEs that say the server is gone or cannot take us now, not that a statement was wrong:
 * connection exceptions (class 08), too many connections, admin/crash shutdown, starting up.
 */
const OUTAGE_STATES = /^(08...|53300|57P01|57P02|57P03)$/;
const OUTAGE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const OUTAGE_MESSAGES = [
  /Connection terminated/i,
  /Timeout acquiring a connection/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
  /timeout expired/i,
];

/**
 * Whether `error` (or what it wraps: MikroORM's DriverException, knex's and pg's errors,
 * graphql-js's located errors) says the database cannot be reached, rather than that a statement
 * was wrong. Such a failure is the service's, for a while: the client may try again.
 */
export function isDatabaseOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, name, message } = current as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
    };
    if (typeof code === 'string' && (OUTAGE_STATES.test(code) || OUTAGE_ERRNO.has(code)))
      return true;
    if (name === 'KnexTimeoutError' || name === 'ConnectionException') return true;
    if (typeof message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(message))) {
      return true;
    }
    const next = current as { originalError?: unknown; cause?: unknown; previous?: unknown };
    current = next.originalError ?? next.previous ?? next.cause;
  }
  return false;
}

/** The innermost cause worth logging: the driver's own error, not its wrappers. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8; depth++) {
    const next = (
      current as { originalError?: unknown; previous?: unknown; cause?: unknown } | null
    )?.originalError;
    if (!next) break;
    current = next;
  }
  return current;
}

/** What tarn (knex's pool) tells about itself. */
interface PoolInternals {
  max: number;
  numUsed(): number;
  numPendingAcquires(): number;
  on(event: 'release' | 'acquireSuccess', listener: () => void): void;
}

export interface DatabaseHealthOptions {
  /** How long the pool may stay full, with requests waiting and nothing given back, before it counts as wedged. */
  wedgedAfterMs: number;
  /** Seconds a client is asked to wait before trying again during an outage. */
  retryAfterSeconds?: number;
}

/**
 * The application's view of its database: outages are logged once when they begin and once when
 * they end (not once per request), and the pool is watched for being wedged (every connection
 * taken, requests waiting, none given back for longer than any statement or idle transaction
 * may last), which only a restart cures: `/healthz` fails then.
 */
export class DatabaseHealth {
  private downSince: number | undefined;
  private lastProgress = Date.now();
  private readonly pool: PoolInternals | undefined;
  readonly retryAfterSeconds: number;

  constructor(
    orm: MikroORM,
    private readonly logger: Logger,
    private readonly options: DatabaseHealthOptions,
  ) {
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
    const knex = orm.em.getConnection('write').getKnex();
    this.pool = (knex.client as { pool?: PoolInternals }).pool;
    const progress = () => {
      this.lastProgress = Date.now();
    };
    this.pool?.on('release', progress);
    this.pool?.on('acquireSuccess', progress);
  }

  get unavailable(): boolean {
    return this.downSince !== undefined;
  }

  /** A request failed because the database cannot be reached: logged when the outage begins. */
  outage(error: unknown): void {
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.logger.error(
      { err: rootCause(error), event: 'database_unavailable' },
      'database unavailable',
    );
  }

  /** The database answered: logged once, when an outage ends. */
  available(): void {
    if (this.downSince === undefined) return;
    const downMs = Date.now() - this.downSince;
    this.downSince = undefined;
    this.logger.info({ downMs, event: 'database_available' }, 'database available again');
  }

  /** Why the pool is wedged, or undefined when it is not. */
  wedged(now = Date.now()): string | undefined {
    const pool = this.pool;
    if (!pool) return undefined;
    const waiting = pool.numPendingAcquires();
    if (waiting === 0 || pool.numUsed() < pool.max) {
      this.lastProgress = now;
      return undefined;
    }
    const stuckMs = now - this.lastProgress;
    if (stuckMs < this.options.wedgedAfterMs) return undefined;
    return `all ${pool.max} database connections held for ${Math.round(stuckMs / 1000)} s with ${waiting} requests waiting`;
  }
}
