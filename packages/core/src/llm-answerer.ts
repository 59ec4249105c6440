import { randomBytes } from 'node:crypto';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { MessageType } from '@langchain/core/messages';
import { answerEvents, type Answerer, type AnswerContext, type AnswerEvent, type AnswerResetReason } from './answerer.js';
import { createScriptStream } from './answer-script.js';
import { createExtractiveAnswerer, streamText } from './extractive-answerer.js';
import { GovchatError, isGovchatError } from './govchat-error.js';
import { createCitationStripper } from './llm-citations.js';
import { buildLlmPrompt, type PromptMessage } from './llm-prompt.js';
import { collectAllowedDomains, createPromptLeakDetector, findOffDomainUrls } from './output-guard.js';

/** Where the answerer reports what it did; a pino logger fits as is. */
export interface AnswererLogger {
  info(entry: Record<string, unknown>, message: string): void;
  warn(entry: Record<string, unknown>, message: string): void;
}

export interface LlmAnswererOptions {
  /** A streaming LangChain chat model, or the promise of one (what `createChatModel` returns). */
  readonly model: BaseChatModel | PromiseLike<BaseChatModel>;
  /** Name logged with each answer (e.g. the model id); never the key. */
  readonly modelName?: string;
  /** The whole answer must arrive within this; otherwise the extractive answer (default 20 000 ms). */
  readonly timeoutMs?: number;
  /**
   * Retrieval confidence at or above which the best FAQ is quoted without calling the LLM: it
   * would only restate it, slower and at a cost (default 0.97; above 1 never shortcuts).
   */
  readonly shortcutAbove?: number;
  /** Retrieved FAQs given to the model, best first (default 4). */
  readonly maxFaqs?: number;
  /** Token budget of the earlier turns sent (default 600). */
  readonly historyTokens?: number;
  /** Token budget of the FAQ block (default 3000). */
  readonly faqTokens?: number;
  /** Domains links may point to besides the bot's own (contact site, FAQ links). */
  readonly allowedDomains?: readonly string[];
  /** The answer given instead when the LLM's is rejected or fails (default: extractive). */
  readonly fallback?: Answerer;
  readonly logger?: AnswererLogger;
  /** Characters per chunk of `answer()`'s buffered text (default 12). */
  readonly chunkSize?: number;
}

/** Distinguishes this answerer's name in `AnswerPlan.answerer` and the `final` event. */
export const LLM_ANSWERER_NAME = 'llm';

interface Rejection {
  readonly reason: AnswerResetReason;
  readonly detail: string;
}

const SILENT_LOGGER: AnswererLogger = { info() {}, warn() {} };

/**
 * An answerer that has a chat model write the answer from the retrieved FAQs, streamed, and
 * checked as it streams and when it ends. The citizen gets the extractive answer instead (with a
 * `reset` event if LLM text was already shown) when the answer cites nothing, cites an FAQ that
 * was not given to the model, links outside the bot's domains, repeats the prompt, or when the
 * provider fails or runs past `timeoutMs`. Very confident retrievals skip the LLM entirely.
 * Everything sent is PII-masked; citations (`[faq:id]`) are removed from the text shown and
 * reported in the `final` event; the text is converted to the answer language's script.
 *
 * `events()` streams; `answer()` yields only the checked final text (for callers that cannot
 * retract text, such as `engine.ask()` and evaluation).
 *
 * @example
 * const answerer = createLlmAnswerer({ model: createChatModel({ provider: 'ollama', model: 'qwen2.5:7b' }), modelName: 'qwen2.5:7b', logger });
 * const engine = createBotEngine(index, { answerer });
 * const plan = await engine.stream({ text: '點樣登記智方便' });
 * for await (const event of plan.events) if (event.type === 'delta') socket.emit('answer.delta', { id, text: event.text });
 */
