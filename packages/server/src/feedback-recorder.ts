import { GovchatError, maskPersonalData } from '@govchat/core';
import type { ChatStore } from './chat-store.js';
import type { ServerMetrics } from './server-metrics.js';
import type { SessionManager } from './session-manager.js';

export interface FeedbackInput {
  readonly bot: string;
  readonly sessionId: string;
  readonly askId: string;
  readonly rating: 'up' | 'down';
  readonly comment?: string;
}

/** Records one rating; rejects with NOT_FOUND when the session has no such answer. */
export type FeedbackRecorder = (input: FeedbackInput) => Promise<void>;

/**
 * Records a citizen's rating of one answer, for both the socket `feedback` event and
 * `POST /api/feedback`. Only an ask of that session with that bot can be rated, so one
 * department's feedback can never be written through another's bot. Comments are masked.
 *
 * @example
 * const recordFeedback = createFeedbackRecorder({ store, sessions, metrics });
 * await recordFeedback({ bot: 'housing', sessionId, askId: 'a1', rating: 'down', comment: '唔明' });
 */
export function createFeedbackRecorder(options: { store: ChatStore; sessions: SessionManager; metrics: ServerMetrics }): FeedbackRecorder {
  const { store, sessions, metrics } = options;
  return async function recordFeedback(input) {
    // A live conversation knows its recent asks (on every node, with Redis); older ones are in the database.
    const known = (await sessions.findAsk(input.bot, input.sessionId, input.askId)) ?? store.findTurn(input.bot, input.sessionId, input.askId);
    if (known === undefined) {
      throw new GovchatError('NOT_FOUND', `no answer "${input.askId}" in this session of bot "${input.bot}"`, { field: 'id' });
    }
    const comment = input.comment?.trim();
    store.saveFeedback({
      bot: input.bot,
      sessionId: input.sessionId,
      askId: input.askId,
      rating: input.rating,
      ...(comment ? { comment: maskPersonalData(comment).text } : {}),
      ...(known.faqId === undefined ? {} : { faqId: known.faqId }),
      at: Date.now(),
    });
    metrics.feedback.inc({ bot: input.bot, rating: input.rating });
  };
}
