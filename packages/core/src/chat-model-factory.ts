import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { GovchatError } from './govchat-error.js';

/** The two provider APIs govchat speaks. */
export type LlmProvider = 'openai' | 'ollama';
export const LLM_PROVIDERS: readonly LlmProvider[] = ['openai', 'ollama'];

export interface ChatModelOptions {
  /**
   * 'openai': any OpenAI-compatible `/chat/completions` endpoint (OpenAI, Azure OpenAI's v1 API,
   * vLLM, llama.cpp server, Ollama's `/v1`, a government gateway). 'ollama': Ollama's native API.
   */
  readonly provider: LlmProvider;
  readonly model: string;
  /** e.g. 'http://127.0.0.1:8000/v1' (vLLM), 'http://127.0.0.1:11434' (Ollama native). Default: the provider's public default. */
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** Default 0.2: answers restate FAQs, they should not be creative. */
  readonly temperature?: number;
  /** Most tokens an answer may have (default 512). */
  readonly maxTokens?: number;
  /** Per-request timeout given to the client library (the answerer also enforces its own). */
  readonly timeoutMs?: number;
}

/** Where each provider listens when no base URL is configured. */
export const DEFAULT_BASE_URLS: Readonly<Record<LlmProvider, string>> = {
  openai: 'https://api.openai.com/v1',
  ollama: 'http://127.0.0.1:11434',
};

/**
 * A streaming LangChain chat model for `provider`. Asynchronous because the provider package is
 * imported on first use: loading it costs most of a second, which a bot that answers extractively
 * (and `govchat ask`, and every test) should not pay. The OpenAI-compatible model is LangChain's
 * Chat Completions implementation (what `ChatOpenAI` delegates to): `ChatOpenAI` itself switches
 * to OpenAI's Responses API for some model names, which vLLM, llama.cpp and gateways do not serve.
 * Retries are off: a failed answer falls back to the extractive one at once instead of making the
 * citizen wait through back-off.
 *
 * @example
 * const model = await createChatModel({ provider: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct' });
 * const model2 = await createChatModel({ provider: 'ollama', model: 'qwen2.5:7b' });
 */
export async function createChatModel(options: ChatModelOptions): Promise<BaseChatModel> {
  const temperature = options.temperature ?? 0.2;
  const maxTokens = options.maxTokens ?? 512;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URLS[options.provider];
  if (options.model.trim() === '') throw new GovchatError('CONFIG_INVALID', 'the chat model needs a model name', { field: 'model' });

  if (options.provider === 'ollama') {
    const { ChatOllama } = await import('@langchain/ollama');
    return new ChatOllama({
      model: options.model,
      baseUrl,
      temperature,
      numPredict: maxTokens,
      maxRetries: 0,
      // An Ollama behind an authenticating proxy takes the key as a bearer token.
      ...(options.apiKey === undefined ? {} : { headers: { Authorization: `Bearer ${options.apiKey}` } }),
    });
  }
  const { ChatOpenAICompletions } = await import('@langchain/openai');
  return new ChatOpenAICompletions({
    model: options.model,
    // Self-hosted servers need no key, but the OpenAI client refuses to start without one.
    apiKey: options.apiKey ?? 'not-needed',
    configuration: { baseURL: baseUrl },
    temperature,
    maxTokens,
    streaming: true,
    // `stream_options` is rejected by some OpenAI-compatible servers; usage is estimated instead.
    streamUsage: false,
    maxRetries: 0,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
}
