import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RESTRICTED_BOT,
  RESTRICTED_ORIGIN,
  ask,
  connectChat,
  postJson,
  prepareTestData,
  refusal,
  startServer,
  type ChatClient,
  type RunningServer,
  type TestData,
} from './test-helpers/server-fixture.js';

let data: TestData;
let main: RunningServer;
const sockets: ChatClient[] = [];

async function connect(url: string, auth: Record<string, unknown>, options: { origin?: string } = {}) {
  const connection = await connectChat(url, auth, options);
  sockets.push(connection.socket);
  return connection;
}

/** The FAQ an answer is about: its source, or the top "did you mean" when it abstained. */
function topFaq(events: { sources?: { sources: Array<{ id: string }>; related: Array<{ id: string }> } }): string | undefined {
  return events.sources?.sources[0]?.id ?? events.sources?.related[0]?.id;
}

beforeAll(async () => {
  data = await prepareTestData(['immigration', 'housing'], { restricted: true });
  main = await startServer(data);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await main?.server.close();
  await data?.remove();
});

describe('/chat handshake', () => {
  it('sends the session id, and refuses unknown bots and bad auth with a clear connect_error', async () => {
    const { session } = await connect(main.url, { bot: 'immigration' });
    expect(session).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const unknown = await refusal(connectChat(main.url, { bot: 'no-such-bot' }));
    expect(unknown).toEqual({ code: 'BOT_NOT_FOUND', message: 'unknown bot "no-such-bot"' });
    const missing = await refusal(connectChat(main.url, {}));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toContain('bot');
  });

  it('applies the bot’s allowedOrigins: other origins are refused, listed and absent origins accepted', async () => {
    const refused = await refusal(connectChat(main.url, { bot: RESTRICTED_BOT }, { origin: 'https://evil.example.com' }));
    expect(refused.code).toBe('FORBIDDEN_ORIGIN');
    expect(refused.message).toContain('https://evil.example.com');
    expect(refused.message).toContain(RESTRICTED_BOT);

    await expect(connect(main.url, { bot: RESTRICTED_BOT }, { origin: RESTRICTED_ORIGIN })).resolves.toHaveProperty('session');
    // A bot with allowedOrigins ["*"] takes any page.
    await expect(connect(main.url, { bot: 'immigration' }, { origin: 'https://evil.example.com' })).resolves.toHaveProperty('session');
  });
});

