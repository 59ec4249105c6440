import type { BotConfig, FaqEntry } from './corpus-schema.js';
import type { AnswerLang } from './detect-language.js';
import type { RetrievalResult } from './retriever.js';

/** Everything an answerer may use: the question, where to answer from, in which language. */
export interface AnswerContext {
  readonly question: string;
  /** Earlier user turns, oldest first. */
  readonly history: readonly string[];
  /** The language and script to answer in. */
  readonly lang: AnswerLang;
  readonly bot: BotConfig;
  readonly retrieval: RetrievalResult;
  /** The FAQ the pipeline chose to answer from (retrieval.hits[0]). */
  readonly best: FaqEntry;
  readonly signal?: AbortSignal;
}

/**
 * Writes the answer as a stream of text chunks; concatenated, they are the answer. The
 * extractive answerer quotes the FAQ; an LLM answerer (docs/generative.md) composes from the
 * retrieved FAQs. Abstention is decided before an answerer is called.
 *
 * @example
 * for await (const chunk of answerer.answer(context)) process.stdout.write(chunk);
 */
export interface Answerer {
  readonly name: string;
  answer(context: AnswerContext): AsyncIterable<string>;
}
