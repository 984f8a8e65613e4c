import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function problemWith(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).variable;
  }
}

describe('configuration', () => {
  it('namespaces Redis by ALANY_REDIS_PREFIX', () => {
    expect(loadConfig({}).redisPrefix).toBe('alany');
    expect(loadConfig({ ALANY_REDIS_PREFIX: 'alany-staging' }).redisPrefix).toBe('alany-staging');
    expect(() => loadConfig({ ALANY_REDIS_PREFIX: 'a b' })).toThrow(/ALANY_REDIS_PREFIX/);
  });

  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 4000, databaseUrl: undefined });
    // Off the network until HOST says otherwise, in development too.
    expect(config.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(config.dataDir).toMatch(/\.alany$/);
    expect(config.sockets).toEqual({
      socketsPerCredential: 20,
      socketsPerAddress: 5000,
      subscriptionsPerSocket: 100,
      messagesPer10Seconds: 200,
      revalidateSeconds: 30,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://root@localhost/alany' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ ALANY_APP_DATABASE_URL: 'alany_app@db' }, 'ALANY_APP_DATABASE_URL'],
    [{ ALANY_PUBLIC_URL: 'ftp://alany.kz' }, 'ALANY_PUBLIC_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ ALANY_REPORT_KEY: 'c2hvcnQ=' }, 'ALANY_REPORT_KEY'],
    [{ NODE_ENV: 'production' }, 'ALANY_REPORT_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ALANY_SEED_DEMO: 'yes' }, 'ALANY_SEED_DEMO'],
    [{ ALANY_MAX_UPLOAD_MB: '0' }, 'ALANY_MAX_UPLOAD_MB'],
    [{ ALANY_MAX_UPLOAD_MB: '50MB' }, 'ALANY_MAX_UPLOAD_MB'],
    [{ S3_ENDPOINT: 'https://minio:9000' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'alany', S3_ENDPOINT: 's3.local' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'alany', S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    [{ ALANY_DB_STATEMENT_TIMEOUT_MS: '30s' }, 'ALANY_DB_STATEMENT_TIMEOUT_MS'],
    [{ ALANY_DB_STATEMENT_TIMEOUT_MS: '0' }, 'ALANY_DB_STATEMENT_TIMEOUT_MS'],
    [{ ALANY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '-1' }, 'ALANY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'],
    [{ ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS: 'soon' }, 'ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS'],
    [{ ALANY_DRAIN_GRACE_MS: '5 s' }, 'ALANY_DRAIN_GRACE_MS'],
    [{ ALANY_WS_SOCKETS_PER_CREDENTIAL: '0' }, 'ALANY_WS_SOCKETS_PER_CREDENTIAL'],
    [{ ALANY_WS_SOCKETS_PER_ADDRESS: 'many' }, 'ALANY_WS_SOCKETS_PER_ADDRESS'],
    [{ ALANY_WS_SUBSCRIPTIONS_PER_SOCKET: '1.5' }, 'ALANY_WS_SUBSCRIPTIONS_PER_SOCKET'],
    [{ ALANY_WS_MESSAGES_PER_10S: '2000000' }, 'ALANY_WS_MESSAGES_PER_10S'],
    [{ ALANY_WS_REVALIDATE_SECONDS: '-5' }, 'ALANY_WS_REVALIDATE_SECONDS'],
  ])('refuses %o naming %s', (env, variable) => {
    expect(problemWith(env)).toBe(variable);
  });

  it('reads valid settings', () => {
    const config = loadConfig({
      PORT: '8080',
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://alany@db:5432/alany',
      REDIS_URL: 'redis://cache:6379',
      ALANY_DATA_DIR: '/var/lib/alany',
      ALANY_REPORT_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(config).toMatchObject({
      port: 8080,
      env: 'production',
      databaseUrl: 'postgres://alany@db:5432/alany',
      redisUrl: 'redis://cache:6379',
      dataDir: '/var/lib/alany',
    });
  });

  it('bounds the database connections and drains in production by default, and takes other values', () => {
    expect(loadConfig({})).toMatchObject({
      database: {
        statementTimeoutMs: 30_000,
        idleInTransactionTimeoutMs: 60_000,
        poolAcquireTimeoutMs: 5_000,
      },
      drainGraceMs: 0,
    });
    const production = {
      NODE_ENV: 'production',
      ALANY_REPORT_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(loadConfig(production).drainGraceMs).toBe(5_000);
    expect(
      loadConfig({
        ALANY_DB_STATEMENT_TIMEOUT_MS: '1000',
        ALANY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
        ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS: '300',
        ALANY_DRAIN_GRACE_MS: '15000',
      }),
    ).toMatchObject({
      database: {
        statementTimeoutMs: 1000,
        idleInTransactionTimeoutMs: 2000,
        poolAcquireTimeoutMs: 300,
      },
      drainGraceMs: 15_000,
    });
  });

  it('keeps files in ALANY_DATA_DIR by default, with a 50 MB limit', () => {
    expect(loadConfig({ ALANY_DATA_DIR: '/var/lib/alany' })).toMatchObject({
      maxUploadBytes: 50 * 1024 * 1024,
      storage: { kind: 'local', directory: '/var/lib/alany/files' },
    });
  });

  it('selects S3-compatible storage with S3_BUCKET', () => {
    const config = loadConfig({
      ALANY_MAX_UPLOAD_MB: '200',
      S3_BUCKET: 'alany-files',
      S3_ENDPOINT: 'https://minio.internal:9000',
      S3_REGION: 'kz-almaty-1',
      S3_PREFIX: 'prod/',
    });
    expect(config).toMatchObject({
      maxUploadBytes: 200 * 1024 * 1024,
      storage: {
        kind: 's3',
        bucket: 'alany-files',
        endpoint: 'https://minio.internal:9000',
        region: 'kz-almaty-1',
        forcePathStyle: true,
        prefix: 'prod/',
      },
    });
  });
});
