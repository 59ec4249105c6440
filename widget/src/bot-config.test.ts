import type { PublicBotConfig } from '@govchat/protocol';
import { describe, expect, it } from 'vitest';
import { fetchBotConfig, selectBotName, selectGreeting, selectSuggested } from './bot-config.js';

const CONFIG: PublicBotConfig = {
  id: 'iam-smart',
  name: { en: 'iAM Smart', 'zh-HK': '智方便' },
  greeting: { en: 'Hi!', 'zh-HK': '你好！' },
  contact: { phone: '182 123', url: 'https://www.iamsmart.gov.hk' },
  suggested: { en: [{ id: 'a', question: 'What is iAM Smart?' }], 'zh-HK': [{ id: 'a', question: '「智方便」是甚麼？' }], 'zh-CN': [{ id: 'a', question: '“智方便”是什么？' }] },
};

const respond = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status });

describe('fetchBotConfig', () => {
  it('gets /api/bots/:id and tells "no such bot" from "try again later"', async () => {
    let url = '';
    const ok = await fetchBotConfig('https://h/', 'iam-smart', async (input) => {
      url = String(input);
      return new Response(JSON.stringify(CONFIG));
    });
    expect(url).toBe('https://h/api/bots/iam-smart');
    expect(ok).toEqual({ ok: true, config: CONFIG });
    expect(await fetchBotConfig('https://h', 'x', respond(404, {}))).toEqual({ ok: false, reason: 'not-found' });
    expect(await fetchBotConfig('https://h', 'x', respond(503, {}))).toEqual({ ok: false, reason: 'unavailable' });
    expect(await fetchBotConfig('https://h', 'x', respond(200, ['not', 'a', 'config']))).toEqual({ ok: false, reason: 'unavailable' });
    expect(await fetchBotConfig('https://h', 'x', async () => Promise.reject(new TypeError('offline')))).toEqual({ ok: false, reason: 'unavailable' });
  });
});

describe('config texts per language', () => {
  it('uses data-title, else the name in the language (Traditional name under 简 when there is no Simplified one)', () => {
    expect(selectBotName(CONFIG, 'en')).toBe('iAM Smart');
    expect(selectBotName(CONFIG, 'zh-HK')).toBe('智方便');
    expect(selectBotName(CONFIG, 'zh-CN')).toBe('智方便');
    expect(selectBotName(CONFIG, 'zh-CN', 'Help')).toBe('Help');
    expect(selectBotName(undefined, 'zh-HK')).toBe('查詢');
  });

  it('never shows a Traditional greeting under 简: a Simplified config greeting, else a Simplified generic one', () => {
    expect(selectGreeting(CONFIG, 'zh-HK', '智方便')).toBe('你好！');
    expect(selectGreeting(CONFIG, 'zh-CN', '智方便')).toBe('您好！欢迎查询有关智方便的问题。');
    const withSimplified = { ...CONFIG, greeting: { ...CONFIG.greeting, 'zh-CN': '你好（简）' } } as PublicBotConfig;
    expect(selectGreeting(withSimplified, 'zh-CN', '智方便')).toBe('你好（简）');
  });

  it('picks suggested questions for the language', () => {
    expect(selectSuggested(CONFIG, 'zh-CN')).toEqual([{ id: 'a', question: '“智方便”是什么？' }]);
    expect(selectSuggested(undefined, 'en')).toEqual([]);
  });
});
