import { setTimeout as sleep } from 'node:timers/promises';
import { GovchatError, localiseQuestion, maskPersonalData, type AnswerPlan } from '@govchat/core';
import type {
  AnswerDeltaEvent,
  AnswerEndEvent,
  AnswerErrorEvent,
  AnswerLang,
  AnswerResetEvent,
  AnswerSourcesEvent,
  AnswerStartEvent,
  AskResponse,
} from '@govchat/protocol';
import type { BotRegistry } from './bot-registry.js';
import type { ChatStore } from './chat-store.js';
import { toClientError, type ClientError } from './client-error.js';
import type { ServerMetrics, AskOutcome } from './server-metrics.js';
import type { Logger } from './server-logger.js';
import type { ChatSession, SessionManager } from './session-manager.js';

/** Where an ask's events go: a socket, an SSE stream, or nowhere (a JSON response). */
export interface AskSink {
  start(event: AnswerStartEvent): void;
  delta(event: AnswerDeltaEvent): void;
  /** An LLM answer shown so far is withdrawn; the deltas that follow replace it. */
  reset(event: AnswerResetEvent): void;
  sources(event: AnswerSourcesEvent): void;
  end(event: AnswerEndEvent): void;
  error(event: AnswerErrorEvent): void;
}

export interface AskJob {
  readonly session: ChatSession;
  readonly askId: string;
  /** The citizen's text as received; masked before anything else sees it. */
  readonly text: string;
  readonly lang?: AnswerLang;
  /** Earlier turns given by a REST client; the session's history is used when absent. */
  readonly history?: readonly string[];
  /** Aborts the ask (client cancel or disconnect); its reason becomes the error. */
  readonly signal?: AbortSignal;
}

export type AskResult = { readonly ok: true; readonly response: AskResponse } | { readonly ok: false; readonly error: ClientError };

export interface AskRunner {
  /**
   * Answers one ask, emitting `start → delta* → sources → end`, or `error` at any point: exactly
   * one terminal event, whatever happens (cancel, timeout, engine failure, shutdown).
   */
  run(job: AskJob, sink: AskSink): Promise<AskResult>;
  readonly inFlight: number;
  /** Refuses new asks (BUSY), waits up to `graceMs` for running ones, then cancels the rest. */
  drain(graceMs: number): Promise<void>;
}

export interface AskRunnerOptions {
  readonly bots: BotRegistry;
  readonly sessions: SessionManager;
  readonly store: ChatStore;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
  readonly answerTimeoutMs: number;
  readonly streamDelayMs: number;
  readonly historyTurns: number;
}

/** A sink that drops every event: for JSON responses, which only need the result. */
export const SILENT_SINK: AskSink = { start() {}, delta() {}, reset() {}, sources() {}, end() {}, error() {} };

/**
 * The one ask pipeline behind the socket, SSE and JSON endpoints: mask → engine → stream → record.
 *
 * @example
 * const runner = createAskRunner({ bots, sessions, store, metrics, logger, answerTimeoutMs: 15_000, streamDelayMs: 0, historyTurns: 4 });
 * await runner.run({ session, askId: 'a1', text: '點樣申請護照' }, socketSink);
 */
