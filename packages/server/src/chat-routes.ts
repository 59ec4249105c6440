import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { GovchatError } from '@govchat/core';
import { SILENT_SINK, type AskRunner, type AskSink } from './ask-runner.js';
import type { BotRegistry } from './bot-registry.js';
import type { FeedbackRecorder } from './feedback-recorder.js';
import { isOriginAllowed } from './origin-policy.js';
import { toPublicBotConfig } from './public-bot-config.js';
import { enforceRateLimit, type RateLimiter } from './rate-limiter.js';
import { askResponseSchema, botListSchema, errorBodySchema, okSchema, publicBotConfigSchema, sseSchema } from './response-schemas.js';
import type { RouteSpec } from './route-table.js';
import type { ServerMetrics } from './server-metrics.js';
import type { SessionManager } from './session-manager.js';
import { openEventStream } from './sse-writer.js';
import { parsePayload, type WireSchemas } from './wire-schemas.js';

export interface ChatRouteOptions {
  readonly bots: BotRegistry;
  readonly sessions: SessionManager;
  readonly runner: AskRunner;
  readonly recordFeedback: FeedbackRecorder;
  readonly schemas: WireSchemas;
  readonly limits: { readonly perSession: RateLimiter; readonly perIp: RateLimiter };
  readonly metrics: ServerMetrics;
}

const error = (description: string) => ({ description, content: { 'application/json': errorBodySchema } });

/**
 * The public REST API: bot configs, asking (JSON or Server-Sent Events) and feedback.
 *
 * @example mountRoutes(app, createChatRoutes({ bots, sessions, runner, recordFeedback, schemas, limits, metrics }), middleware);
 */
export function createChatRoutes(options: ChatRouteOptions): RouteSpec[] {
  const { bots, sessions, runner, schemas, limits, metrics } = options;

  async function handleAsk(req: Request, res: Response): Promise<void> {
    const engine = bots.require(String(req.params.id));
    let job;
    try {
      const body = parsePayload(schemas.askRequest, req.body);
      const session = await sessions.resume(engine.id, body.session);
      await enforceRateLimit(limits.perSession, `session:${session.id}`);
      await enforceRateLimit(limits.perIp, `ip:${req.ip ?? 'unknown'}`);
      const controller = new AbortController();
      // The client hung up before the answer was complete: stop working on it.
      res.on('close', () => {
        if (!res.writableFinished) controller.abort(new GovchatError('CANCELLED', 'the client disconnected'));
      });
      job = {
        session,
        askId: `r-${randomBytes(9).toString('base64url')}`,
        text: body.text,
        ...(body.lang === undefined ? {} : { lang: body.lang }),
        ...(body.history === undefined ? {} : { history: body.history }),
        signal: controller.signal,
      };
    } catch (rejected) {
      metrics.asks.inc({ bot: engine.id, outcome: 'rejected' });
      throw rejected;
    }

    if (req.accepts(['application/json', 'text/event-stream']) === 'text/event-stream') {
      const stream = openEventStream(res);
      stream.send('session', { session: job.session.id });
      const sink: AskSink = {
        start: (event) => stream.send('answer.start', event),
        delta: (event) => stream.send('answer.delta', event),
        reset: (event) => stream.send('answer.reset', event),
        sources: (event) => stream.send('answer.sources', event),
        end: (event) => stream.send('answer.end', event),
        error: (event) => stream.send('answer.error', event),
      };
      await runner.run(job, sink);
      stream.end();
      return;
    }
    const result = await runner.run(job, SILENT_SINK);
    if (!result.ok) throw result.error.error;
    res.json(result.response);
  }

  return [
    {
      method: 'get',
      path: '/api/bots',
      summary: 'List the bots this server answers for',
      tag: 'chat',
      access: 'public',
      responses: { 200: { description: 'Every live bot’s public configuration', content: { 'application/json': botListSchema } } },
      handler(_req, res) {
        res.json({ bots: bots.list().map(toPublicBotConfig) });
      },
    },
    {
      method: 'get',
      path: '/api/bots/:id',
      summary: 'A bot’s public configuration',
      description: 'Names, greeting, contact, colour, starter questions and fallback text per answer language: what a widget needs to draw itself.',
      tag: 'chat',
      access: 'bot',
      responses: {
        200: { description: 'The bot', content: { 'application/json': publicBotConfigSchema } },
        403: error('FORBIDDEN_ORIGIN: the page’s origin is not in the bot’s allowedOrigins'),
        404: error('BOT_NOT_FOUND'),
      },
      handler(req, res) {
        res.json(toPublicBotConfig(bots.require(String(req.params.id))));
      },
    },
    {
      method: 'post',
      path: '/api/bots/:id/ask',
      summary: 'Ask a question',
      description:
        'Answers from the bot’s FAQs. JSON by default (the `govchat ask --json` shape plus `id`, `session` and `latencyMs`); with `Accept: text/event-stream`, a Server-Sent Events stream with the Socket.IO event names and payloads. Send `session` back to continue a conversation (follow-up questions).',
      tag: 'chat',
      access: 'bot',
      body: { kind: 'json', schema: schemas.askRequest },
      responses: {
        200: { description: 'The answer', content: { 'application/json': askResponseSchema, 'text/event-stream': sseSchema } },
        400: error('INVALID_INPUT'),
        403: error('FORBIDDEN_ORIGIN'),
        404: error('BOT_NOT_FOUND'),
        413: error('PAYLOAD_TOO_LARGE: the question or the body is too long'),
        429: error('RATE_LIMITED (see Retry-After)'),
        503: error('BUSY: the server is shutting down'),
        504: error('TIMEOUT'),
      },
      handler: handleAsk,
    },
    {
      method: 'post',
      path: '/api/feedback',
      summary: 'Rate an answer',
      description: 'Thumbs up or down (and an optional comment, stored with personal data masked) on one answer of a session.',
      tag: 'chat',
      access: 'public',
      body: { kind: 'json', schema: schemas.feedbackRequest },
      responses: {
        200: { description: 'Recorded', content: { 'application/json': okSchema } },
        400: error('INVALID_INPUT'),
        403: error('FORBIDDEN_ORIGIN'),
        404: error('BOT_NOT_FOUND, or NOT_FOUND: no such answer in this session'),
        429: error('RATE_LIMITED'),
      },
      async handler(req, res) {
        const body = parsePayload(schemas.feedbackRequest, req.body);
        const engine = bots.require(body.bot);
        const origin = req.get('origin');
        if (!isOriginAllowed(engine.config, origin)) {
          throw new GovchatError('FORBIDDEN_ORIGIN', `pages on ${origin} may not use bot "${engine.id}" (not in its allowedOrigins)`);
        }
        await enforceRateLimit(limits.perIp, `ip:${req.ip ?? 'unknown'}`);
        await options.recordFeedback({
          bot: engine.id,
          sessionId: body.session,
          askId: body.id,
          rating: body.rating,
          ...(body.comment === undefined ? {} : { comment: body.comment }),
        });
        res.json({ ok: true });
      },
    },
  ];
}
