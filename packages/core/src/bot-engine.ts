import { ANSWER_MESSAGES } from './answer-messages.js';
import { answerEvents, type Answerer, type AnswerContext, type AnswerEvent, type AnswerResetReason, type ConversationTurn } from './answerer.js';
import type { BotIndex } from './bot-index.js';
import type { BotConfig } from './corpus-schema.js';
import { detectLanguage, type AnswerLang, type QueryLang } from './detect-language.js';
import { createExtractiveAnswerer, localiseQuestion, streamText } from './extractive-answerer.js';
import { createHybridRetriever } from './hybrid-retriever.js';
import { checkInput } from './injection-guard.js';
import { toSimplified } from './normalise-text.js';
import { RETRIEVAL_CALIBRATION } from './retrieval-calibration.js';
import { detectNonQuestion } from './non-question.js';
import type { RetrievalResult, Retriever } from './retriever.js';

export interface AskInput {
  readonly text: string;
  /** Earlier user turns of this conversation, oldest first. */
  readonly history?: readonly string[];
  /**
   * Earlier turns with the bot's answers, oldest first, when the caller keeps them: an LLM answerer
   * sends them as chat history (within its token budget). Retrieval still uses `history`.
   */
  readonly conversation?: readonly ConversationTurn[];
  /** Answer in this language instead of the question's (the widget's EN / 繁 / 简 switch). */
  readonly lang?: AnswerLang;
  readonly signal?: AbortSignal;
}

/**
 * Why no FAQ answers: nothing matched well enough, the input was refused or empty, it was small
 * talk, or it was keyboard mashing with no word in it (unclear).
 */
export type AbstainReason = 'low-confidence' | 'refused' | 'empty' | 'small-talk' | 'unclear';

export interface AnswerSource {
  readonly id: string;
  readonly question: string;
  readonly url?: string;
  readonly score: number;
}

export interface RelatedQuestion {
  readonly id: string;
  readonly question: string;
}

/** Everything known about an answer before its text streams. */
export interface AnswerPlan {
  readonly lang: AnswerLang;
  readonly queryLang: QueryLang;
  readonly abstained: boolean;
  readonly reason?: AbstainReason;
  readonly confidence: number;
  readonly usedHistory: boolean;
  readonly sources: readonly AnswerSource[];
  readonly related: readonly RelatedQuestion[];
  readonly answerer: string;
  /** Ids of the retrieved FAQs, best first (also when abstaining): for evaluation and debugging. */
  readonly ranked: readonly string[];
  /**
   * The answer text, chunk by chunk, final (never retracted). Consume either `chunks` or `events`,
   * not both: each runs the answerer.
   */
  readonly chunks: AsyncIterable<string>;
  /**
   * The same answer as typed events, streamed as early as possible: `delta`s, possibly a `reset`
   * (discard the deltas so far; an LLM answer was replaced, see docs/generative.md), then `final`
   * with the cited FAQ ids. The server maps these to answer.delta / answer.reset.
   */
  readonly events: AsyncIterable<AnswerEvent>;
}

/** `govchat ask --json` and `POST /api/bots/:id/ask` answer with this. */
export interface AskResult extends Omit<AnswerPlan, 'chunks' | 'events'> {
  readonly answer: string;
  /** FAQ ids the answer is built from (an LLM answer's citations; the quoted FAQ otherwise). */
  readonly citations: readonly string[];
  /** Who wrote the text: 'llm', 'extractive', or 'guard' / 'fallback' / 'small-talk' for refusals and abstentions. */
  readonly answeredBy: string;
  /** Set when an LLM answer was replaced by the extractive one, and why. */
  readonly fallback?: AnswerResetReason;
}

export interface BotEngineOptions {
  readonly retriever?: Retriever;
  readonly answerer?: Answerer;
  /** Abstain when retrieval confidence is below this (default: calibrated on the dev set). */
  readonly abstainBelow?: number;
  /** How many related questions to offer (default 3). */
  readonly relatedCount?: number;
}

