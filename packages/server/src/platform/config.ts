import path from 'node:path';
import { localStorageDirectory, type StorageSettings } from './storage/index.js';
import type { SocketLimits } from './graphql/socket-credentials.js';

export type Environment = 'development' | 'production' | 'test';

export interface Config {
  env: Environment;
  port: number;
  host: string;
  /** Owner connection (runs migrations). Unset: the embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** The application role's own connection, when the owner may not create roles (managed PostgreSQL). */
  appDatabaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Start of every Redis key and channel of this deployment (several may share one Redis). */
  redisPrefix: string;
  dataDir: string;
  /** Where the built web client lives; served at `/` when present. */
  webDist: string | undefined;
  logLevel: string;
  seedDemoData: boolean;
  /** Where people reach Alany; links in e-mails start with it. Unset: the address the server listens on. */
  publicUrl: string | undefined;
  /** Mail is always kept in the outbox and the log; with this set it is also sent over SMTP. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** 32 bytes that encrypt integrity reports; unset outside production: a key kept in ALANY_DATA_DIR. */
  reportKey: Buffer | undefined;
  /** Largest file POST /files takes (ALANY_MAX_UPLOAD_MB, default 50). */
  maxUploadBytes: number;
  /** Where uploaded files live: a folder under ALANY_DATA_DIR, or S3 when S3_BUCKET is set. */
  storage: StorageSettings;
  /** Limits on the application role's connections (see docs/reliability.md). */
  database: DatabaseLimits;
  /**
   * After SIGTERM, how long `/readyz` answers 503 while requests are still served, so a load
   * balancer stops sending new ones before the port closes (ALANY_DRAIN_GRACE_MS).
   */
  drainGraceMs: number;
  /** Caps on graphql-ws sockets (ALANY_WS_*; see docs/configuration.md). */
  sockets: SocketLimits;
}

export interface DatabaseLimits {
  /** Longest a statement of the application role may run (ALANY_DB_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs: number;
  /** Longest a transaction may sit idle before PostgreSQL ends it (ALANY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS). */
  idleInTransactionTimeoutMs: number;
  /** Longest a request waits for a pooled connection (ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS). */
  poolAcquireTimeoutMs: number;
}