export function createAskRunner(options: AskRunnerOptions): AskRunner {
  const { bots, sessions, store, metrics, logger } = options;
  const running = new Map<Promise<AskResult>, AbortController>();
  let draining = false;

  async function answer(job: AskJob, sink: AskSink, signal: AbortSignal, startedAt: number): Promise<AskResult> {
    const { session, askId: id } = job;
    const bot = session.bot;
    const question = maskPersonalData(job.text).text;
    let plan: Omit<AnswerPlan, 'chunks' | 'events'> | undefined;
    let text = '';
    let citations: readonly string[] = [];
    try {
      if (draining) throw new GovchatError('BUSY', 'the server is shutting down; please ask again in a moment');
      // Captured once: a reindex that swaps the engine mid-answer does not affect this ask.
      const engine = bots.require(bot);
      const turns = options.historyTurns === 0 ? [] : (job.history ?? session.history).slice(-options.historyTurns);
      const history = turns.map((turn) => maskPersonalData(turn).text);
      const { chunks: _final, events, ...rest } = await engine.stream({ text: question, history, ...(job.lang ? { lang: job.lang } : {}), signal });
      plan = rest;
      throwIfAborted(signal);
      sink.start({ id, lang: plan.lang });
      // Typed events, so an LLM's tokens stream as they come and a failed post-check can withdraw them.
      let firstDelta = true;
      for await (const event of events) {
        throwIfAborted(signal);
        if (event.type === 'reset') {
          text = '';
          sink.reset({ id, reason: event.reason });
          logger.info({ bot, session: session.id, ask: id, reason: event.reason }, 'generated answer withdrawn; extractive answer sent');
          continue;
        }
        if (event.type === 'final') {
          citations = event.citations;
          continue;
        }
        if (text !== '' && options.streamDelayMs > 0) await sleep(options.streamDelayMs, undefined, { signal }).catch(() => {});
        throwIfAborted(signal);
        if (firstDelta) metrics.firstDelaySeconds.observe({ bot }, (performance.now() - startedAt) / 1000);
        firstDelta = false;
        text += event.text;
        sink.delta({ id, text: event.text });
      }
      throwIfAborted(signal);
    } catch (thrown) {
      const error = toClientError(signal.aborted ? signal.reason : thrown);
      const outcome: AskOutcome = error.code === 'CANCELLED' ? 'cancelled' : error.code === 'TIMEOUT' ? 'timeout' : 'error';
      const latencyMs = Math.round(performance.now() - startedAt);
      sink.error({ id, code: error.code, message: error.message });
      // Bookkeeping after the client has its answer: none of it may delay or break the reply.
      record(outcome, latencyMs);
      store.saveTurn({ sessionId: session.id, bot, askId: id, question, outcome, latencyMs, unanswered: false, at: Date.now() });
      const log = { bot, session: session.id, ask: id, outcome, code: error.code, latencyMs };
      if (error.code === 'INTERNAL') logger.error({ ...log, err: error.error }, 'ask failed');
      else logger.info(log, 'ask ended early');
      return { ok: false, error };
    }

    const latencyMs = Math.round(performance.now() - startedAt);
    const faqId = plan.sources[0]?.id;
    const outcome: AskOutcome = plan.abstained ? 'abstained' : 'answered';
    // A refused prompt injection or an empty message is no context for the next question.
    // Before answer.end: a follow-up sent the moment the answer ends, to any node, must see this turn.
    if (plan.reason !== 'refused' && plan.reason !== 'empty') await sessions.addTurn(session, id, question, faqId);
    // An LLM answer's sources are the FAQs it cited (the extractive answer cites the one it quotes).
    const shown = citations.length === 0 || plan.abstained ? plan.sources : citations.map((cid) => plan!.sources.find((s) => s.id === cid) ?? citedSource(cid, plan!.lang));
    const sources = shown.map((s) => ({ id: s.id, question: s.question, ...(s.url === undefined ? {} : { url: s.url }), score: s.score }));
    const related = plan.related.map((r) => ({ id: r.id, question: r.question }));
    sink.sources({ id, sources, related });
    sink.end({ id, abstained: plan.abstained, latencyMs, ...(plan.abstained || citations.length === 0 ? {} : { citations: [...citations] }) });

    // Bookkeeping after the client has its answer: none of it may delay or break the reply.
    store.saveTurn({
      sessionId: session.id,
      bot,
      askId: id,
      question,
      answer: maskPersonalData(text).text,
      lang: plan.lang,
      outcome,
      ...(plan.reason === undefined ? {} : { reason: plan.reason }),
      ...(faqId === undefined ? {} : { faqId }),
      confidence: plan.confidence,
      latencyMs,
      // A refusal (prompt injection) or an empty message is not a missing FAQ.
      unanswered: plan.abstained && plan.reason === 'low-confidence',
      at: Date.now(),
    });
    record(outcome, latencyMs);
    if (plan.abstained) metrics.abstentions.inc({ bot, reason: plan.reason ?? 'low-confidence' });
    logger.info(
      { bot, session: session.id, ask: id, outcome, reason: plan.reason, faq: faqId, confidence: round(plan.confidence), lang: plan.lang, latencyMs },
      'ask answered',
    );
    logger.debug({ bot, ask: id, question }, 'ask question (masked)');
    return {
      ok: true,
      response: {
        id,
        answer: text,
        lang: plan.lang,
        queryLang: plan.queryLang,
        abstained: plan.abstained,
        ...(plan.reason === undefined ? {} : { reason: plan.reason }),
        confidence: round(plan.confidence),
        usedHistory: plan.usedHistory,
        ...(citations.length === 0 || plan.abstained ? {} : { citations: [...citations] }),
        sources,
        related,
        session: session.id,
        latencyMs,
      },
    };

    function citedSource(faqId: string, lang: AnswerLang): { id: string; question: string; url?: string; score: number } {
      const entry = bots.get(bot)?.index.entryById(faqId);
      if (entry === undefined) return { id: faqId, question: faqId, score: 0 };
      return { id: faqId, question: localiseQuestion(entry, lang), ...(entry.url === undefined ? {} : { url: entry.url }), score: 0 };
    }

    function record(outcome: AskOutcome, ms: number): void {
      metrics.asks.inc({ bot, outcome });
      metrics.answerSeconds.observe({ bot, outcome }, ms / 1000);
    }
  }

  return {
    run(job, sink) {
      const startedAt = performance.now();
      const controller = new AbortController();
      const onClientAbort = (): void => controller.abort(job.signal?.reason ?? new GovchatError('CANCELLED', 'cancelled by the client'));
      if (job.signal?.aborted) onClientAbort();
      else job.signal?.addEventListener('abort', onClientAbort, { once: true });
      const timer = setTimeout(
        () => controller.abort(new GovchatError('TIMEOUT', `no answer within ${options.answerTimeoutMs} ms; please try again`)),
        options.answerTimeoutMs,
      );
      const task = answer(job, sink, controller.signal, startedAt).finally(() => {
        clearTimeout(timer);
        job.signal?.removeEventListener('abort', onClientAbort);
        running.delete(task);
      });
      running.set(task, controller);
      return task;
    },
    get inFlight() {
      return running.size;
    },
    async drain(graceMs) {
      draining = true;
      if (running.size === 0) return;
      const all = Promise.allSettled([...running.keys()]);
      const grace = sleep(graceMs, undefined, { ref: false });
      await Promise.race([all, grace]);
      for (const controller of running.values()) {
        controller.abort(new GovchatError('CANCELLED', 'the server is shutting down; please ask again in a moment'));
      }
      await Promise.allSettled([...running.keys()]);
    },
  };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