describe('ask', () => {
  it('streams start → deltas → sources → end, and the deltas equal the JSON answer', async () => {
    const { socket } = await connect(main.url, { bot: 'immigration' });
    const question = 'How much does an HKSAR passport cost?';
    const streamed = await ask(socket, { id: 'q1', text: question });
    const json = await postJson(`${main.url}/api/bots/immigration/ask`, { text: question });

    expect(streamed.order[0]).toBe('answer.start');
    expect(streamed.order.slice(-2)).toEqual(['answer.sources', 'answer.end']);
    expect(streamed.order.slice(1, -2).every((name) => name === 'answer.delta')).toBe(true);
    expect(streamed.deltas.length).toBeGreaterThan(3);
    expect(streamed.start).toEqual({ id: 'q1', lang: 'en' });
    expect(streamed.text).toBe(json.body.answer);
    expect(streamed.sources?.sources.map((s) => s.id)).toEqual(json.body.sources.map((s: { id: string }) => s.id));
    expect(streamed.sources?.sources[0]?.id).toBe('passport-fees');
    expect(streamed.end).toMatchObject({ id: 'q1', abstained: false });
    expect(streamed.end?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('answers in the requested language', async () => {
    const { socket } = await connect(main.url, { bot: 'immigration' });
    const events = await ask(socket, { id: 'lang', text: 'How much does an HKSAR passport cost?', lang: 'zh-CN' });
    expect(events.start?.lang).toBe('zh-CN');
    expect(events.text).toContain('费用');
  });

  it('resolves a follow-up from the session’s earlier question', async () => {
    const { socket } = await connect(main.url, { bot: 'immigration' });
    await ask(socket, { id: 'f1', text: '點樣申請護照' });
    const followUp = await ask(socket, { id: 'f2', text: '要幾多錢' });
    expect(followUp.end).toBeDefined();
    expect(topFaq(followUp)).toBe('passport-fees');
    // It is exactly the answer the engine gives with that history, which it did use.
    const explicit = await postJson(`${main.url}/api/bots/immigration/ask`, { text: '要幾多錢', history: ['點樣申請護照'] });
    expect(explicit.body.usedHistory).toBe(true);
    expect(followUp.text).toBe(explicit.body.answer);
  });

  it('resumes the conversation on reconnect with the session id', async () => {
    const first = await connect(main.url, { bot: 'immigration' });
    await ask(first.socket, { id: 'r1', text: '點樣申請護照' });
    first.socket.close();

    const again = await connect(main.url, { bot: 'immigration', session: first.session });
    expect(again.session).toBe(first.session);
    const followUp = await ask(again.socket, { id: 'r2', text: '要幾多錢' });
    expect(topFaq(followUp)).toBe('passport-fees');
    const explicit = await postJson(`${main.url}/api/bots/immigration/ask`, { text: '要幾多錢', history: ['點樣申請護照'] });
    expect(followUp.text).toBe(explicit.body.answer);

    // An id the server never issued is not adopted: the client gets a fresh session.
    const forged = await connect(main.url, { bot: 'immigration', session: 'AAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.session).not.toBe('AAAAAAAAAAAAAAAAAAAAAAAA');
    // Nor does a garbled one stop the client connecting.
    for (const session of [42, 'x'.repeat(500), null]) {
      expect((await connect(main.url, { bot: 'immigration', session })).session).toMatch(/^[A-Za-z0-9_-]{24}$/);
    }
  });

  it('keeps two bots’ sessions apart', async () => {
    const immigration = await connect(main.url, { bot: 'immigration' });
    await ask(immigration.socket, { id: 'i1', text: '點樣申請護照' });
    const housing = await connect(main.url, { bot: 'housing', session: immigration.session });
    expect(housing.session).not.toBe(immigration.session);
    // No passport history leaks into the housing conversation.
    const events = await ask(housing.socket, { id: 'x1', text: '要幾多錢' });
    expect(events.sources?.sources.map((s) => s.id) ?? []).not.toContain('passport-fees');
    // Feedback on the immigration answer cannot be given through the housing socket.
    const ack = await new Promise((resolve) => {
      housing.socket.once('feedback.ack', resolve);
      housing.socket.emit('feedback', { id: 'i1', rating: 'up' });
    });
    expect(ack).toMatchObject({ id: 'i1', ok: false, code: 'NOT_FOUND' });
  });

  it('acknowledges feedback on an answer of the session', async () => {
    const { socket } = await connect(main.url, { bot: 'immigration' });
    await ask(socket, { id: 'fb1', text: 'How much does an HKSAR passport cost?' });
    const ack = await new Promise((resolve) => {
      socket.once('feedback.ack', resolve);
      socket.emit('feedback', { id: 'fb1', rating: 'down', comment: 'too long' });
    });
    expect(ack).toEqual({ id: 'fb1', ok: true });
    const bad = await new Promise((resolve) => {
      socket.once('feedback.ack', resolve);
      socket.emit('feedback', { id: 'fb1', rating: 'meh' } as never);
    });
    expect(bad).toMatchObject({ id: 'fb1', ok: false, code: 'INVALID_INPUT' });
  });
});

describe('malformed and oversized payloads', () => {
  it('answers each with one answer.error, naming the ask id when there is one, and keeps serving', async () => {
    const { socket } = await connect(main.url, { bot: 'housing' });
    const cases: Array<{ payload: unknown; id: string; code: string; field?: string }> = [
      { payload: 'just a string', id: '', code: 'INVALID_INPUT' },
      { payload: 42, id: '', code: 'INVALID_INPUT' },
      { payload: null, id: '', code: 'INVALID_INPUT' },
      { payload: ['a'], id: '', code: 'INVALID_INPUT' },
      { payload: { text: 'no id' }, id: '', code: 'INVALID_INPUT', field: 'id' },
      { payload: { id: 'm1' }, id: 'm1', code: 'INVALID_INPUT', field: 'text' },
      { payload: { id: 'm2', text: 5 }, id: 'm2', code: 'INVALID_INPUT', field: 'text' },
      { payload: { id: 'm3', text: 'hi', lang: 'fr' }, id: 'm3', code: 'INVALID_INPUT', field: 'lang' },
      { payload: { id: 'm4', text: '   ' }, id: 'm4', code: 'INVALID_INPUT', field: 'text' },
      { payload: { id: 7, text: 'hi' }, id: '', code: 'INVALID_INPUT', field: 'id' },
      { payload: { id: 'm5', text: '公屋'.repeat(600) }, id: 'm5', code: 'PAYLOAD_TOO_LARGE', field: 'text' },
    ];
    for (const { payload, id, code, field } of cases) {
      const events = await ask(socket, payload, id);
      expect(events.order, JSON.stringify(payload).slice(0, 40)).toEqual(['answer.error']);
      expect(events.error).toMatchObject({ id, code });
      if (field !== undefined) expect(events.error?.message).toContain(`"${field}"`);
      expect(events.error?.message).not.toMatch(/\n\s+at /);
    }
    // The same socket still gets answers.
    const ok = await ask(socket, { id: 'after', text: '公屋輪候時間' });
    expect(ok.end).toBeDefined();
  });

  it('drops a connection whose message exceeds the transport limit, without affecting others', async () => {
    const bystander = await connect(main.url, { bot: 'housing' });
    const { socket } = await connect(main.url, { bot: 'housing' });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('ask', { id: 'huge', text: 'x'.repeat(200 * 1024) });
    expect(await closed).toMatch(/transport close|transport error|parse error/);
    expect((await ask(bystander.socket, { id: 'still', text: '公屋輪候時間' })).end).toBeDefined();
  });
});

describe('limits, cancel and timeout', () => {
  let paced: RunningServer;
  beforeAll(async () => {
    paced = await startServer(data, {
      streamDelayMs: 60,
      maxConcurrentAsks: 1,
      answerTimeoutMs: 5000,
    });
  });
  afterAll(() => paced?.server.close());

  it('cancel ends the ask with exactly one answer.error CANCELLED and nothing after it', async () => {
    const { socket } = await connect(paced.url, { bot: 'immigration' });
    const late: string[] = [];
    const events = await ask(socket, { id: 'c1', text: 'How much does an HKSAR passport cost?' }, 'c1', (name) => {
      if (name === 'answer.delta') socket.emit('cancel', { id: 'c1' });
    });
    for (const name of ['answer.delta', 'answer.sources', 'answer.end', 'answer.error'] as const) {
      socket.on(name, (e: { id: string }) => void (e.id === 'c1' && late.push(name)));
    }
    expect(events.error).toEqual({ id: 'c1', code: 'CANCELLED', message: 'cancelled by the client' });
    expect(events.order.filter((n) => n === 'answer.end' || n === 'answer.error')).toEqual(['answer.error']);
    expect(events.order).not.toContain('answer.sources');
    // Cancelling an ask that already ended is harmless; the next ask is served, and by the time
    // it ends (events are ordered) nothing more has arrived for the cancelled one.
    socket.emit('cancel', { id: 'c1' });
    const next = await ask(socket, { id: 'c2', text: '點樣申請特區護照' });
    expect(next.end).toBeDefined();
    expect(late).toEqual([]);
  });

  it('refuses a second concurrent ask on one socket with BUSY', async () => {
    const { socket } = await connect(paced.url, { bot: 'immigration' });
    const first = ask(socket, { id: 'b1', text: 'How much does an HKSAR passport cost?' });
    const second = await ask(socket, { id: 'b2', text: 'How long does it take to get a passport?' });
    expect(second.error).toMatchObject({ id: 'b2', code: 'BUSY' });
    expect((await first).end).toBeDefined();
  });

  it('ends an answer that takes too long with TIMEOUT', async () => {
    const slow = await startServer(data, { streamDelayMs: 200, answerTimeoutMs: 100 });
    try {
      const { socket } = await connect(slow.url, { bot: 'immigration' });
      const events = await ask(socket, { id: 't1', text: 'How much does an HKSAR passport cost?' });
      expect(events.error).toMatchObject({ id: 't1', code: 'TIMEOUT' });
      expect(events.order.filter((n) => n === 'answer.end')).toEqual([]);
    } finally {
      await slow.server.close();
    }
  });

  it('rate-limits a session, then lets it ask again once the window has passed', async () => {
    const limited = await startServer(data, { rateLimitPerSession: 3, rateLimitWindowMs: 1500 });
    try {
      const { socket } = await connect(limited.url, { bot: 'housing' });
      for (const id of ['l1', 'l2', 'l3']) expect((await ask(socket, { id, text: '申請公屋' })).end).toBeDefined();
      const refused = await ask(socket, { id: 'l4', text: '申請公屋' });
      expect(refused.error).toMatchObject({ id: 'l4', code: 'RATE_LIMITED' });
      expect(refused.error?.message).toMatch(/try again in \d+ s/);
      // Released after the window: poll, bounded.
      let released = false;
      for (let attempt = 0; attempt < 40 && !released; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        released = (await ask(socket, { id: `l5-${attempt}`, text: '申請公屋' })).end !== undefined;
      }
      expect(released).toBe(true);
    } finally {
      await limited.server.close();
    }
  });

  it('rate-limits per IP across sessions', async () => {
    const perIp = await startServer(data, { rateLimitPerIp: 2, rateLimitWindowMs: 60_000 });
    try {
      const a = await connect(perIp.url, { bot: 'housing' });
      const b = await connect(perIp.url, { bot: 'housing' });
      expect((await ask(a.socket, { id: 'p1', text: '申請公屋' })).end).toBeDefined();
      expect((await ask(b.socket, { id: 'p2', text: '申請公屋' })).end).toBeDefined();
      expect((await ask(b.socket, { id: 'p3', text: '申請公屋' })).error?.code).toBe('RATE_LIMITED');
      const rest = await postJson(`${perIp.url}/api/bots/housing/ask`, { text: '申請公屋' });
      expect(rest.status).toBe(429);
      expect(rest.body.error.code).toBe('RATE_LIMITED');
      expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await perIp.server.close();
    }
  });
});
