import { describe, expect, it } from 'vitest';
import { createInitialState, reduceChat, type ChatAction, type ChatState } from './chat-state.js';
import { loadConversation, parseSavedConversation, saveConversation, serialiseConversation, storageKey } from './session-store.js';
import { createMemoryStorage } from './test-support/memory-storage.js';

const conversation = (): ChatState =>
  (
    [
      { type: 'connection', state: 'online' },
      { type: 'session', session: 's-123' },
      { type: 'set-lang', lang: 'zh-HK' },
      { type: 'open' },
      { type: 'ask', id: 'a1', text: '點樣登記' },
      { type: 'answer-delta', id: 'a1', text: '答案' },
      { type: 'answer-end', id: 'a1', abstained: false },
      { type: 'ask', id: 'a2', text: 'still streaming' },
    ] satisfies ChatAction[]
  ).reduce(reduceChat, createInitialState('en', false));

describe('session store', () => {
  it('round-trips what should survive navigation, per bot', () => {
    const storage = createMemoryStorage();
    saveConversation(storage, 'iam-smart', serialiseConversation(conversation(), undefined));
    expect([...storage.data.keys()]).toEqual([storageKey('iam-smart')]);
    const saved = loadConversation(storage, 'iam-smart');
    expect(saved).toMatchObject({ session: 's-123', lang: 'zh-HK', langChosen: true, open: true });
    expect(saved?.messages.map((m) => `${m.kind}:${m.id}`)).toEqual(['question:a1', 'answer:a1']);
    expect(loadConversation(storage, 'housing')).toBeUndefined();
  });

  it('discards corrupt, foreign or old-format data instead of failing', () => {
    for (const raw of ['{', '[]', 'null', '{"v":0,"lang":"en"}', '{"v":1,"lang":"fr"}', JSON.stringify({ v: 1 })]) {
      expect(parseSavedConversation(raw)).toBeUndefined();
    }
    const partlyBad = parseSavedConversation(
      JSON.stringify({ v: 1, lang: 'en', session: 42, messages: [{ kind: 'question', id: 'x', text: 'ok' }, { kind: 'answer', id: 'y' }, '<script>'] }),
    );
    expect(partlyBad).toEqual({ lang: 'en', langChosen: false, open: false, messages: [{ kind: 'question', id: 'x', text: 'ok' }] });
  });

  it('survives storage that throws (blocked or full)', () => {
    const throwing = {
      getItem: (): string => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadConversation(throwing, 'iam-smart')).toBeUndefined();
    expect(() => saveConversation(throwing, 'iam-smart', '{}')).not.toThrow();
    expect(() => saveConversation(undefined, 'iam-smart', '{}')).not.toThrow();
  });
});
