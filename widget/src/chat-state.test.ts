import { describe, expect, it } from 'vitest';
import { createInitialState, findPendingAnswer, MAX_MESSAGES, reduceChat, selectPersistableMessages, type ChatAction, type ChatState } from './chat-state.js';

const run = (actions: ChatAction[], state: ChatState = createInitialState('en', false)): ChatState => actions.reduce(reduceChat, state);
const asked = (id = 'a1', text = '點樣登記智方便'): ChatState => run([{ type: 'connection', state: 'online' }, { type: 'ask', id, text }]);

describe('reduceChat: an answer streaming in', () => {
  it('waits (typing indicator), streams deltas, then ends with sources and related questions', () => {
    let state = asked();
    expect(state.messages.map((m) => m.kind)).toEqual(['question', 'answer']);
    expect(findPendingAnswer(state)?.status).toBe('waiting');

    state = run(
      [
        { type: 'answer-start', id: 'a1', lang: 'zh-HK' },
        { type: 'answer-delta', id: 'a1', text: '你可以' },
      ],
      state,
    );
    expect(findPendingAnswer(state)).toMatchObject({ status: 'streaming', lang: 'zh-HK', text: '你可以' });

    state = run(
      [
        { type: 'answer-delta', id: 'a1', text: '在手機登記。' },
        { type: 'answer-sources', id: 'a1', sources: [{ id: 'reg', question: '如何登記？', url: 'https://x.hk', score: 0.9 }], related: [{ id: 'r', question: '升級？' }] },
        { type: 'answer-end', id: 'a1', abstained: false },
      ],
      state,
    );
    expect(findPendingAnswer(state)).toBeUndefined();
    expect(state.messages[1]).toMatchObject({ status: 'done', text: '你可以在手機登記。', abstained: false, sources: [{ id: 'reg' }], related: [{ id: 'r' }] });
  });

  it('drops withdrawn text on answer-reset and shows the replacement as corrected', () => {
    const state = run(
      [
        { type: 'answer-delta', id: 'a1', text: 'A made-up answer' },
        { type: 'answer-reset', id: 'a1' },
        { type: 'answer-delta', id: 'a1', text: '請帶同身份證親身登記。' },
        { type: 'answer-end', id: 'a1', abstained: false },
      ],
      asked(),
    );
    expect(state.messages[1]).toMatchObject({ status: 'done', text: '請帶同身份證親身登記。', corrected: true });
  });

  it('stays in "waiting" for an empty delta, so the typing indicator is not replaced by nothing', () => {
    const state = run([{ type: 'answer-delta', id: 'a1', text: '' }], asked());
    expect(findPendingAnswer(state)?.status).toBe('waiting');
  });

  it('records errors with their code', () => {
    const state = run([{ type: 'answer-error', id: 'a1', code: 'RATE_LIMITED' }], asked());
    expect(state.messages[1]).toMatchObject({ status: 'error', errorCode: 'RATE_LIMITED' });
  });

  it('ignores events for unknown or finished asks (returning the same state object)', () => {
    const done = run([{ type: 'answer-end', id: 'a1', abstained: false }], asked());
    for (const action of [
      { type: 'answer-delta', id: 'other', text: 'x' },
      { type: 'answer-delta', id: 'a1', text: 'late' },
      { type: 'answer-error', id: 'a1', code: 'TIMEOUT' },
      { type: 'answer-end', id: 'a1', abstained: true },
    ] satisfies ChatAction[]) {
      expect(reduceChat(done, action)).toBe(done);
    }
  });

  it('keeps unchanged messages identical so the view can skip them', () => {
    const first = run([{ type: 'answer-end', id: 'a1', abstained: false }, { type: 'ask', id: 'a2', text: 'next' }], asked());
    const next = reduceChat(first, { type: 'answer-delta', id: 'a2', text: 'x' });
    expect(next.messages[0]).toBe(first.messages[0]);
    expect(next.messages[1]).toBe(first.messages[1]);
    expect(next.messages[3]).not.toBe(first.messages[3]);
  });
});

describe('reduceChat: connection', () => {
  it('interrupts a half-streamed answer when the connection drops (the server will not replay it)', () => {
    const state = run([{ type: 'answer-delta', id: 'a1', text: 'part' }, { type: 'connection', state: 'offline' }], asked());
    expect(state.connection).toBe('offline');
    expect(state.messages[1]).toMatchObject({ status: 'interrupted', text: 'part' });
  });

  it('leaves finished answers alone on disconnect', () => {
    const done = run([{ type: 'answer-end', id: 'a1', abstained: false }], asked());
    const offline = reduceChat(done, { type: 'connection', state: 'offline' });
    expect(offline.messages).toBe(done.messages);
  });
});

describe('reduceChat: language, panel, feedback', () => {
  it('marks a switched language as chosen', () => {
    const state = reduceChat(createInitialState('en', false), { type: 'set-lang', lang: 'zh-CN' });
    expect(state).toMatchObject({ lang: 'zh-CN', langChosen: true });
    expect(reduceChat(state, { type: 'set-lang', lang: 'zh-CN' })).toBe(state);
  });

  it('opens and closes idempotently', () => {
    const open = reduceChat(createInitialState('en', false), { type: 'open' });
    expect(open.open).toBe(true);
    expect(reduceChat(open, { type: 'open' })).toBe(open);
    expect(reduceChat(open, { type: 'close' }).open).toBe(false);
  });

  it('accepts a rating only for a finished answer, and a comment only after a rating', () => {
    const pending = asked();
    expect(reduceChat(pending, { type: 'rate', id: 'a1', rating: 'up' })).toBe(pending);
    const done = reduceChat(pending, { type: 'answer-end', id: 'a1', abstained: false });
    expect(reduceChat(done, { type: 'comment', id: 'a1', comment: 'hi' })).toBe(done);
    const rated = reduceChat(done, { type: 'rate', id: 'a1', rating: 'down' });
    expect(rated.messages[1]).toMatchObject({ rating: 'down' });
    expect(reduceChat(rated, { type: 'comment', id: 'a1', comment: '   ' })).toBe(rated);
    expect(reduceChat(rated, { type: 'comment', id: 'a1', comment: ' too long ' }).messages[1]).toMatchObject({ comment: 'too long' });
  });
});

describe('transcript bounds and persistence', () => {
  it(`keeps at most ${MAX_MESSAGES} messages`, () => {
    let state = run([{ type: 'connection', state: 'online' }]);
    for (let i = 0; i < MAX_MESSAGES; i++) {
      state = run([{ type: 'ask', id: `q${i}`, text: `q${i}` }, { type: 'answer-end', id: `q${i}`, abstained: false }], state);
    }
    expect(state.messages).toHaveLength(MAX_MESSAGES);
    expect(state.messages.at(-1)).toMatchObject({ kind: 'answer', id: `q${MAX_MESSAGES - 1}` });
  });

  it('persists finished exchanges only, dropping a pending question with its answer', () => {
    const state = run([{ type: 'answer-end', id: 'a1', abstained: false }, { type: 'ask', id: 'a2', text: 'next' }], asked());
    expect(selectPersistableMessages(state).map((m) => `${m.kind}:${m.id}`)).toEqual(['question:a1', 'answer:a1']);
  });
});
