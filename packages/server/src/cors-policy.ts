import type { Request, RequestHandler, Response } from 'express';
import { GovchatError } from '@govchat/core';
import type { BotRegistry } from './bot-registry.js';
import { isAnyOriginAllowed, isOriginAllowed } from './origin-policy.js';

const PREFLIGHT = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept',
  'Access-Control-Max-Age': '600',
};

/**
 * CORS for `/api/bots/:id/*`, from that bot's `allowedOrigins`. A browser request from any other
 * origin is refused outright (403 FORBIDDEN_ORIGIN) rather than only left without CORS headers,
 * so a disallowed page cannot make the server do work on its behalf. Unknown bots are 404 here.
 *
 * @example app.post('/api/bots/:id/ask', botCors(bots), handler);
 */
export function botCors(bots: BotRegistry): RequestHandler {
  return function applyBotCors(req: Request, res: Response, next) {
    const engine = bots.require(String(req.params.id));
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin !== undefined) {
      if (!isOriginAllowed(engine.config, origin)) {
        throw new GovchatError('FORBIDDEN_ORIGIN', `pages on ${origin} may not use bot "${engine.id}" (not in its allowedOrigins)`);
      }
      res.set('Access-Control-Allow-Origin', isAnyOriginAllowed(engine.config) ? '*' : origin);
      // Browsers may read the session id header-free; nothing else needs exposing.
      if (req.method === 'OPTIONS') res.set(PREFLIGHT);
    }
    next();
  };
}

/**
 * CORS for routes any page may call (`/api/bots`, `/api/feedback`, `/widget.js`). Feedback still
 * checks the origin against its bot once the body names it.
 *
 * @example app.get('/api/bots', publicCors(), handler);
 */
export function publicCors(): RequestHandler {
  return function applyPublicCors(req: Request, res: Response, next) {
    res.set('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') res.set(PREFLIGHT);
    next();
  };
}
