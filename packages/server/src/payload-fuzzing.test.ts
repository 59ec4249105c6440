import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connectChat, postJson, prepareTestData, startServer, type ChatClient, type RunningServer, type TestData } from './test-helpers/server-fixture.js';

/**
 * Seeded random and hand-picked hostile payloads against the REST API and the /chat socket:
 * random JSON, wrong types, strings up to and past every size limit, invalid UTF-8, lone
 * surrogates, 10,000-level nesting, garbled Socket.IO packets. Every one must get an error
 * response (or, by chance, an answer) — never a 5xx, never an INTERNAL, never a crash — the
 * server must answer a good question afterwards, and its heap must come back near where it was.
 * The seed is printed; set FUZZ_SEED to replay a run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_c4a7);
const REST_CASES = 400;
const SOCKET_CASES = 600;
const MAX_MESSAGE_CHARS = 1000;
const JSON_LIMIT_BYTES = 32 * 1024;
const SOCKET_BUFFER_BYTES = 64 * 1024;
const GOOD_QUESTION = 'How much does an HKSAR passport cost?';
/** After a full GC, the heap may keep this much more than before: caches warmed by the fuzz, JIT code. */
const HEAP_SLACK_BYTES = 32 * 1024 * 1024;
const CLIENT_CODES = ['INVALID_INPUT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'BUSY', 'CANCELLED', 'NOT_FOUND', 'BOT_NOT_FOUND'];

let data: TestData;
let main: RunningServer;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  data = await prepareTestData(['immigration']);
  main = await startServer(data, { maxMessageChars: MAX_MESSAGE_CHARS, jsonLimitBytes: JSON_LIMIT_BYTES, socketBufferBytes: SOCKET_BUFFER_BYTES });
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await main?.server.close();
  await data?.remove();
});

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let random = createRandom(SEED);
const int = (n: number): number => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const CHAR_POOLS = [
  'abcdefghij XYZ 0123456789',
  '點樣申請護照要幾多錢身份證',
  '😀🇭🇰👩‍👩‍👧',
  '\u0000\u0007\u001b\u007f\u0085',
  '\ud800\udfff\ud83d\udc00', // lone and mismatched surrogates
  '\u202e\u200b\ufeff\u2028',
  '<script>"\'&\\{}[]',
  'A123456(3) 9123 4567 a@b.hk',
];
const LENGTHS = [0, 1, 7, 64, 65, MAX_MESSAGE_CHARS - 1, MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS + 1, 5000, 40_000];
const KEYS = ['id', 'text', 'lang', 'session', 'history', 'rating', 'comment', 'bot', '__proto__', 'constructor', 'toString', ''];

function randomString(): string {
  const length = pick(LENGTHS);
  const pool = [...pick(CHAR_POOLS)];
  let text = '';
  while (text.length < length) text += pool[int(pool.length)];
  return text.slice(0, length);
}

function randomValue(depth = 0): unknown {
  switch (int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick([0, -1, 1.5, 2 ** 53 + 1, -0, 1e308, Number.MIN_VALUE]);
    case 3:
    case 4:
    case 5:
      return randomString();
    case 6:
      return Array.from({ length: int(5) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(KEYS), randomValue(depth + 1)]));
  }
}

/** A valid payload with one thing wrong (or, now and then, nothing wrong). */
function mutate(valid: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = { ...valid };
  switch (int(5)) {
    case 0:
      delete copy[pick(Object.keys(copy))];
      return copy;
    case 1:
      copy[pick(Object.keys(copy))] = randomValue();
      return copy;
    case 2:
      copy[pick(KEYS)] = randomValue();
      return copy;
    case 3:
      return randomValue();
    default:
      return copy;
  }
}

