import { z } from 'zod';

/**
 * Shapes of what the REST API returns, for the OpenAPI document only (responses are built from
 * the typed @govchat/protocol interfaces; these mirror them for readers of the document).
 */

const answerLang = z.enum(['en', 'zh-HK', 'zh-CN']);
const bilingual = z.object({ en: z.string(), 'zh-HK': z.string() });
const sourceRef = z.object({ id: z.string(), question: z.string(), url: z.string().optional(), score: z.number() });
const relatedRef = z.object({ id: z.string(), question: z.string() });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('INVALID_INPUT, PAYLOAD_TOO_LARGE, RATE_LIMITED, UNAUTHORIZED, FORBIDDEN_ORIGIN, BOT_NOT_FOUND, NOT_FOUND, CORPUS_INVALID, TIMEOUT, BUSY, INTERNAL, …'),
      message: z.string(),
      file: z.string().optional(),
      line: z.number().optional(),
      field: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Every error response');

export const askResponseSchema = z.object({
  id: z.string().describe('Ask id, for feedback'),
  answer: z.string(),
  lang: answerLang,
  queryLang: z.enum(['en', 'zh-HK', 'yue', 'zh-CN', 'mixed']),
  abstained: z.boolean(),
  reason: z.enum(['low-confidence', 'refused', 'empty', 'small-talk', 'unclear']).optional(),
  confidence: z.number(),
  usedHistory: z.boolean(),
  sources: z.array(sourceRef),
  related: z.array(relatedRef),
  session: z.string().describe('Send it back as `session` to continue the conversation'),
  latencyMs: z.number(),
});

export const publicBotConfigSchema = z.object({
  id: z.string(),
  name: bilingual,
  greeting: bilingual,
  contact: z.object({ phone: z.string(), url: z.string(), email: z.string().optional() }),
  theme: z.object({ color: z.string() }).optional(),
  suggested: z.record(answerLang, z.array(relatedRef)),
  fallback: z.record(answerLang, z.string()),
});

export const botListSchema = z.object({ bots: z.array(publicBotConfigSchema) });

export const okSchema = z.object({ ok: z.literal(true) });

export const healthSchema = z.object({ status: z.string(), bots: z.number().optional() });

export const ingestReportSchema = z.object({
  bot: z.string(),
  entries: z.number(),
  added: z.number(),
  changed: z.number(),
  removed: z.number(),
  unchanged: z.boolean(),
  seconds: z.number(),
});

export const unansweredReportSchema = z.object({
  bot: z.string(),
  days: z.number(),
  total: z.number().describe('Unanswered questions in the period'),
  groups: z.array(
    z.object({
      question: z.string().describe('The most common wording (personal data masked)'),
      count: z.number(),
      examples: z.array(z.string()),
      langs: z.array(z.string()),
      lastAskedAt: z.string(),
    }),
  ),
});

export const feedbackReportSchema = z.object({
  bot: z.string(),
  days: z.number(),
  up: z.number(),
  down: z.number(),
  downByFaq: z.array(z.object({ faqId: z.string(), down: z.number(), up: z.number() })),
  recent: z.array(
    z.object({ id: z.string(), rating: z.enum(['up', 'down']), comment: z.string().optional(), faqId: z.string().optional(), at: z.string() }),
  ),
});

export const sseSchema = {
  type: 'string',
  description:
    'Server-Sent Events: `session`, then `answer.start`, `answer.delta`…, `answer.sources`, `answer.end` — or `answer.error` at any point. Each `data:` line is one JSON payload, the same as the Socket.IO event of that name.',
} as const;
