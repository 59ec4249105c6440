import type { BotIndex } from './bot-index.js';
import { isGibberish } from './detect-gibberish.js';
import { stemEnglish } from './language-bridge.js';
import { detectSmallTalk, type SmallTalkKind } from './small-talk.js';

/** A message the engine answers itself, before retrieval: small talk, or nothing but mashing. */
export type NonQuestion = { readonly reason: 'small-talk'; readonly kind: SmallTalkKind } | { readonly reason: 'unclear' };

/**
 * Whether a message asks nothing of a bot's FAQs. The engine replies to it without retrieval, and
 * calibration leaves it out of the confidence model's fit for the same reason: retrieval never
 * sees it. One decision for both, so they cannot drift apart.
 *
 * @example
 * detectNonQuestion('thanks, have a nice day', index) // { reason: 'small-talk', kind: 'thanks' }
 * detectNonQuestion('hjkhjkhjk 醫醫醫', index) // { reason: 'unclear' }
 * detectNonQuestion('點樣續期護照', index) // undefined
 */
export function detectNonQuestion(text: string, index: BotIndex): NonQuestion | undefined {
  const kind = detectSmallTalk(text);
  if (kind !== undefined) return { reason: 'small-talk', kind };
  // A mashed-looking word the bot itself uses (an acronym of its own) is a word.
  return isGibberish(text, (word) => index.bm25.hasTerm(stemEnglish(word))) ? { reason: 'unclear' } : undefined;
}
