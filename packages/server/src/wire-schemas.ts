import { BOT_ID_PATTERN, GovchatError } from '@govchat/core';
import { z } from 'zod';

/**
 * zod schemas of everything a client sends — socket payloads and REST bodies — built once per
 * server from its limits. The same objects validate requests and describe them in the OpenAPI
 * document, so the two cannot disagree.
 */

const ASK_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const answerLang = z.enum(['en', 'zh-HK', 'zh-CN']);
const rating = z.enum(['up', 'down']);
const MAX_HISTORY = 10;
const MAX_COMMENT = 1000;

/** @example const schemas = createWireSchemas({ maxMessageChars: 1000 }); */
export function createWireSchemas(limits: { readonly maxMessageChars: number }) {
  const askId = z.string().regex(ASK_ID, { error: 'must be 1-64 letters, digits or . _ : -' });
  const text = z.string().max(limits.maxMessageChars).regex(/\S/, { error: 'must not be empty' });
  const session = z.string().max(64).describe('A session id from an earlier answer; unknown or expired ids start a new session');
  return {
    askPayload: z.object({ id: askId, text: text.describe('The question'), lang: answerLang.optional() }),
    cancelPayload: z.object({ id: askId }),
    feedbackPayload: z.object({ id: askId, rating, comment: z.string().max(MAX_COMMENT).optional() }),
    // A garbled stored session id must not stop a widget connecting: it just starts afresh.
    chatAuth: z.object({ bot: z.string().regex(BOT_ID_PATTERN, { error: 'must be a bot id' }), session: z.unknown().optional() }),
    askRequest: z.object({
      text: text.describe('The question'),
      session: session.optional(),
      history: z
        .array(z.string().max(limits.maxMessageChars))
        .max(MAX_HISTORY)
        .optional()
        .describe('Earlier user turns, oldest first; used instead of the session history when given'),
      lang: answerLang.optional().describe('Answer in this language instead of the question’s'),
    }),
    feedbackRequest: z.object({
      bot: z.string().regex(BOT_ID_PATTERN, { error: 'must be a bot id' }),
      session,
      id: askId.describe('The ask id (`id` of the ask response)'),
      rating,
      comment: z.string().max(MAX_COMMENT).optional(),
    }),
  };
}

export type WireSchemas = ReturnType<typeof createWireSchemas>;

/**
 * Validates `value`, or throws INVALID_INPUT naming the first bad field. A question over the
 * length limit is PAYLOAD_TOO_LARGE instead, so clients can tell "fix your request" from "say less".
 *
 * @example const ask = parsePayload(schemas.askPayload, payload);
 */
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GovchatError('INVALID_INPUT', `expected a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  if (issue.code === 'too_big' && issue.origin === 'string') {
    throw new GovchatError('PAYLOAD_TOO_LARGE', `is longer than ${String(issue.maximum)} characters`, { field });
  }
  const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message.replace(/^Invalid input: /, '');
  throw new GovchatError('INVALID_INPUT', message, field === '' ? {} : { field });
}

/** The ask id of a payload that may be malformed, so its error event can still name it. */
export function readAskId(value: unknown): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && ASK_ID.test(id) ? id : '';
}
