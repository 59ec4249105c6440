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

/** Records one rating; throws NOT_FOUND when the session has no such answer. */
export type FeedbackRecorder = (input: FeedbackInput) => void;

/**
 * Records a citizen's rating of one answer, for both the socket `feedback` event and
 * `POST /api/feedback`. Only an ask of that session with that bot can be rated, so one
 * department's feedback can never be written through another's bot. Comments are masked.
 *
 * @example
 * const recordFeedback = createFeedbackRecorder({ store, sessions, metrics });
 * recordFeedback({ bot: 'housing', sessionId, askId: 'a1', rating: 'down', comment: '唔明' });
 */
export function createFeedbackRecorder(options: { store: ChatStore; sessions: SessionManager; metrics: ServerMetrics }): FeedbackRecorder {
  const { store, sessions, metrics } = options;
  return function recordFeedback(input) {
    const live = sessions.find(input.bot, input.sessionId);
    const known = live?.asks.has(input.askId) ? { faqId: live.asks.get(input.askId) } : store.findTurn(input.bot, input.sessionId, input.askId);
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