/** One bot, ready to answer: its index, retriever, answerer and abstention threshold. */
export interface BotEngine {
  readonly id: string;
  readonly config: BotConfig;
  readonly index: BotIndex;
  readonly retriever: Retriever;
  /** Plans an answer and returns its text as a stream. */
  stream(input: AskInput): Promise<AnswerPlan>;
  /** The same, with the text collected. */
  ask(input: AskInput): Promise<AskResult>;
}

/**
 * @example
 * const engine = createBotEngine(await loadIndex('./data', 'iam-smart'));
 * const result = await engine.ask({ text: '點樣登記智方便' });
 * console.log(result.answer, result.sources[0]?.id);
 */
export function createBotEngine(index: BotIndex, options: BotEngineOptions = {}): BotEngine {
  const retriever = options.retriever ?? createHybridRetriever(index);
  const answerer = options.answerer ?? createExtractiveAnswerer();
  const abstainBelow = options.abstainBelow ?? retriever.abstainBelow ?? RETRIEVAL_CALIBRATION.abstainBelow;
  const relatedCount = options.relatedCount ?? 3;
  const bot = index.bot;
  const properNouns = (bot.aliases ?? []).flat().filter((a) => /[A-Za-z]/.test(a));

  async function stream(input: AskInput): Promise<AnswerPlan> {
    const detected = detectLanguage(input.text, { properNouns });
    const lang = input.lang ?? detected.answerLang;
    const history = (input.history ?? []).slice(-4);
    const contact = {
      bot: bot.name[lang === 'en' ? 'en' : 'zh-HK'],
      phone: bot.contact.phone,
      url: bot.contact.url,
    };
    const base = { lang, queryLang: detected.lang, answerer: answerer.name };

    const verdict = checkInput(input.text);
    if (!verdict.allowed) {
      const text = ANSWER_MESSAGES[lang][verdict.reason === 'empty' ? 'fallback' : 'refusal'](contact);
      return { ...base, ...decidedWithoutRetrieval(verdict.reason === 'empty' ? 'empty' : 'refused', 'guard', text, input.signal) };
    }

    const nonQuestion = detectNonQuestion(input.text, index);
    if (nonQuestion?.reason === 'small-talk') {
      const text = ANSWER_MESSAGES[lang].smallTalk[nonQuestion.kind](contact);
      return { ...base, ...decidedWithoutRetrieval('small-talk', 'small-talk', text, input.signal) };
    }
    if (nonQuestion?.reason === 'unclear') {
      return { ...base, ...decidedWithoutRetrieval('unclear', 'fallback', ANSWER_MESSAGES[lang].unclear(contact), input.signal) };
    }

    const retrieval = await retriever.retrieve({ text: input.text, history }, { limit: Math.max(relatedCount + 1, 10) });
    const best = retrieval.hits[0];
    const ranked = retrieval.hits.map((h) => h.entry.id);
    const related = retrieval.hits
      .slice(best === undefined || retrieval.confidence < abstainBelow ? 0 : 1)
      .slice(0, relatedCount)
      .map((h) => ({ id: h.entry.id, question: localiseQuestion(h.entry, lang) }));
    if (best === undefined || retrieval.confidence < abstainBelow) {
      const fallback = bot.fallback?.[lang === 'en' ? 'en' : 'zh-HK'];
      const text = fallback === undefined ? ANSWER_MESSAGES[lang].fallback(contact) : lang === 'zh-CN' ? toSimplified(fallback) : fallback;
      return {
        ...base,
        abstained: true,
        reason: 'low-confidence',
        confidence: retrieval.confidence,
        usedHistory: retrieval.usedHistory,
        sources: [],
        // Near misses are still offered as "did you mean", but only when something matched at all.
        related: retrieval.hits[0] !== undefined && retrieval.hits[0].signals.coverage > 0 ? related : [],
        ranked,
        answerer: 'fallback',
        ...fixedText(text, 'fallback', input.signal),
      };
    }
    const plan: AnswerPlan = {
      ...base,
      abstained: false,
      confidence: retrieval.confidence,
      usedHistory: retrieval.usedHistory,
      sources: [toSource(best, lang)],
      related,
      ranked,
      ...answerViews(answerer, {
        question: input.text,
        history,
        ...(input.conversation === undefined ? {} : { conversation: input.conversation }),
        lang,
        queryLang: detected.lang,
        bot,
        retrieval,
        best: best.entry,
        ...(input.signal ? { signal: input.signal } : {}),
      }),
    };
    RETRIEVED.set(plan, retrieval.hits);
    return plan;
  }

  return {
    id: bot.id,
    config: bot,
    index,
    retriever,
    stream,
    async ask(input) {
      const planned = await stream(input);
      const { chunks: _chunks, events, ...plan } = planned;
      let answer = '';
      let final: Extract<AnswerEvent, { type: 'final' }> | undefined;
      for await (const event of events) {
        if (event.type === 'delta') answer += event.text;
        else if (event.type === 'reset') answer = '';
        else final = event;
      }
      const citations = final?.citations ?? (plan.abstained ? [] : plan.sources.map((s) => s.id));
      // The sources of a generated answer are the FAQs it cites, in citation order.
      const hits = RETRIEVED.get(planned) ?? [];
      const cited =
        final?.answeredBy === 'llm'
          ? citations.flatMap((id) => hits.filter((h) => h.entry.id === id).map((h) => toSource(h, plan.lang)))
          : undefined;
      return {
        ...plan,
        ...(cited === undefined || cited.length === 0 ? {} : { sources: cited }),
        answer,
        citations,
        answeredBy: final?.answeredBy ?? plan.answerer,
        ...(final?.fallback === undefined ? {} : { fallback: final.fallback }),
      };
    },
  };
}

