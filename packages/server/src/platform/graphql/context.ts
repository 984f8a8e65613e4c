import type { Config } from '../config.js';
import type { UnitOfWork } from '../database/unit-of-work.js';
import type { Logger } from '../logging.js';
import type { PubSub } from '../pubsub/index.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { Viewer } from '../auth/viewer.js';
import type { Mailer } from '../mail/mailer.js';
import type { Sealer } from '../crypto/sealer.js';
import type { FileStorage } from '../storage/index.js';
import type { RequestCache } from './loaders.js';

/** What the session cookie should become when this response is sent (HTTP only). */
export interface SessionCookieWriter {
  set(secret: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  requestId: string;
  transport: 'http' | 'ws';
  logger: Logger;
  config: Config;
  viewer: Viewer;
  db: UnitOfWork;
  pubsub: PubSub;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  /** Encrypts integrity reports. */
  sealer: Sealer;
  /** Where uploaded files live. */
  storage: FileStorage;
  /** The address people reach Alany at: links in e-mails start with it. */
  publicUrl: string;
  /**
   * The client's address for rate limits; never stored. On the anonymous reporting path it is
   * the day's pseudonym of the address instead (modules/reports/reports.gate.ts).
   */
  clientAddress: string;
  /**
   * An anonymous reporting operation (modules/reports): no session was resolved for it, even if
   * a cookie came along, and nothing about it is logged with more than its day.
   */
  reporting?: boolean;
  userAgent: string | undefined;
  sessionCookie: SessionCookieWriter;
  /** This request's DataLoaders and memoised values, by declared name (see loaders.ts). */
  loaders: RequestCache;
}

/** Over WebSocket there is no response to carry a cookie: signing in there is refused. */
export const noCookieOverWebSocket: SessionCookieWriter = {
  set() {
    throw new Error('Sign in over HTTP: a WebSocket cannot set the session cookie.');
  },
  clear() {
    /* the socket closes with the session; nothing to clear */
  },
};