const deepArray = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const deepObject = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** docs/protocol.md: an ask id is 1–64 of A-Z a-z 0-9 . _ : - */
const ASK_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** The id the server's error events carry for a payload: its own when usable, else "". */
function echoedId(payload: unknown): string {
  const id = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
  return typeof id === 'string' && ASK_ID.test(id) ? id : '';
}
/** A cancel the server accepts silently; any other is answered with one answer.error. */
const isValidCancel = (payload: unknown): boolean => typeof payload === 'object' && payload !== null && !Array.isArray(payload) && echoedId(payload) !== '';

/** A serialised socket payload no bigger than this stays under the transport's cap. */
const fitsSocket = (payload: unknown): boolean => Buffer.byteLength(JSON.stringify(payload) ?? '') < SOCKET_BUFFER_BYTES - 1024;

/**
 * Before the baseline: every language path (the core loads its dictionaries on first use) and a
 * short fuzz round with another seed, so the measured fuzz starts from warm caches and JIT code
 * and any growth after it is the server's doing.
 */
async function warmUp(): Promise<void> {
  const { socket } = await connectChat(main.url, { bot: 'immigration' });
  for (const [i, text] of ['How much does an HKSAR passport cost?', '點樣申請護照', '怎么申请护照', '我想renew passport，網上得唔得？', '身份證唔見咗點算'].entries()) {
    await postJson(`${main.url}/api/bots/immigration/ask`, { text });
    await ask(socket, { id: `warm${i}`, text });
  }
  const saved = random;
  random = createRandom(SEED ^ 0xffff);
  for (let i = 0; i < 60; i++) {
    await postJson(`${main.url}/api/bots/immigration/ask`, JSON.stringify(mutate({ text: GOOD_QUESTION, lang: 'en' })) ?? 'null');
    const payload = mutate({ id: `w${i}`, text: GOOD_QUESTION, lang: 'en' });
    if (fitsSocket(payload)) await ask(socket, payload, echoedId(payload));
  }
  random = saved;
  socket.close();
}

