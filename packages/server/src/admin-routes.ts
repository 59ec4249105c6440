import type { Request } from 'express';
import { GovchatError } from '@govchat/core';
import { z } from 'zod';
import type { BotRegistry } from './bot-registry.js';
import type { ChatStore } from './chat-store.js';
import { withHttpStatus } from './client-error.js';
import { CORPUS_MEDIA_TYPES, UPLOAD_TYPES_MESSAGE, type CorpusUploader } from './corpus-upload.js';
import { toCsv } from './csv-writer.js';
import { errorBodySchema, feedbackReportSchema, ingestReportSchema, unansweredReportSchema } from './response-schemas.js';
import type { RouteSpec } from './route-table.js';
import { groupSimilarQuestions, type QuestionGroup } from './unanswered-groups.js';
import { parsePayload } from './wire-schemas.js';

export interface AdminRouteOptions {
  readonly bots: BotRegistry;
  readonly store: ChatStore;
  readonly uploader: CorpusUploader;
}

const DAY_MS = 86_400_000;
/** How many raw unanswered questions are grouped at most: plenty for a department's review. */
const GROUPING_WINDOW = 5000;

const periodQuery = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(30).describe('Look back this many days'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('At most this many rows'),
});

const error = (description: string) => ({ description, content: { 'application/json': errorBodySchema } });
const AUTH_ERRORS = {
  401: error('UNAUTHORIZED: missing or wrong admin key'),
  403: error('UNAUTHORIZED: admin API disabled for this bot, or the key manages another bot'),
  404: error('BOT_NOT_FOUND'),
};

/**
 * The department admin API (`Authorization: Bearer <key>`; see admin-auth.ts): corpus upload with
 * zero-downtime reindex, the unanswered-questions list, feedback statistics and CSV exports.
 * Every query is scoped to the `:id` bot the key was checked against.
 *
 * @example mountRoutes(app, createAdminRoutes({ bots, store, uploader }), middleware);
 */
export function createAdminRoutes(options: AdminRouteOptions): RouteSpec[] {
  const { bots, store, uploader } = options;

  function readPeriod(req: Request): { bot: string; days: number; limit: number; since: number } {
    const bot = bots.require(String(req.params.id)).id;
    const { days, limit } = parsePayload(periodQuery, { ...req.query });
    return { bot, days, limit, since: Date.now() - days * DAY_MS };
  }

  function unansweredGroups(bot: string, since: number): { total: number; groups: QuestionGroup[] } {
    const rows = store.listUnanswered(bot, { since, limit: GROUPING_WINDOW });
    return { total: rows.length, groups: groupSimilarQuestions(rows) };
  }

  function recentFeedback(bot: string, since: number, limit: number) {
    return store.listFeedback(bot, { since, limit }).map((row) => ({
      id: row.askId,
      rating: row.rating,
      ...(row.comment === null ? {} : { comment: row.comment }),
      ...(row.faqId === null ? {} : { faqId: row.faqId }),
      at: new Date(row.createdAt).toISOString(),
    }));
  }

  return [
    {
      method: 'put',
      path: '/api/admin/bots/:id/corpus',
      summary: 'Replace a bot’s FAQs and reindex',
      description:
        'Upload the whole FAQ file as JSONL or CSV (the corpus format of docs/corpus-format.md). It is validated (errors name line and field), written atomically into the corpora folder and indexed; the new index goes live when ready, and questions meanwhile are answered from the old one. Uploads for one bot run one at a time.',
      tag: 'admin',
      access: 'admin',
      body: { kind: 'upload', types: Object.keys(CORPUS_MEDIA_TYPES) },
      responses: {
        200: { description: 'Live', content: { 'application/json': ingestReportSchema } },
        400: error('CORPUS_INVALID with file, line and field'),
        ...AUTH_ERRORS,
        413: error('PAYLOAD_TOO_LARGE'),
        415: error('INVALID_INPUT: not JSONL or CSV'),
      },
      async handler(req, res) {
        const bot = String(req.params.id);
        const type = Object.keys(CORPUS_MEDIA_TYPES).find((t) => req.is(t));
        const format = type === undefined ? undefined : CORPUS_MEDIA_TYPES[type];
        if (format === undefined || typeof req.body !== 'string') {
          throw withHttpStatus(new GovchatError('INVALID_INPUT', UPLOAD_TYPES_MESSAGE), 415);
        }
        res.json(await uploader.upload(bot, format, req.body));
      },
    },
    {
      method: 'get',
      path: '/api/admin/bots/:id/unanswered',
      summary: 'Questions the bot could not answer, grouped',
      description:
        'Abstained questions (personal data masked), grouped by similarity and most frequent first: the department’s list of missing FAQs. Refusals (prompt injection) are not included.',
      tag: 'admin',
      access: 'admin',
      query: periodQuery,
      responses: { 200: { description: 'Groups', content: { 'application/json': unansweredReportSchema } }, ...AUTH_ERRORS },
      handler(req, res) {
        const { bot, days, limit, since } = readPeriod(req);
        const { total, groups } = unansweredGroups(bot, since);
        res.json({ bot, days, total, groups: groups.slice(0, limit) });
      },
    },
    {
      method: 'get',
      path: '/api/admin/bots/:id/unanswered.csv',
      summary: 'Unanswered question groups as CSV',
      tag: 'admin',
      access: 'admin',
      query: periodQuery,
      responses: { 200: { description: 'count, question, languages, last_asked_at, other_wordings', content: { 'text/csv': { type: 'string' } } }, ...AUTH_ERRORS },
      handler(req, res) {
        const { bot, days, limit, since } = readPeriod(req);
        const rows = unansweredGroups(bot, since)
          .groups.slice(0, limit)
          .map((g) => [g.count, g.question, g.langs.join(' '), g.lastAskedAt, g.examples.join(' | ')]);
        res
          .type('text/csv; charset=utf-8')
          .attachment(`${bot}-unanswered-${days}d.csv`)
          .send(toCsv(['count', 'question', 'languages', 'last_asked_at', 'other_wordings'], rows));
      },
    },
    {
      method: 'get',
      path: '/api/admin/bots/:id/feedback',
      summary: 'Feedback statistics and recent comments',
      tag: 'admin',
      access: 'admin',
      query: periodQuery,
      responses: { 200: { description: 'Counts and recent feedback', content: { 'application/json': feedbackReportSchema } }, ...AUTH_ERRORS },
      handler(req, res) {
        const { bot, days, limit, since } = readPeriod(req);
        const summary = store.summariseFeedback(bot, { since });
        res.json({ bot, days, up: summary.up, down: summary.down, downByFaq: summary.downByFaq, recent: recentFeedback(bot, since, limit) });
      },
    },
    {
      method: 'get',
      path: '/api/admin/bots/:id/feedback.csv',
      summary: 'Feedback as CSV',
      tag: 'admin',
      access: 'admin',
      query: periodQuery,
      responses: { 200: { description: 'at, ask_id, faq_id, rating, comment', content: { 'text/csv': { type: 'string' } } }, ...AUTH_ERRORS },
      handler(req, res) {
        const { bot, days, limit, since } = readPeriod(req);
        const rows = recentFeedback(bot, since, limit).map((f) => [f.at, f.id, f.faqId, f.rating, f.comment]);
        res
          .type('text/csv; charset=utf-8')
          .attachment(`${bot}-feedback-${days}d.csv`)
          .send(toCsv(['at', 'ask_id', 'faq_id', 'rating', 'comment'], rows));
      },
    },
  ];
}
