import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an LLM provider, for tests: speaks OpenAI's Chat Completions API
 * (`POST /v1/chat/completions`, streamed as server-sent `chat.completion.chunk` objects ending in
 * `data: [DONE]`, exactly as api.openai.com and vLLM send them) and Ollama's native `POST /api/chat`
 * (newline-delimited JSON). What it answers is scripted per request; every request is recorded.
 */

/** How the fake answers one request. */
export type FakeReply =
  /** Streams these content deltas in order, then stops normally. */
  | { readonly kind: 'stream'; readonly tokens: readonly string[]; readonly delayMs?: number }
  /** Streams `tokens` (possibly none), then goes silent without ending: a stalled provider. */
  | { readonly kind: 'stall'; readonly tokens?: readonly string[] }
  /** Answers with an HTTP error and an OpenAI-style error body. */
  | { readonly kind: 'error'; readonly status: number; readonly message?: string };

/** One request as the fake received it. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** The parsed JSON body. */
  readonly body: {
    model?: string;
    stream?: boolean;
    messages?: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
}

export interface FakeOpenAiServer {
  /** Base URL for OpenAI-compatible clients, e.g. http://127.0.0.1:41234/v1 */
  readonly url: string;
  /** Base URL for Ollama-native clients, e.g. http://127.0.0.1:41234 */
  readonly ollamaUrl: string;
  readonly requests: RecordedRequest[];
  /** Replaces the script for the following requests. */
  setReply(reply: FakeReply | ((request: RecordedRequest) => FakeReply)): void;
  close(): Promise<void>;
}

/**
 * Starts the fake on 127.0.0.1, on a free port.
 *
 * @example
 * const llm = await startFakeOpenAiServer(streamReply('Bring your HKID [faq:register-in-person].'));
 * const model = createChatModel({ provider: 'openai', baseUrl: llm.url, model: 'fake' });
 * // … llm.requests[0].body.messages …
 * await llm.close();
 */
export async function startFakeOpenAiServer(initial: FakeReply | ((request: RecordedRequest) => FakeReply)): Promise<FakeOpenAiServer> {
  let script = initial;
  const requests: RecordedRequest[] = [];
  let sequence = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    let body: RecordedRequest['body'] = {};
    try {
      body = JSON.parse(text || '{}') as RecordedRequest['body'];
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'invalid JSON' } }));
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const recorded: RecordedRequest = { path, headers: req.headers, body };
    requests.push(recorded);
    const isOllama = path === '/api/chat';
    if (path !== '/v1/chat/completions' && !isOllama) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const reply = typeof script === 'function' ? script(recorded) : script;
    const id = `chatcmpl-fake${++sequence}`;
    const model = body.model ?? 'fake-model';

    if (reply.kind === 'error') {
      const message = reply.message ?? 'The server had an error while processing your request.';
      res
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(isOllama ? { error: message } : { error: { message, type: 'server_error', param: null, code: null } }));
      return;
    }
    const tokens = reply.tokens ?? [];
    const delayMs = reply.kind === 'stream' ? (reply.delayMs ?? 0) : 0;

    if (isOllama) {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      for (const token of tokens) {
        res.write(`${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: token }, done: false })}\n`);
        if (delayMs > 0) await sleep(delayMs);
      }
      if (reply.kind === 'stall') return; // never ends; close() destroys the socket
      res.end(
        `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 1, prompt_eval_count: 1, eval_count: tokens.length })}\n`,
      );
      return;
    }

    if (body.stream !== true) {
      // A non-streaming request gets the whole completion at once, as the real API does.
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created: now(),
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: tokens.join('') }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: tokens.length, total_tokens: tokens.length + 1 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created: now(),
        model,
        system_fingerprint: 'fp_fake',
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '', refusal: null }, null));
    for (const token of tokens) {
      res.write(chunk({ content: token }, null));
      if (delayMs > 0) await sleep(delayMs);
    }
    if (reply.kind === 'stall') return;
    res.write(chunk({}, 'stop'));
    const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    if (wantsUsage) {
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: now(), model, system_fingerprint: 'fp_fake', choices: [], usage: { prompt_tokens: 1, completion_tokens: tokens.length, total_tokens: tokens.length + 1 } })}\n\n`,
      );
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    ollamaUrl: `http://127.0.0.1:${port}`,
    requests,
    setReply(reply) {
      script = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A reply streaming `text` in model-sized pieces: a word (with its space) or one to two CJK
 * characters at a time, with citations split across pieces as real tokenisers split them.
 *
 * @example streamReply('請帶同身份證。[faq:register-in-person]')
 */
export function streamReply(text: string, delayMs = 0): FakeReply {
  return { kind: 'stream', tokens: splitIntoTokens(text), delayMs };
}

/** Splits text into token-like pieces; their concatenation is the text. */
export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*[A-Za-z0-9]+|\s*[^A-Za-z0-9\s\p{Script=Han}]|[\p{Script=Han}]{1,2}|\s+/gu) ?? [];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
