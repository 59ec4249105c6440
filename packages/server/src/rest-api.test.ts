import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RESTRICTED_BOT,
  RESTRICTED_ORIGIN,
  parseSse,
  postJson,
  prepareTestData,
  startServer,
  type RunningServer,
  type TestData,
} from './test-helpers/server-fixture.js';

let data: TestData;
let main: RunningServer;
let widgetFile: string;

beforeAll(async () => {
  data = await prepareTestData(['immigration', 'iam-smart'], { restricted: true });
  widgetFile = join(await mkdtemp(join(tmpdir(), 'govchat-widget-')), 'widget.js');
  await writeFile(widgetFile, 'console.log("widget");\n');
  main = await startServer(data, { widgetFile });
});

afterAll(async () => {
  await main?.server.close();
  await data?.remove();
});

const askUrl = (bot = 'immigration') => `${main.url}/api/bots/${bot}/ask`;

describe('bots', () => {
  it('lists the bots and describes each for a widget', async () => {
    const list = await (await fetch(`${main.url}/api/bots`)).json();
    expect(list.bots.map((b: { id: string }) => b.id)).toEqual(['iam-smart', 'immigration', RESTRICTED_BOT]);

    const response = await fetch(`${main.url}/api/bots/immigration`);
    expect(response.status).toBe(200);
    const bot = await response.json();
    expect(bot).toMatchObject({ id: 'immigration', name: { en: 'Immigration Department', 'zh-HK': '入境事務處' }, theme: { color: '#7a1f2b' } });
    expect(bot.contact.phone).toBe('2824 6111');
    // Starter questions resolved from bot.json's FAQ ids, in each answer language.
    expect(bot.suggested.en[0]).toEqual({ id: 'passport-renew-expiring', question: 'My passport is expiring soon. How do I get a new one?' });
    expect(bot.suggested['zh-HK'][0].question).toBe('護照即將到期，如何換領新護照？');
    expect(bot.suggested['zh-CN'][0].question).toBe('护照即将到期，如何换领新护照？');
    expect(bot.name['zh-CN']).toBe('入境事务处');
    expect(bot.fallback.en).toContain('2824 6111');
    expect(bot.fallback['zh-CN']).toContain('入境事务处');
    // Server-side settings stay server-side.
    expect(bot).not.toHaveProperty('allowedOrigins');

    const unknown = await fetch(`${main.url}/api/bots/nope`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('BOT_NOT_FOUND');
  });
});

describe('POST /api/bots/:id/ask', () => {
  it('answers as JSON like `govchat ask --json`, with a session', async () => {
    const { status, body } = await postJson(askUrl(), { text: 'How much does an HKSAR passport cost?' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ lang: 'en', queryLang: 'en', abstained: false, usedHistory: false });
    expect(body.answer).toContain('HK$');
    expect(body.sources[0]).toMatchObject({ id: 'passport-fees', question: 'How much does an HKSAR passport cost?' });
    expect(body.session).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.id).toMatch(/^r-/);
    expect(typeof body.confidence).toBe('number');
  });

  it('continues a conversation given its session', async () => {
    const first = await postJson(askUrl(), { text: '點樣申請護照' });
    const followUp = await postJson(askUrl(), { text: '要幾多錢', session: first.body.session });
    expect(followUp.body.session).toBe(first.body.session);
    expect(followUp.body.usedHistory).toBe(true);
    expect(followUp.body.sources[0]?.id ?? followUp.body.related[0]?.id).toBe('passport-fees');
    // Another bot does not continue it: a fresh session, no history.
    const elsewhere = await postJson(askUrl('iam-smart'), { text: '要幾多錢', session: first.body.session });
    expect(elsewhere.body.session).not.toBe(first.body.session);
    expect(elsewhere.body.usedHistory).toBe(false);
  });

  it('streams Server-Sent Events with the socket event names, equal to the JSON answer', async () => {
    const question = '點樣申請特區護照';
    const json = await postJson(askUrl(), { text: question });
    const sse = await postJson(askUrl(), { text: question }, { accept: 'text/event-stream' });
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(sse.headers.get('cache-control')).toContain('no-cache');
    const events = parseSse(sse.body as string);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('session');
    expect(names[1]).toBe('answer.start');
    expect(names.slice(-2)).toEqual(['answer.sources', 'answer.end']);
    expect(new Set(names.slice(2, -2))).toEqual(new Set(['answer.delta']));
    const id = events[1]!.data.id;
    expect(events.slice(1).every((e) => e.data.id === id)).toBe(true);
    const text = events.filter((e) => e.event === 'answer.delta').map((e) => e.data.text).join('');
    expect(text).toBe(json.body.answer);
    expect(events.at(-2)!.data.sources).toEqual(json.body.sources);
    expect(events.at(-1)!.data).toMatchObject({ id, abstained: false });
  });

  it('rejects bad requests with a code, a status and no stack trace', async () => {
    const cases: Array<{ body: unknown; headers?: Record<string, string>; status: number; code: string; contains?: string }> = [
      { body: { text: 5 }, status: 400, code: 'INVALID_INPUT', contains: '"text"' },
      { body: {}, status: 400, code: 'INVALID_INPUT', contains: 'required' },
      { body: '"just a string"', status: 400, code: 'INVALID_INPUT', contains: 'JSON object' },
      { body: '{"text": ', status: 400, code: 'INVALID_INPUT', contains: 'not valid JSON' },
      { body: { text: 'hi', history: 'not a list' }, status: 400, code: 'INVALID_INPUT', contains: '"history"' },
      { body: { text: 'hi', lang: 'fr' }, status: 400, code: 'INVALID_INPUT', contains: '"lang"' },
      { body: { text: 'x'.repeat(1001) }, status: 413, code: 'PAYLOAD_TOO_LARGE', contains: '1000 characters' },
      { body: { text: 'x'.repeat(40_000) }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { body: 'text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'INVALID_INPUT' },
    ];
    for (const c of cases) {
      const response = await postJson(askUrl(), c.body, c.headers);
      expect(response.status, JSON.stringify(c.body).slice(0, 50)).toBe(c.status);
      expect(response.body.error.code).toBe(c.code);
      if (c.contains) expect(response.body.error.message).toContain(c.contains);
      expect(JSON.stringify(response.body)).not.toMatch(/\s+at \S+ \(|node_modules/);
    }
    expect((await postJson(askUrl('nope'), { text: 'hi' })).status).toBe(404);
    // Still serving.
    expect((await postJson(askUrl(), { text: 'How much does an HKSAR passport cost?' })).status).toBe(200);
  });
});

describe('cross-origin policy', () => {
  it('follows each bot’s allowedOrigins for CORS and refuses other origins', async () => {
    const allowed = await postJson(askUrl(RESTRICTED_BOT), { text: '點樣登記智方便' }, { origin: RESTRICTED_ORIGIN });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(RESTRICTED_ORIGIN);
    expect(allowed.headers.get('vary')).toContain('Origin');

    const refused = await postJson(askUrl(RESTRICTED_BOT), { text: '點樣登記智方便' }, { origin: 'https://evil.example.com' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN_ORIGIN');

    const preflight = await fetch(askUrl(RESTRICTED_BOT), {
      method: 'OPTIONS',
      headers: { origin: RESTRICTED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const badPreflight = await fetch(askUrl(RESTRICTED_BOT), { method: 'OPTIONS', headers: { origin: 'https://evil.example.com' } });
    expect(badPreflight.status).toBe(403);

    // allowedOrigins ["*"]: any page.
    const open = await postJson(askUrl('immigration'), { text: 'passport fee' }, { origin: 'https://any.example.org' });
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('feedback', () => {
  it('records a rating of an answer of the session, and only of that bot', async () => {
    const answer = await postJson(askUrl(), { text: 'How much does an HKSAR passport cost?' });
    const feedback = { bot: 'immigration', session: answer.body.session, id: answer.body.id, rating: 'up' };
    expect(await postJson(`${main.url}/api/feedback`, feedback)).toMatchObject({ status: 200, body: { ok: true } });
    const otherBot = await postJson(`${main.url}/api/feedback`, { ...feedback, bot: 'iam-smart' });
    expect(otherBot.status).toBe(404);
    expect(otherBot.body.error.code).toBe('NOT_FOUND');
    const invented = await postJson(`${main.url}/api/feedback`, { ...feedback, id: 'r-invented' });
    expect(invented.status).toBe(404);
    const invalid = await postJson(`${main.url}/api/feedback`, { ...feedback, rating: 'meh' });
    expect(invalid.status).toBe(400);
  });
});

describe('pages and headers', () => {
  it('sets security headers on every response', async () => {
    const response = await fetch(`${main.url}/api/bots`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves a demo page per bot that embeds the widget under a strict CSP', async () => {
    const response = await fetch(`${main.url}/demo/immigration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('<script src="/widget.js" data-bot="immigration" async></script>');
    expect(html).toContain('Immigration Department');
    expect(html).toContain('入境事務處');
    expect(html).not.toMatch(/<script>(?!<)/);
    // Spoken questions: the widget may use the microphone on the demo page, nowhere else.
    expect(response.headers.get('permissions-policy')).toContain('microphone=(self)');
    expect((await fetch(`${main.url}/api/bots`)).headers.get('permissions-policy')).toContain('microphone=()');
    expect((await fetch(`${main.url}/demo/nope`)).status).toBe(404);
    expect(await (await fetch(`${main.url}/demo`)).text()).toContain('/demo/iam-smart');
  });

  it('serves the widget script cacheably to any origin, and a clear 404 when it is not built', async () => {
    const response = await fetch(`${main.url}/widget.js`, { headers: { origin: 'https://www.housing.gov.hk' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(response.headers.get('etag')).toBeTruthy();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await response.text()).toBe('console.log("widget");\n');

    const missing = await startServer(data, { widgetFile: join(data.root, 'no-widget.js') });
    try {
      const notBuilt = await fetch(`${missing.url}/widget.js`);
      expect(notBuilt.status).toBe(404);
      expect((await notBuilt.json()).error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('not built') });
    } finally {
      await missing.server.close();
    }
  });
});

describe('operations', () => {
  it('reports liveness and readiness', async () => {
    expect(await (await fetch(`${main.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${main.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', bots: 3 });
  });

  it('exposes Prometheus metrics by bot', async () => {
    await postJson(askUrl(), { text: 'How much does an HKSAR passport cost?' });
    expect((await postJson(askUrl(), { text: 'xyzzyq plughq' })).body.abstained).toBe(true);
    const text = await (await fetch(`${main.url}/metrics`)).text();
    expect(text).toMatch(/govchat_asks_total\{bot="immigration",outcome="answered"\} \d+/);
    expect(text).toMatch(/govchat_abstentions_total\{bot="immigration",reason="low-confidence"\} \d+/);
    expect(text).toContain('govchat_answer_first_delta_seconds_bucket{le="0.05",bot="immigration"}');
    expect(text).toContain('govchat_answer_duration_seconds_count{bot="immigration",outcome="answered"}');
    expect(text).toContain('govchat_connected_sockets');
    expect(text).toContain('govchat_db_errors_total');
  });

  it('describes every route in an OpenAPI 3.1 document', async () => {
    const doc = await (await fetch(`${main.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /',
        'GET /api/admin/bots/{id}/feedback',
        'GET /api/admin/bots/{id}/feedback.csv',
        'GET /api/admin/bots/{id}/unanswered',
        'GET /api/admin/bots/{id}/unanswered.csv',
        'GET /api/bots',
        'GET /api/bots/{id}',
        'GET /api/openapi.json',
        'GET /demo',
        'GET /demo/{id}',
        'GET /healthz',
        'GET /metrics',
        'GET /readyz',
        'GET /widget.js',
        'POST /api/bots/{id}/ask',
        'POST /api/feedback',
        'PUT /api/admin/bots/{id}/corpus',
      ].sort(),
    );
    const ask = doc.paths['/api/bots/{id}/ask'].post;
    expect(ask.requestBody.content['application/json'].schema.required).toEqual(['text']);
    expect(Object.keys(ask.responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
    expect(ask.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(doc.paths['/api/admin/bots/{id}/unanswered'].get.security).toEqual([{ bearerAuth: [] }]);
    // Every documented route is really served (none falls through to the 404 handler).
    for (const operation of operations) {
      const [method, path] = operation.split(' ') as [string, string];
      const response = await fetch(`${main.url}${path.replace('{id}', 'immigration')}`, { method, redirect: 'manual' });
      const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
      expect(JSON.stringify(body), operation).not.toContain('no route');
    }
  });
});
