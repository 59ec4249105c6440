import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connectChat, postJson, prepareTestData, refusal, startServer, type TestData } from './test-helpers/server-fixture.js';

let data: TestData;

beforeAll(async () => {
  data = await prepareTestData(['immigration']);
});

afterAll(async () => {
  await data?.remove();
});

describe('a client that goes away', () => {
  it('cancels its streaming answer and the server keeps serving', async () => {
    const { server, url } = await startServer(data, { streamDelayMs: 50 });
    try {
      const controller = new AbortController();
      const response = await fetch(`${url}/api/bots/immigration/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ text: 'How much does an HKSAR passport cost?' }),
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      let received = '';
      while (!received.includes('answer.delta')) received += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      let metrics = '';
      for (let i = 0; i < 50 && !/govchat_asks_total\{bot="immigration",outcome="cancelled"\} 1/.test(metrics); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        metrics = await (await fetch(`${url}/metrics`)).text();
      }
      expect(metrics).toMatch(/govchat_asks_total\{bot="immigration",outcome="cancelled"\} 1/);
      const { socket } = await connectChat(url, { bot: 'immigration' });
      expect((await ask(socket, { id: 'next', text: 'How much does an HKSAR passport cost?' })).end).toBeDefined();
      socket.close();
    } finally {
      await server.close();
    }
  });
});

describe('close()', () => {
  it('finishes an in-flight answer, stops accepting, then closes', async () => {
    const { server, url } = await startServer(data, { streamDelayMs: 40 });
    const reference = await postJson(`${url}/api/bots/immigration/ask`, { text: 'How much does an HKSAR passport cost?' });
    const { socket } = await connectChat(url, { bot: 'immigration' });
    let closing: Promise<void> | undefined;
    const events = await ask(socket, { id: 'inflight', text: 'How much does an HKSAR passport cost?' }, 'inflight', (name) => {
      if (name === 'answer.start') closing = server.close();
    });
    expect(closing).toBeDefined();
    expect(events.end).toMatchObject({ id: 'inflight', abstained: false });
    expect(events.text).toBe(reference.body.answer);
    await closing;
    // Closed: nothing listens any more, and close() is idempotent.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await expect(server.close()).resolves.toBeUndefined();
    socket.close();
  });

  it('refuses new asks and connections while draining', async () => {
    const { server, url } = await startServer(data, { streamDelayMs: 40 });
    const { socket } = await connectChat(url, { bot: 'immigration' });
    const inflight = ask(socket, { id: 'slow', text: 'How much does an HKSAR passport cost?' });
    await new Promise<void>((resolve) => socket.once('answer.start', () => resolve()));
    const closing = server.close();
    // The socket connection is still open: a second ask on it is refused while draining.
    const refused = await ask(socket, { id: 'late', text: 'passport' });
    expect(refused.error).toMatchObject({ id: 'late', code: 'BUSY' });
    expect((await inflight).end).toBeDefined();
    await closing;
    await expect(refusal(connectChat(url, { bot: 'immigration' }))).resolves.toBeDefined();
    socket.close();
  });

  it('cancels answers still running after the grace period, each with one answer.error', async () => {
    const { server, url } = await startServer(data, { streamDelayMs: 300, shutdownGraceMs: 100 });
    const { socket } = await connectChat(url, { bot: 'immigration' });
    const events = await ask(socket, { id: 'cut', text: 'How much does an HKSAR passport cost?' }, 'cut', (name) => {
      if (name === 'answer.start') void server.close();
    });
    expect(events.error).toMatchObject({ id: 'cut', code: 'CANCELLED' });
    expect(events.error?.message).toContain('shutting down');
    expect(events.order.filter((n) => n === 'answer.end' || n === 'answer.error')).toEqual(['answer.error']);
    await server.close();
    socket.close();
  });
});
