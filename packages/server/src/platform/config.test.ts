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
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 4000, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/\.alany$/);
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
});
