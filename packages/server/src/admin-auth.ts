import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { GovchatError } from '@govchat/core';
import { withHttpStatus } from './client-error.js';
import { BOT_ADMIN_KEY_PREFIX } from './config.js';

export interface AdminKeys {
  readonly adminKey?: string;
  readonly botAdminKeys: Readonly<Record<string, string>>;
}

/**
 * Guards `/api/admin/bots/:id/*`: the global admin key, or the key of bot `:id`. Keys are
 * compared in constant time (as SHA-256 digests, so lengths leak nothing either). Without any key
 * configured for a bot its admin API is off — a 403 that says how to turn it on.
 *
 * @example app.get('/api/admin/bots/:id/feedback', requireAdmin(config), handler);
 */
export function requireAdmin(keys: AdminKeys): RequestHandler {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  const globalKey = keys.adminKey === undefined ? undefined : digest(keys.adminKey);
  const botKeys = new Map(Object.entries(keys.botAdminKeys).map(([bot, key]) => [bot, digest(key)]));

  return function checkAdminKey(req: Request, _res: Response, next) {
    const bot = String(req.params.id);
    const botKey = botKeys.get(bot);
    if (globalKey === undefined && botKey === undefined) {
      const variable = `${BOT_ADMIN_KEY_PREFIX}${bot.toUpperCase().replaceAll('-', '_')}`;
      throw withHttpStatus(
        new GovchatError('UNAUTHORIZED', `the admin API is disabled for bot "${bot}": set GOVCHAT_ADMIN_KEY or ${variable} to enable it`),
        403,
      );
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (token === undefined) throw new GovchatError('UNAUTHORIZED', 'send the admin key as "Authorization: Bearer <key>"');
    const presented = digest(token);
    // Compare against every candidate, so timing does not tell which (if any) matched.
    const matches = (key: Buffer | undefined): boolean => key !== undefined && timingSafeEqual(presented, key);
    const granted = [matches(globalKey), matches(botKey)].some(Boolean);
    if (granted) {
      next();
      return;
    }
    const otherBot = [...botKeys].map(([id, key]) => (matches(key) ? id : undefined)).find((id) => id !== undefined);
    if (otherBot !== undefined) throw withHttpStatus(new GovchatError('UNAUTHORIZED', `this key does not manage bot "${bot}"`), 403);
    throw new GovchatError('UNAUTHORIZED', 'invalid admin key');
  };
}

/**
 * Guards `/metrics` when `GOVCHAT_METRICS_KEY` is set (scrapers send it as a bearer token).
 *
 * @example app.get('/metrics', requireMetricsKey(config.metricsKey), handler);
 */
export function requireMetricsKey(key: string): RequestHandler {
  const expected = createHash('sha256').update(key).digest();
  return function checkMetricsKey(req: Request, _res: Response, next) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(createHash('sha256').update(token).digest(), expected)) {
      throw new GovchatError('UNAUTHORIZED', 'send the metrics key as "Authorization: Bearer <key>"');
    }
    next();
  };
}