export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const shortcutAbove = options.shortcutAbove ?? 0.97;
  const fallbackAnswerer = options.fallback ?? createExtractiveAnswerer();
  const logger = options.logger ?? SILENT_LOGGER;
  const chunkSize = options.chunkSize ?? 12;
  const modelReady = Promise.resolve(options.model);
  modelReady.catch(() => {}); // a model that cannot be created fails each answer, logged, not the process
  const modelName = options.modelName ?? 'chat-model';
  // Proves a leak when it shows up in an answer; random per answerer so no answer can know it.
  const canary = `gc-${randomBytes(6).toString('hex')}`;

  async function* fallBack(context: AnswerContext, reason: AnswerResetReason | undefined): AsyncGenerator<AnswerEvent> {
    for await (const event of answerEvents(fallbackAnswerer, context)) {
      yield event.type === 'final' && reason !== undefined ? { ...event, fallback: reason } : event;
    }
  }

  async function* events(context: AnswerContext): AsyncGenerator<AnswerEvent> {
    const started = performance.now();
    const base = { bot: context.bot.id, model: modelName, best: context.best.id, confidence: round(context.retrieval.confidence) };
    if (context.retrieval.confidence >= shortcutAbove) {
      logger.info({ ...base, answeredBy: 'extractive', shortcut: true }, 'confident retrieval: quoted the FAQ without calling the LLM');
      yield* fallBack(context, undefined);
      return;
    }

    const prompt = buildLlmPrompt(context, {
      ...(options.maxFaqs === undefined ? {} : { maxFaqs: options.maxFaqs }),
      ...(options.historyTokens === undefined ? {} : { historyTokens: options.historyTokens }),
      ...(options.faqTokens === undefined ? {} : { faqTokens: options.faqTokens }),
      canary,
    });
    const citable = new Set(prompt.faqIds);
    const allowedDomains = collectAllowedDomains(context.bot, prompt.faqs, options.allowedDomains);
    const leaks = createPromptLeakDetector(prompt.instructions, prompt.leakMarkers);
    const citations = createCitationStripper();
    const script = createScriptStream(context.lang);
    const links = createLinkHold();
    const reasoning = createReasoningFilter();

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new GovchatError('TIMEOUT', `the LLM did not finish within ${timeoutMs} ms`)), timeoutMs);
    timer.unref(); // an abandoned answer must not keep the process alive
    const cancel = (): void => controller.abort(new GovchatError('CANCELLED', 'the citizen cancelled'));
    context.signal?.addEventListener('abort', cancel, { once: true });
    if (context.signal?.aborted) cancel();

    let raw = '';
    let shown = '';
    let rejection: Rejection | undefined;
    let iterator: AsyncIterator<{ text: string }> | undefined;
    // Checks the raw text so far and the citations it completed; returns the text safe to show.
    const release = (visible: string, cited: readonly string[]): string => {
      const unknown = cited.filter((id) => !citable.has(id));
      if (unknown.length > 0) rejection ??= { reason: 'unknown-citation', detail: `cited ${unknown.join(', ')}; given ${[...citable].join(', ')}` };
      const leak = leaks.findLeak(raw);
      if (leak !== undefined) rejection ??= { reason: 'prompt-leak', detail: `repeated "${leak.slice(0, 60)}"` };
      const offDomain = findOffDomainUrls(shown + visible, allowedDomains);
      if (offDomain.length > 0) rejection ??= { reason: 'off-domain-url', detail: `linked ${offDomain.slice(0, 3).join(' ')}` };
      return rejection === undefined ? visible : '';
    };

    try {
      const model = await raceAbort(modelReady, controller.signal);
      const stream = await raceAbort(model.stream(toMessageTuples(prompt.messages), { signal: controller.signal }), controller.signal);
      iterator = stream[Symbol.asyncIterator]();
      while (rejection === undefined) {
        const next = await raceAbort(iterator.next(), controller.signal);
        if (next.done === true) break;
        // A reasoning model's leading <think> block is neither shown nor checked: it may well
        // restate the rules, which is not a leak.
        const delta = reasoning.push(next.value.text);
        if (delta === '') continue;
        raw += delta;
        const stripped = citations.push(delta);
        const piece = release(script.push(links.push(stripped.text)), stripped.cited);
        if (piece !== '') {
          shown += piece;
          yield { type: 'delta', text: piece };
        }
      }
      if (rejection === undefined) {
        const rest = reasoning.flush(); // a short answer that only looked like it might open <think>
        raw += rest;
        const last = citations.push(rest);
        const end = citations.flush();
        const piece = release(script.push(links.push(last.text + end.text)) + script.push(links.flush()) + script.flush(), [...last.cited, ...end.cited]);
        if (piece !== '') {
          shown += piece;
          yield { type: 'delta', text: piece };
        }
      }
      if (rejection === undefined && (citations.citations().length === 0 || shown.trim() === '')) {
        rejection = { reason: 'no-citation', detail: shown.trim() === '' ? 'empty answer' : 'the answer cites no FAQ' };
      }
    } catch (error) {
      if (context.signal?.aborted === true) return; // the citizen left: nothing more to say
      const cause: unknown = controller.signal.aborted ? controller.signal.reason : error;
      const timedOut = isGovchatError(cause) && cause.code === 'TIMEOUT';
      rejection = { reason: timedOut ? 'timeout' : 'llm-failed', detail: describeError(timedOut ? cause : error) };
    } finally {
      clearTimeout(timer);
      context.signal?.removeEventListener('abort', cancel);
      // Stops the provider generating (and billing) an answer nobody will read.
      if (!controller.signal.aborted) controller.abort(new GovchatError('CANCELLED', 'answer finished'));
      iterator?.return?.().catch(() => {});
    }

    const latencyMs = Math.round(performance.now() - started);
    if (rejection !== undefined) {
      logger.warn(
        { ...base, answeredBy: 'extractive', fallback: rejection.reason, detail: rejection.detail, shownChars: shown.length, latencyMs },
        `LLM answer replaced by the extractive answer: ${rejection.reason}`,
      );
      if (shown !== '') yield { type: 'reset', reason: rejection.reason };
      yield* fallBack(context, rejection.reason);
      return;
    }
    logger.info(
      { ...base, answeredBy: LLM_ANSWERER_NAME, citations: citations.citations(), promptTokens: prompt.estimatedTokens, historyTurns: prompt.historyTurns, latencyMs },
      'LLM answered',
    );
    yield { type: 'final', text: shown, citations: citations.citations(), answeredBy: LLM_ANSWERER_NAME };
  }

  return {
    name: LLM_ANSWERER_NAME,
    events,
    async *answer(context) {
      // Text that may still be retracted is never yielded here: only the final, checked answer.
      for await (const event of events(context)) {
        if (event.type === 'final') yield* streamText(event.text, chunkSize, context.signal);
      }
    },
  };
}

