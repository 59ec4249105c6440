import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, streamReply, type FakeOpenAiServer, type RecordedRequest } from '../../core/src/test-helpers/fake-openai-server.js';
import { ask, connectChat, postJson, prepareTestData, startServer, type ChatClient, type RunningServer, type TestData } from './test-helpers/server-fixture.js';

/** Answers from the first FAQ the prompt offers, citing it — or, with `cite: false`, without a citation. */
function answerFromFirstFaq(options: { cite: boolean }) {
  return (request: RecordedRequest) => {
    const system = request.body.messages?.[0]?.content ?? '';
    const id = /<faq id="([^"]+)">/.exec(system)?.[1] ?? 'none';
    return streamReply(`According to the department, bring your identity card and apply online. ${options.cite ? `[faq:${id}]` : ''}`);
  };
}

let llm: FakeOpenAiServer;
let data: TestData;
let main: RunningServer;
let socket: ChatClient;

beforeAll(async () => {
  llm = await startFakeOpenAiServer(answerFromFirstFaq({ cite: true }));
  data = await prepareTestData(['immigration']);
  main = await startServer(data, { answerTimeoutMs: 10_000 }, {
    env: {
      GOVCHAT_ANSWERER: 'llm',
      GOVCHAT_LLM_PROVIDER: 'openai',
      GOVCHAT_LLM_BASE_URL: llm.url,
      GOVCHAT_LLM_MODEL: 'fake-model',
      GOVCHAT_LLM_TIMEOUT_MS: '2000',
      // Always ask the model here: the high-confidence shortcut has its own tests in core.
      GOVCHAT_LLM_SHORTCUT_ABOVE: '1.01',
    },
  });
  ({ socket } = await connectChat(main.url, { bot: 'immigration' }));
});

afterAll(async () => {
  socket?.close();
  await main?.server.close();
  await data?.remove();
  await llm?.close();
});

beforeEach(() => {
  llm.requests.length = 0;
  llm.setReply(answerFromFirstFaq({ cite: true }));
});

describe('LLM answers over Socket.IO', () => {
  it('streams the model tokens as answer.delta events and reports the cited FAQ', async () => {
    const events = await ask(socket, { id: 'llm-1', text: 'How do I apply for an HKSAR passport?' });
    expect(llm.requests).toHaveLength(1);
    expect(events.order[0]).toBe('answer.start');
    expect(events.order.at(-1)).toBe('answer.end');
    expect(events.deltas.length).toBeGreaterThan(3);
    expect(events.resets).toEqual([]);
    expect(events.text).toContain('bring your identity card');
    expect(events.text).not.toContain('[faq:');
    const cited = /<faq id="([^"]+)">/.exec(llm.requests[0]!.body.messages![0]!.content)![1]!;
    expect(events.end?.citations).toEqual([cited]);
    expect(events.sources?.sources.map((s) => s.id)).toEqual([cited]);
  });

  it('withdraws an uncited answer with answer.reset and sends the FAQ answer instead', async () => {
    llm.setReply(answerFromFirstFaq({ cite: false }));
    const events = await ask(socket, { id: 'llm-2', text: 'How do I apply for an HKSAR passport?' });
    expect(events.resets).toEqual([{ id: 'llm-2', reason: 'no-citation' }]);
    expect(events.order.indexOf('answer.reset')).toBeLessThan(events.order.indexOf('answer.sources'));
    expect(events.text).not.toContain('According to the department');
    expect(events.end).toMatchObject({ abstained: false });
    // The replacement is the extractive answer the JSON API gives for the same question.
    const json = await postJson(`${main.url}/api/bots/immigration/ask`, { text: 'How do I apply for an HKSAR passport?' });
    expect(events.text.length).toBeGreaterThan(40);
    expect(events.text).toBe(json.body.answer);
  });

  it('falls back to the extractive answer when the provider fails, and never hangs', async () => {
    llm.setReply({ kind: 'error', status: 500, message: 'upstream exploded' });
    const failed = await ask(socket, { id: 'llm-3', text: 'How do I apply for an HKSAR passport?' });
    expect(failed.end).toBeDefined();
    expect(failed.error).toBeUndefined();
    expect(failed.text.length).toBeGreaterThan(40);

    llm.setReply({ kind: 'stall', tokens: ['Thinking'] });
    const stalled = await ask(socket, { id: 'llm-4', text: 'How do I apply for an HKSAR passport?' });
    expect(stalled.end).toBeDefined();
    expect(stalled.text).not.toBe('Thinking');
  });
});
