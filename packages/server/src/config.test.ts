import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GovchatError } from '@govchat/core';
import { createServer, loadConfig } from '@govchat/server';

function configError(fn: () => unknown): GovchatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GovchatError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('works out of the box', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', ingestOnStart: true, trustProxy: false, botAdminKeys: {} });
    expect(config.dataDir).toBe(join(process.cwd(), 'data'));
    expect(config.corporaDir).toBe(join(process.cwd(), 'corpora'));
    expect(config.dbFile).toBe(join(process.cwd(), 'data', 'govchat.sqlite'));
    expect(config.widgetFile).toMatch(/widget[/\\]dist[/\\]widget\.js$/);
    expect(config.adminKey).toBeUndefined();
  });

  it('reads environment variables, and overrides win over them', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        GOVCHAT_DATA_DIR: '/srv/govchat',
        GOVCHAT_ADMIN_KEY: 'a-long-global-admin-key',
        GOVCHAT_ADMIN_KEY_IAM_SMART: 'a-long-iam-smart-admin-key',
        GOVCHAT_TRUST_PROXY: '1',
        GOVCHAT_INGEST_ON_START: 'false',
        GOVCHAT_RATE_LIMIT_PER_IP: '30',
      },
      { port: 0 },
    );
    expect(config).toMatchObject({
      port: 0,
      dataDir: '/srv/govchat',
      dbFile: '/srv/govchat/govchat.sqlite',
      adminKey: 'a-long-global-admin-key',
      botAdminKeys: { 'iam-smart': 'a-long-iam-smart-admin-key' },
      trustProxy: 1,
      ingestOnStart: false,
      rateLimitPerIp: 30,
    });
  });

  it('names the variable and what it must be', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ PORT: 'abc' }, 'PORT', /PORT must be a whole number \(got "abc"\)/],
      [{ PORT: '70000' }, 'PORT', /PORT must be at most 65535 \(got 70000\)/],
      [{ GOVCHAT_LOG_LEVEL: 'loud' }, 'GOVCHAT_LOG_LEVEL', /GOVCHAT_LOG_LEVEL must be one of fatal, error/],
      [{ GOVCHAT_ADMIN_KEY: 'short' }, 'GOVCHAT_ADMIN_KEY', /GOVCHAT_ADMIN_KEY must be at least 16 characters/],
      [{ GOVCHAT_ADMIN_KEY_HOUSING: 'short' }, 'GOVCHAT_ADMIN_KEY_HOUSING', /GOVCHAT_ADMIN_KEY_HOUSING must be at least 16/],
      [{ GOVCHAT_ADMIN_KEY__LEADING: 'a-long-enough-admin-key' }, 'GOVCHAT_ADMIN_KEY__LEADING', /GOVCHAT_ADMIN_KEY__LEADING does not name a valid bot id/],
      [{ GOVCHAT_INGEST_ON_START: 'maybe' }, 'GOVCHAT_INGEST_ON_START', /must be true or false \(got "maybe"\)/],
      [{ GOVCHAT_MAX_CONCURRENT_ASKS: '0' }, 'GOVCHAT_MAX_CONCURRENT_ASKS', /GOVCHAT_MAX_CONCURRENT_ASKS must be from 1 to 100/],
      [{ GOVCHAT_REDIS_URL: 'http://cache:6379' }, 'GOVCHAT_REDIS_URL', /GOVCHAT_REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
      [{ GOVCHAT_REDIS_PREFIX: 'has space' }, 'GOVCHAT_REDIS_PREFIX', /GOVCHAT_REDIS_PREFIX must be 1-64 letters/],
      [{ GOVCHAT_INDEX_POLL_MS: '50' }, 'GOVCHAT_INDEX_POLL_MS', /GOVCHAT_INDEX_POLL_MS must be 0 \(never\) or at least 100/],
      [{ GOVCHAT_INDEX_WATCH: 'sometimes' }, 'GOVCHAT_INDEX_WATCH', /must be true or false/],
    ];
    for (const [env, variable, message] of cases) {
      const error = configError(() => loadConfig(env));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.details?.variables).toEqual([variable]);
      expect(error.message).toMatch(message);
    }
    // The admin key's value is never echoed into the message, nor a Redis URL (it may hold a password).
    expect(configError(() => loadConfig({ GOVCHAT_ADMIN_KEY: 'secret' })).message).not.toContain('secret');
    expect(configError(() => loadConfig({ GOVCHAT_REDIS_URL: 'redis//:hunter2@cache' })).message).not.toContain('hunter2');
    // Every problem is reported at once.
    const both = configError(() => loadConfig({ PORT: 'x', GOVCHAT_RATE_LIMIT_PER_IP: 'y' }));
    expect(both.details?.variables).toEqual(['PORT', 'GOVCHAT_RATE_LIMIT_PER_IP']);
    // An invalid override names the option.
    expect(configError(() => loadConfig({}, { historyTurns: 99 })).message).toContain('createServer option "historyTurns"');
  });

  it('is a single node with index watching unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ redisPrefix: 'govchat', redisTimeoutMs: 500, watchIndexes: true, indexPollMs: 5000 });
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(
      loadConfig({ GOVCHAT_REDIS_URL: 'rediss://:pw@cache.internal:6380/2', GOVCHAT_INDEX_POLL_MS: '0', GOVCHAT_INDEX_WATCH: 'false' }),
    ).toMatchObject({ redisUrl: 'rediss://:pw@cache.internal:6380/2', indexPollMs: 0, watchIndexes: false });
  });

  it('stops createServer before it starts anything', async () => {
    await expect(createServer({ port: -1 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'invalid configuration: createServer option "port" must be from 0 to 65535 (got -1)',
    });
  });
});