/**
 * Drops a leading `<think>…</think>` block, which reasoning models (Qwen3, DeepSeek-R1) served by
 * llama.cpp or older vLLM versions put in the content itself, and the whitespace before the answer.
 */
function createReasoningFilter(): { push(text: string): string; flush(): string } {
  const OPEN = '<think>';
  const CLOSE = '</think>';
  let state: 'start' | 'thinking' | 'answer' = 'start';
  let held = '';
  let answerStarted = false;
  const answer = (text: string): string => {
    if (answerStarted) return text;
    const trimmed = text.trimStart();
    answerStarted = trimmed !== '';
    return trimmed;
  };
  return {
    push(text) {
      if (state === 'answer') return answer(text);
      held += text;
      if (state === 'start') {
        const trimmed = held.trimStart();
        if (trimmed === '' || (trimmed.length < OPEN.length && OPEN.startsWith(trimmed))) return '';
        if (!trimmed.startsWith(OPEN)) {
          state = 'answer';
          held = '';
          return answer(trimmed);
        }
        state = 'thinking';
        held = trimmed.slice(OPEN.length);
      }
      const end = held.indexOf(CLOSE);
      if (end < 0) {
        held = held.slice(-CLOSE.length); // enough to see a closing tag split across deltas
        return '';
      }
      state = 'answer';
      const rest = held.slice(end + CLOSE.length);
      held = '';
      return answer(rest);
    },
    flush() {
      // Only text that was never a think block is given back; an unfinished block is dropped.
      const out = state === 'start' ? answer(held) : '';
      held = '';
      return out;
    },
  };
}

/** LangChain's message tuples: accepted by every chat model without loading its message classes here. */
function toMessageTuples(messages: readonly PromptMessage[]): Array<[MessageType, string]> {
  return messages.map((m) => [m.role === 'user' ? 'human' : m.role === 'assistant' ? 'ai' : 'system', m.content]);
}

/**
 * Holds back a trailing run of link characters until it ends, so a link is checked whole before
 * any of it is shown.
 */
function createLinkHold(): { push(text: string): string; flush(): string } {
  let held = '';
  return {
    push(text) {
      held += text;
      const tail = /[A-Za-z0-9._~:/?#@!$&*+=%-]+$/u.exec(held);
      const cut = tail === null ? held.length : tail.index;
      const ready = held.slice(0, cut);
      held = held.slice(cut);
      return ready;
    },
    flush() {
      const rest = held;
      held = '';
      return rest;
    },
  };
}

/** Rejects with the signal's reason when it aborts first: a provider that ignores aborts cannot hang us. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {}); // its late rejection, after an abort, is expected
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? `HTTP ${status}: ${message.slice(0, 200)}` : message.slice(0, 200);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