/** A full GC when the process allows it (V8's flag, set at run time), else nothing. */
function collectGarbage(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

async function settledHeap(gc: (() => void) | undefined): Promise<{ heapUsed: number; rss: number }> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await sleep(50);
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

async function expectStillAnswering(): Promise<void> {
  const rest = await postJson(`${main.url}/api/bots/immigration/ask`, { text: GOOD_QUESTION });
  expect(rest.status).toBe(200);
  expect(rest.body.sources[0]?.id).toBe('passport-fees');
  const { socket } = await connectChat(main.url, { bot: 'immigration' });
  sockets.push(socket);
  const events = await ask(socket, { id: 'good', text: GOOD_QUESTION });
  expect(events.end).toBeDefined();
  expect(events.sources?.sources[0]?.id).toBe('passport-fees');
  socket.close();
}

/** Status and parsed body of a raw POST; the body may be anything, including bytes that are not UTF-8. */
async function postRaw(path: string, body: string | Buffer, contentType = 'application/json'): Promise<{ status: number; body: any }> {
  const response = await fetch(`${main.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** An error response a client can act on: 4xx, `{error: {code, message}}`, no stack trace. */
function expectClientError(response: { status: number; body: any }, context: string): void {
  expect(response.status, context).toBeGreaterThanOrEqual(400);
  expect(response.status, context).toBeLessThan(500);
  expect(response.body?.error?.code, context).toEqual(expect.any(String));
  expect(response.body.error.code, context).not.toBe('INTERNAL');
  expect(JSON.stringify(response.body), context).not.toMatch(/node_modules|\n\s+at /);
}

describe('fuzzing', () => {
  let gc: (() => void) | undefined;
  let baseline: { heapUsed: number; rss: number };

  it('starts from a measured baseline', async () => {
    gc = collectGarbage();
    console.info(`fuzz seed ${SEED} (FUZZ_SEED to replay); full GC ${gc === undefined ? 'NOT available: generous bound only' : 'available'}`);
    await warmUp();
    await expectStillAnswering();
    baseline = await settledHeap(gc);
  });

  it('REST: random and hostile bodies get error responses, never a 5xx', async () => {
    const results: Record<number, number> = {};
    for (let i = 0; i < REST_CASES; i++) {
      const route = pick(['/api/bots/immigration/ask', '/api/bots/immigration/ask', '/api/feedback']);
      const valid = route === '/api/feedback' ? { bot: 'immigration', session: 'x'.repeat(24), id: 'r-1', rating: 'up' } : { text: GOOD_QUESTION, lang: 'en' };
      const payload = mutate(valid);
      const response = await postRaw(route, JSON.stringify(payload) ?? 'undefined');
      results[response.status] = (results[response.status] ?? 0) + 1;
      const context = `case ${i}: POST ${route} ${JSON.stringify(payload)?.slice(0, 200)}`;
      if (response.status === 200) expect(route === '/api/feedback' ? response.body.ok : response.body.answer, context).toBeDefined();
      else expectClientError(response, context);
    }
    console.info(`fuzz REST: ${REST_CASES} random bodies → statuses ${JSON.stringify(results)}`);

    const ask = '/api/bots/immigration/ask';
    const hostile: Array<[string, string | Buffer, string, number]> = [
      ['question at the limit', JSON.stringify({ text: 'a'.repeat(MAX_MESSAGE_CHARS) }), 'application/json', 200],
      ['question one past the limit', JSON.stringify({ text: 'a'.repeat(MAX_MESSAGE_CHARS + 1) }), 'application/json', 413],
      ['body just under the byte limit', JSON.stringify({ text: GOOD_QUESTION, history: ['x'.repeat(JSON_LIMIT_BYTES - 200)] }), 'application/json', 413],
      ['body past the byte limit', JSON.stringify({ text: 'x'.repeat(JSON_LIMIT_BYTES) }), 'application/json', 413],
      ['a 10 MB body', JSON.stringify({ text: 'x'.repeat(10_000_000) }), 'application/json', 413],
      ['invalid UTF-8', Buffer.concat([Buffer.from('{"text":"passport '), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from('"}')]), 'application/json', 400],
      ['a truncated UTF-8 sequence', Buffer.concat([Buffer.from('{"text":"護照'), Buffer.from([0xe8, 0xad]), Buffer.from('"}')]), 'application/json', 400],
      ['10,000 nested arrays', `{"text":${deepArray(10_000)}}`, 'application/json', 400],
      ['5,000 nested objects', deepObject(5000), 'application/json', 400],
      ['10,000 nested objects (past the byte limit)', deepObject(10_000), 'application/json', 413],
      ['10,000 unclosed brackets', '['.repeat(10_000), 'application/json', 400],
      ['not JSON', '{"text": "unterminated', 'application/json', 400],
      ['JSON that is not an object', '"just a string"', 'application/json', 400],
      ['a charset body-parser does not read', '{"text":"hi"}', 'application/json; charset=latin1', 400],
      ['not JSON at all', 'text=hello', 'application/x-www-form-urlencoded', 415],
      ['no content type', '{"text":"hi"}', '', 415],
    ];
    for (const [what, body, type, status] of hostile) {
      const response = await postRaw(ask, body, type);
      expect(response.status, what).toBe(status);
      if (status !== 200) expectClientError(response, what);
    }
    for (const path of ['/api/bots/%E0%A4%A', `/api/bots/${'b'.repeat(200)}`, '/api/bots/..%2f..%2fetc', '/api/bots/%00']) {
      const response = await fetch(`${main.url}${path}`);
      const body = await response.json();
      expectClientError({ status: response.status, body }, `GET ${path}`);
    }
    await expectStillAnswering();
  });

  it('socket: random and hostile payloads get one error event per ask, never INTERNAL, never a crash', async () => {
    const { socket } = await connectChat(main.url, { bot: 'immigration' });
    sockets.push(socket);
    const terminals: Array<{ code: string }> = [];
    socket.on('answer.end', () => terminals.push({ code: 'ANSWERED' }));
    socket.on('answer.error', (event) => terminals.push(event));
    const acks: Array<{ ok: boolean; code?: string }> = [];
    socket.on('feedback.ack', (event) => acks.push(event));
    let asks = 0;
    let invalidCancels = 0;
    for (let i = 0; i < SOCKET_CASES; i++) {
      const kind = pick(['ask', 'ask', 'ask', 'cancel', 'feedback', 'other']);
      // Content, not size: anything over the socket's cap closes the connection (tested below).
      if (kind === 'ask') {
        const payload = mutate({ id: `z${i}`, text: GOOD_QUESTION, lang: 'en' });
        if (!fitsSocket(payload)) continue;
        socket.emit('ask', payload as never);
        asks++;
      } else if (kind === 'cancel') {
        const payload = mutate({ id: `z${i - 1}` });
        if (!fitsSocket(payload)) continue;
        socket.emit('cancel', payload as never);
        if (!isValidCancel(payload)) invalidCancels++;
      } else if (kind === 'feedback') {
        const payload = mutate({ id: `z${i - 1}`, rating: 'down', comment: 'unclear' });
        if (fitsSocket(payload)) socket.emit('feedback', payload as never);
      } else {
        // Unknown events, extra arguments, binary, nothing at all (an ask still ends exactly once).
        const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void;
        const [event, ...args] = pick<unknown[]>([
          ['ask'],
          ['ask', randomValue(), randomValue(), randomValue()],
          [`x${randomString().slice(0, 40)}`, randomValue()],
          ['feedback', Buffer.from(randomString())],
        ]);
        if (!fitsSocket(args.map((a) => (Buffer.isBuffer(a) ? a.toString('base64') : a)))) continue;
        emit(String(event), ...args);
        if (event === 'ask') asks++;
      }
      if (i % 50 === 49) await sleep(10); // let the socket drain; the fuzz is about content, not volume
    }
    // Every ask ends exactly once; a malformed cancel is answered with one error.
    const expected = asks + invalidCancels;
    const deadline = Date.now() + 15_000;
    while (terminals.length < expected && Date.now() < deadline) await sleep(50);
    await sleep(200); // and nothing more than one each arrives late
    const counts = terminals.reduce<Record<string, number>>((all, t) => ({ ...all, [t.code]: (all[t.code] ?? 0) + 1 }), {});
    console.info(
      `fuzz socket: ${SOCKET_CASES} events (${asks} asks, ${invalidCancels} malformed cancels) → ${JSON.stringify(counts)}; ${acks.length} feedback acks`,
    );
    expect(terminals.length).toBe(expected);
    for (const { code } of terminals) expect([...CLIENT_CODES, 'ANSWERED']).toContain(code);
    for (const ack of acks) if (!ack.ok) expect(CLIENT_CODES).toContain(ack.code);
    expect(socket.connected).toBe(true);
    socket.close();
    await expectStillAnswering();
  });

  it('socket: strings past the size caps, deep nesting and garbled packets', async () => {
    const { socket } = await connectChat(main.url, { bot: 'immigration' });
    sockets.push(socket);
    const errors: Array<{ id: string; code: string }> = [];
    socket.on('answer.error', (event) => errors.push(event));
    const send = (packet: string): void => (socket.io.engine as unknown as { send(data: string): void }).send(packet);

    socket.emit('ask', { id: 'over', text: 'a'.repeat(MAX_MESSAGE_CHARS + 1) });
    socket.emit('ask', { id: 'huge', text: '護'.repeat(20_000) }); // ~60 KiB on the wire, under the socket cap
    send(`2/chat,["ask",{"id":"deep","text":${deepArray(10_000)}}]`);
    send(`2/chat,["ask",${deepObject(5000)}]`);
    const deadline = Date.now() + 5000;
    while (errors.length < 4 && Date.now() < deadline) await sleep(20);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'over', code: 'PAYLOAD_TOO_LARGE' }),
        expect.objectContaining({ id: 'huge', code: 'PAYLOAD_TOO_LARGE' }),
        expect.objectContaining({ id: 'deep', code: 'INVALID_INPUT' }),
        expect.objectContaining({ id: '', code: 'INVALID_INPUT' }),
      ]),
    );
    expect(socket.connected).toBe(true);

    // Past the transport's cap, or not a Socket.IO packet at all: that connection is closed, nothing else.
    const closes: string[] = [];
    for (const packet of [`2/chat,["ask",{"id":"x","text":"${'a'.repeat(SOCKET_BUFFER_BYTES)}"}]`, '2/chat,["ask",{"id":', '9garbage', '2/elsewhere,["ask",{}]']) {
      const victim = await connectChat(main.url, { bot: 'immigration' });
      sockets.push(victim.socket);
      const closed = new Promise<string>((resolve) => victim.socket.once('disconnect', (reason) => resolve(String(reason))));
      (victim.socket.io.engine as unknown as { send(data: string): void }).send(packet);
      closes.push(await Promise.race([closed, sleep(2000, 'still open')]));
      victim.socket.close();
    }
    console.info(`fuzz socket: oversized and garbled packets → ${JSON.stringify(closes)}`);
    expect(closes.slice(0, 3)).toEqual(['transport close', 'transport close', 'transport close']);

    // Handshakes with garbage in them are refused (or start a fresh session), never crash.
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 30; i++) {
      const value = pick([() => ({ bot: randomValue() }), () => ({ bot: 'immigration', session: randomValue() }), () => ({ [pick(KEYS)]: randomValue() })])();
      const auth = fitsSocket(value) ? value : { bot: 'immigration', session: 'too-big-for-the-transport' };
      const outcome = await Promise.race([
        connectChat(main.url, auth as Record<string, unknown>).then(
          (c) => {
            c.socket.close();
            return 'connected';
          },
          (error: Error & { data?: { code?: string } }) => error.data?.code ?? error.message,
        ),
        sleep(5000, 'no answer'),
      ]);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      expect(['connected', 'INVALID_INPUT', 'BOT_NOT_FOUND'], JSON.stringify(auth).slice(0, 200)).toContain(outcome);
    }
    console.info(`fuzz handshakes: 30 random auth objects → ${JSON.stringify(outcomes)}`);
    socket.close();
    await expectStillAnswering();
  });

  it('leaves no crash and the heap back near its baseline', async () => {
    for (const socket of sockets) socket.close();
    await sleep(200);
    const after = await settledHeap(gc);
    const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
    console.info(
      `fuzz memory: heapUsed ${mb(baseline.heapUsed)} → ${mb(after.heapUsed)} (bound +${mb(gc === undefined ? 4 * HEAP_SLACK_BYTES : HEAP_SLACK_BYTES)}), rss ${mb(baseline.rss)} → ${mb(after.rss)}`,
    );
    // Without a full GC the heap holds whatever garbage the collector has not got to yet: 4× the slack.
    expect(after.heapUsed).toBeLessThanOrEqual(baseline.heapUsed + (gc === undefined ? 4 * HEAP_SLACK_BYTES : HEAP_SLACK_BYTES));
    // RSS rarely shrinks (freed pages stay with the allocator): bounded only against runaway growth.
    expect(after.rss).toBeLessThanOrEqual(baseline.rss + 256 * 1024 * 1024);
    const metrics = await (await fetch(`${main.url}/metrics`)).text();
    expect(metrics).not.toMatch(/govchat_http_requests_total\{[^}]*status="5\d\d"\}/);
    expect(metrics).not.toMatch(/govchat_asks_total\{[^}]*outcome="error"\}/);
    await expectStillAnswering();
  });
});