/** A setting that is present but wrong. The message names the variable, and start-up stops with it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const ENVIRONMENTS: readonly Environment[] = ['development', 'production', 'test'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A whole number of milliseconds from `min` to `max`, or `fallback` when unset. */
function readMilliseconds(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(
      name,
      `must be a whole number of milliseconds from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}

function readUrl(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL (expected ${protocols[0]}//…)`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}, got ${url.protocol}`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV?.trim() || 'development') as Environment;
  if (!ENVIRONMENTS.includes(nodeEnv)) {
    throw new ConfigError(
      'NODE_ENV',
      `must be one of ${ENVIRONMENTS.join(', ')}, got "${nodeEnv}"`,
    );
  }

  const rawPort = env.PORT?.trim() || '4000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535, got "${rawPort}"`);
  }

  const logLevel = env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const dataDirRaw = env.ALANY_DATA_DIR?.trim() || '.alany';
  if (dataDirRaw.includes('\0')) throw new ConfigError('ALANY_DATA_DIR', 'is not a valid path');

  // A demo account with a published password has no place in production unless asked for.
  const seedRaw = env.ALANY_SEED_DEMO?.trim() || (nodeEnv === 'production' ? 'false' : 'true');
  if (!['true', 'false'].includes(seedRaw)) {
    throw new ConfigError('ALANY_SEED_DEMO', 'must be true or false');
  }

  const publicUrl = readUrl(env, 'ALANY_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, '');

  const rawReportKey = env.ALANY_REPORT_KEY?.trim();
  let reportKey: Buffer | undefined;
  if (rawReportKey) {
    reportKey = Buffer.from(rawReportKey, 'base64');
    if (reportKey.length !== 32) {
      throw new ConfigError(
        'ALANY_REPORT_KEY',
        'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)',
      );
    }
  } else if (nodeEnv === 'production') {
    throw new ConfigError(
      'ALANY_REPORT_KEY',
      'is required in production: it encrypts integrity reports (32 bytes, base64)',
    );
  }

  const rawMaxUpload = env.ALANY_MAX_UPLOAD_MB?.trim() || '50';
  const maxUploadMb = Number(rawMaxUpload);
  if (!/^\d+$/.test(rawMaxUpload) || maxUploadMb < 1 || maxUploadMb > 10_240) {
    throw new ConfigError(
      'ALANY_MAX_UPLOAD_MB',
      `must be a whole number of megabytes from 1 to 10240, got "${rawMaxUpload}"`,
    );
  }
  const dataDir = path.resolve(dataDirRaw);

  return {
    sockets: socketLimits(env),
    reportKey,
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    storage: storageSettings(env, dataDir),
    env: nodeEnv,
    publicUrl,
    smtpUrl: readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.ALANY_MAIL_FROM?.trim() || 'Alany <no-reply@alany.local>',
    port,
    // Reachable from the network only when asked for (the container and Kubernetes files ask).
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    appDatabaseUrl: readUrl(env, 'ALANY_APP_DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: redisPrefix(env),
    dataDir,
    webDist: env.ALANY_WEB_DIST?.trim() || undefined,
    logLevel,
    seedDemoData: seedRaw === 'true',
    database: {
      statementTimeoutMs: readMilliseconds(
        env,
        'ALANY_DB_STATEMENT_TIMEOUT_MS',
        30_000,
        100,
        3_600_000,
      ),
      idleInTransactionTimeoutMs: readMilliseconds(
        env,
        'ALANY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        60_000,
        100,
        3_600_000,
      ),
      poolAcquireTimeoutMs: readMilliseconds(
        env,
        'ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS',
        5_000,
        100,
        600_000,
      ),
    },
    // Long enough for a load balancer's readiness probe to notice; nothing to wait for in development.
    drainGraceMs: readMilliseconds(
      env,
      'ALANY_DRAIN_GRACE_MS',
      nodeEnv === 'production' ? 5_000 : 0,
      0,
      600_000,
    ),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim() || String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 1_000_000) {
    throw new ConfigError(name, `must be a whole number from 1 to 1000000, got "${raw}"`);
  }
  return value;
}

/**
 * A venue of 2 000 guests behind one Wi-Fi address opens 2 000 sockets (more while phones
 * reconnect): the address cap leaves room for that; a person's or token's own sockets are
 * capped by credential instead (a browser opens one per tab).
 */
function socketLimits(env: NodeJS.ProcessEnv): SocketLimits {
  return {
    socketsPerCredential: wholeNumber(env, 'ALANY_WS_SOCKETS_PER_CREDENTIAL', 20),
    socketsPerAddress: wholeNumber(env, 'ALANY_WS_SOCKETS_PER_ADDRESS', 5_000),
    subscriptionsPerSocket: wholeNumber(env, 'ALANY_WS_SUBSCRIPTIONS_PER_SOCKET', 100),
    messagesPer10Seconds: wholeNumber(env, 'ALANY_WS_MESSAGES_PER_10S', 200),
    revalidateSeconds: wholeNumber(env, 'ALANY_WS_REVALIDATE_SECONDS', 30),
  };
}

/**
 * S3_BUCKET selects S3 (or any S3-compatible store: S3_ENDPOINT, S3_FORCE_PATH_STYLE); the
 * credentials come from S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY or the SDK's usual sources.
 */
function storageSettings(env: NodeJS.ProcessEnv, dataDir: string): StorageSettings {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) {
    for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      if (env[name]?.trim()) throw new ConfigError('S3_BUCKET', `is required when ${name} is set`);
    }
    return { kind: 'local', directory: localStorageDirectory(dataDir) };
  }
  const forcePathStyle = env.S3_FORCE_PATH_STYLE?.trim() || (env.S3_ENDPOINT ? 'true' : 'false');
  if (!['true', 'false'].includes(forcePathStyle)) {
    throw new ConfigError('S3_FORCE_PATH_STYLE', 'must be true or false');
  }
  const prefix = env.S3_PREFIX?.trim() ?? '';
  if (prefix && !/^[A-Za-z0-9._/-]+\/$/.test(prefix)) {
    throw new ConfigError(
      'S3_PREFIX',
      'must be letters, digits, dots, dashes or slashes, ending in /',
    );
  }
  return {
    kind: 's3',
    bucket,
    region: env.S3_REGION?.trim() || 'us-east-1',
    endpoint: readUrl(env, 'S3_ENDPOINT', ['https:', 'http:']),
    accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || undefined,
    forcePathStyle: forcePathStyle === 'true',
    prefix,
  };
}

/** ALANY_REDIS_PREFIX: letters, digits, `-`, `_` and `.`, at most 64; `alany` when unset. */
function redisPrefix(env: NodeJS.ProcessEnv): string {
  const raw = env.ALANY_REDIS_PREFIX?.trim();
  if (!raw) return 'alany';
  if (!/^[\w.-]{1,64}$/.test(raw)) {
    throw new ConfigError('ALANY_REDIS_PREFIX', 'use 1 to 64 letters, digits, "-", "_" or ".".');
  }
  return raw;
}