/** The retrieval hits behind a plan, for `ask()` to name the FAQs an LLM answer cites. */
const RETRIEVED = new WeakMap<AnswerPlan, RetrievalResult['hits']>();

/** A reply the engine gives before any retrieval: a refusal, or an answer to small talk. */
function decidedWithoutRetrieval(
  reason: AbstainReason,
  answeredBy: string,
  text: string,
  signal: AbortSignal | undefined,
): Omit<AnswerPlan, 'lang' | 'queryLang'> {
  return { abstained: true, reason, confidence: 0, usedHistory: false, sources: [], related: [], ranked: [], answerer: answeredBy, ...fixedText(text, answeredBy, signal) };
}

/** A text decided by the engine itself (refusal, abstention), in both views. */
function fixedText(text: string, answeredBy: string, signal: AbortSignal | undefined): Pick<AnswerPlan, 'chunks' | 'events'> {
  return {
    chunks: streamText(text, 12, signal),
    events: (async function* (): AsyncGenerator<AnswerEvent> {
      for await (const chunk of streamText(text, 12, signal)) yield { type: 'delta', text: chunk };
      yield { type: 'final', text, citations: [], answeredBy };
    })(),
  };
}

/** The answerer's two views of one answer, each started only when iterated. */
function answerViews(answerer: Answerer, context: AnswerContext): Pick<AnswerPlan, 'chunks' | 'events'> {
  return {
    chunks: { [Symbol.asyncIterator]: () => answerer.answer(context)[Symbol.asyncIterator]() },
    events: { [Symbol.asyncIterator]: () => answerEvents(answerer, context)[Symbol.asyncIterator]() },
  };
}

function toSource(hit: RetrievalResult['hits'][number], lang: AnswerLang): AnswerSource {
  return {
    id: hit.entry.id,
    question: localiseQuestion(hit.entry, lang),
    ...(hit.entry.url === undefined ? {} : { url: hit.entry.url }),
    score: Math.round(hit.score * 1e4) / 1e4,
  };
}
