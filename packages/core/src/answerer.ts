import type { BotConfig, FaqEntry } from './corpus-schema.js';
import type { AnswerLang, QueryLang } from './detect-language.js';
import type { RetrievalResult } from './retriever.js';

/** One earlier turn of a conversation, as a chat model sees it. */
export interface ConversationTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** Everything an answerer may use: the question, where to answer from, in which language. */
export interface AnswerContext {
  readonly question: string;
  /** Earlier user turns, oldest first. */
  readonly history: readonly string[];
  /**
   * Earlier turns with the bot's answers, oldest first, when the caller keeps them. An LLM answerer
   * prefers this to `history`: a follow-up is easier to resolve when the model sees what it said.
   */
  readonly conversation?: readonly ConversationTurn[];
  /** The language and script to answer in. */
  readonly lang: AnswerLang;
  /** What the citizen wrote in (e.g. 'yue' for Cantonese), when known. */
  readonly queryLang?: QueryLang;
  readonly bot: BotConfig;
  readonly retrieval: RetrievalResult;
  /** The FAQ the pipeline chose to answer from (retrieval.hits[0]). */
  readonly best: FaqEntry;
  readonly signal?: AbortSignal;
}

/**
 * Why an answer being written was thrown away and replaced by the extractive one. Kept in step with
 * `AnswerResetReason` in @govchat/protocol.
 */
export type AnswerResetReason =
  | 'no-citation'
  | 'unknown-citation'
  | 'prompt-leak'
  | 'off-domain-url'
  | 'llm-failed'
  | 'timeout';

/**
 * One step of an answer being written. Plain answers are just `delta`s then `final`; an answer
 * that may be overruled (an LLM's, checked while and after it streams) can also send `reset`:
 * "forget every delta so far — the deltas that follow replace them".
 */
export type AnswerEvent =
  | { readonly type: 'delta'; readonly text: string }
  | { readonly type: 'reset'; readonly reason: AnswerResetReason }
  | {
      readonly type: 'final';
      /** The whole answer as shown after the last reset: the concatenation of the deltas since. */
      readonly text: string;
      /** FAQ ids the answer is built from (an extractive answer: the FAQ it quotes). */
      readonly citations: readonly string[];
      /** The answerer that wrote the text shown: 'llm', 'extractive', or a custom answerer's name. */
      readonly answeredBy: string;
      /** Set when an LLM answer was wanted but the extractive one was given instead, and why. */
      readonly fallback?: AnswerResetReason;
    };

/**
 * Writes the answer as a stream of text chunks; concatenated, they are the answer. The
 * extractive answerer quotes the FAQ; an LLM answerer (docs/generative.md) composes from the
 * retrieved FAQs. Abstention is decided before an answerer is called.
 *
 * `answer` chunks are always final text (an answerer that may correct itself buffers there);
 * `events`, when present, streams as early as possible and may `reset`.
 *
 * @example
 * for await (const chunk of answerer.answer(context)) process.stdout.write(chunk);
 */
export interface Answerer {
  readonly name: string;
  answer(context: AnswerContext): AsyncIterable<string>;
  /** The same answer as typed events, streamed early, with corrections; see `AnswerEvent`. */
  events?(context: AnswerContext): AsyncIterable<AnswerEvent>;
}

/**
 * The answer as events, whatever the answerer: its own `events` when it has them, otherwise its
 * text chunks as deltas and a final event citing the best FAQ.
 *
 * @example
 * for await (const event of answerEvents(answerer, context)) if (event.type === 'delta') send(event.text);
 */
export async function* answerEvents(answerer: Answerer, context: AnswerContext): AsyncGenerator<AnswerEvent> {
  if (answerer.events !== undefined) {
    yield* answerer.events(context);
    return;
  }
  let text = '';
  for await (const chunk of answerer.answer(context)) {
    text += chunk;
    yield { type: 'delta', text: chunk };
  }
  yield { type: 'final', text, citations: [context.best.id], answeredBy: answerer.name };
}
