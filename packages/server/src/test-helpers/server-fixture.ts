import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestCorpus, loadCorpus } from '@govchat/core';
import type {
  AnswerDeltaEvent,
  AnswerResetEvent,
  AnswerEndEvent,
  AnswerErrorEvent,
  AnswerSourcesEvent,
  AnswerStartEvent,
  AskPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@govchat/protocol';
import { createServer, type GovchatServer, type ServerConfig, type ServerRuntime } from '@govchat/server';
import { io, type Socket } from 'socket.io-client';

/** The repository's corpora: test corpora are copies, never the originals. */
export const REPO_CORPORA = fileURLToPath(new URL('../../../../corpora/', import.meta.url));

/** A bot only pages on this origin may use (a copy of iam-smart). */
export const RESTRICTED_BOT = 'restricted-demo';
export const RESTRICTED_ORIGIN = 'https://www.example.gov.hk';

export interface TestData {
  readonly root: string;
  readonly corporaDir: string;
  readonly dataDir: string;
  remove(): Promise<void>;
}

/**
 * Copies the named corpora (plus, with `restricted`, a bot limited to {@link RESTRICTED_ORIGIN})
 * into a temp folder and ingests them into a temp data dir.
 */
export async function prepareTestData(bots: readonly string[], options: { restricted?: boolean } = {}): Promise<TestData> {
  const root = await mkdtemp(join(tmpdir(), 'govchat-server-'));
  const corporaDir = join(root, 'corpora');
  const dataDir = join(root, 'data');
  for (const bot of bots) await cp(join(REPO_CORPORA, bot), join(corporaDir, bot), { recursive: true });
  if (options.restricted) {
    const dir = join(corporaDir, RESTRICTED_BOT);
    await cp(join(REPO_CORPORA, 'iam-smart'), dir, { recursive: true });
    const bot = JSON.parse(await readFile(join(dir, 'bot.json'), 'utf8'));
    await writeFile(join(dir, 'bot.json'), JSON.stringify({ ...bot, id: RESTRICTED_BOT, allowedOrigins: [RESTRICTED_ORIGIN] }, null, 2));
  }
  for (const bot of [...bots, ...(options.restricted ? [RESTRICTED_BOT] : [])]) {
    await ingestCorpus(await loadCorpus(join(corporaDir, bot)), { dataDir });
  }
  return { root, corporaDir, dataDir, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface RunningServer {
  readonly server: GovchatServer;
  readonly url: string;
}

/**
 * The test copy of the immigration corpus with the passport-fee answer rewritten to carry
 * `marker`: a reindex test can tell new answers from old ones by it.
 */
export async function immigrationWithNewFees(data: TestData, marker: string): Promise<string> {
  const lines = (await readFile(join(data.corporaDir, 'immigration', 'faq.jsonl'), 'utf8')).trim().split('\n');
  return `${lines
    .map((line) => {
      const entry = JSON.parse(line);
      if (entry.id !== 'passport-fees') return line;
      return JSON.stringify({ ...entry, answer: { en: `${marker} The passport fee is now HK$999.`, 'zh-HK': `${marker} 護照費用現為999港元。` } });
    })
    .join('\n')}\n`;
}

/** A real server on 127.0.0.1, port 0, quiet logs, no start-up ingest (the data is ready). */
export async function startServer(data: TestData, overrides: Partial<ServerConfig> = {}, runtime: ServerRuntime = {}): Promise<RunningServer> {
  const server = await createServer(
    {
    port: 0,
    host: '127.0.0.1',
    dataDir: data.dataDir,
    corporaDir: data.corporaDir,
    ingestOnStart: false,
    logLevel: 'silent',
    rateLimitPerIp: 100_000,
    rateLimitPerSession: 100_000,
    ...overrides,
    },
    runtime,
  );
  return { server, url: await server.listen() };
}

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Connects to `/chat`; resolves with the client and the session id from the `session` event.
 * `headers` (e.g. X-Forwarded-For, for a server with `trustProxy`) go on the WebSocket handshake.
 */
export function connectChat(
  url: string,
  auth: Record<string, unknown>,
  options: { origin?: string; headers?: Record<string, string> } = {},
): Promise<{ socket: ChatClient; session: string }> {
  const extraHeaders = { ...options.headers, ...(options.origin === undefined ? {} : { origin: options.origin }) };
  const socket: ChatClient = io(`${url}/chat`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(Object.keys(extraHeaders).length === 0 ? {} : { extraHeaders }),
  });
  return new Promise((resolve, reject) => {
    socket.once('session', ({ session }) => resolve({ socket, session }));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Why a connection was refused: the message and `data.code` of its connect_error. */
export async function refusal(promise: Promise<unknown>): Promise<{ message: string; code: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { data?: { code?: string } };
    return { message: e.message, code: e.data?.code };
  }
  throw new Error('expected the connection to be refused');
}

export interface AskEvents {
  /** Event names for this ask, in arrival order. */
  readonly order: string[];
  /** `answer.reset` events: the deltas before each were withdrawn (and are not in `deltas`). */
  readonly resets: AnswerResetEvent[];
  readonly start?: AnswerStartEvent;
  readonly deltas: string[];
  readonly sources?: AnswerSourcesEvent;
  readonly end?: AnswerEndEvent;
  readonly error?: AnswerErrorEvent;
  /** The deltas joined. */
  readonly text: string;
}

/**
 * Sends `ask` (or any payload, for malformed-input tests) and collects every event carrying
 * `id` until the first terminal one. `onEvent` runs on each, e.g. to cancel on the first delta.
 */
export function ask(
  socket: ChatClient,
  payload: AskPayload | unknown,
  id: string = (payload as { id?: string }).id ?? '',
  onEvent?: (name: string) => void,
): Promise<AskEvents> {
  return new Promise((resolve) => {
    const order: string[] = [];
    const deltas: string[] = [];
    const resets: AnswerResetEvent[] = [];
    const result: { start?: AnswerStartEvent; sources?: AnswerSourcesEvent; end?: AnswerEndEvent; error?: AnswerErrorEvent } = {};
    const listeners: Array<[keyof ServerToClientEvents, (event: { id: string }) => void]> = [];
    const finish = (): void => {
      for (const [name, listener] of listeners) socket.off(name, listener as never);
      resolve({ order, deltas, resets, text: deltas.join(''), ...result });
    };
    const on = (name: keyof ServerToClientEvents, handle: (event: never) => void, terminal = false): void => {
      const listener = (event: { id: string }): void => {
        if (event.id !== id) return;
        order.push(name);
        handle(event as never);
        onEvent?.(name);
        if (terminal) finish();
      };
      listeners.push([name, listener]);
      socket.on(name, listener as never);
    };
    on('answer.start', (e: AnswerStartEvent) => (result.start = e));
    on('answer.delta', (e: AnswerDeltaEvent) => deltas.push(e.text));
    on('answer.reset', (e: AnswerResetEvent) => {
      resets.push(e);
      deltas.length = 0;
    });
    on('answer.sources', (e: AnswerSourcesEvent) => (result.sources = e));
    on('answer.end', (e: AnswerEndEvent) => (result.end = e), true);
    on('answer.error', (e: AnswerErrorEvent) => (result.error = e), true);
    socket.emit('ask', payload as AskPayload);
  });
}

/** POSTs JSON and returns status, headers and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (SSE, HTML): keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Parses a Server-Sent Events body into `{event, data}` pairs, checking the framing as it goes. */
export function parseSse(text: string): Array<{ event: string; data: any }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
      if (event === undefined || data.length !== 1 || lines.length !== 2) throw new Error(`bad SSE block: ${JSON.stringify(block)}`);
      return { event, data: JSON.parse(data[0]!) };
    });
}
