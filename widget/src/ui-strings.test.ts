import { describe, expect, it } from 'vitest';
import { describeError, LANGUAGE_LABELS, UI_STRINGS } from './ui-strings.js';

// Characters that exist only in Traditional or only in Simplified script, frequent in UI text.
const TRADITIONAL_ONLY = /[們對話關閉語輸問題發資來說這個沒幫見饋聯絡電郵網絡連線應時請試與歡詢補謝聽]/;
const SIMPLIFIED_ONLY = /[们对话关闭语输问题发资来说这个没帮见馈联络电邮网络连线应时请试与欢询补谢听]/;

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') out.push(String((value as (s: string) => string)('X')));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}

describe('UI strings', () => {
  it('has every key, non-empty, in all three languages', () => {
    const keys = (lang: keyof typeof UI_STRINGS): string[] => Object.keys(UI_STRINGS[lang]).sort();
    expect(keys('zh-HK')).toEqual(keys('en'));
    expect(keys('zh-CN')).toEqual(keys('en'));
    expect(Object.keys(UI_STRINGS['zh-HK'].errors).sort()).toEqual(Object.keys(UI_STRINGS.en.errors).sort());
    expect(Object.keys(UI_STRINGS['zh-CN'].errors).sort()).toEqual(Object.keys(UI_STRINGS.en.errors).sort());
    for (const lang of ['en', 'zh-HK', 'zh-CN'] as const) {
      for (const text of collectStrings(UI_STRINGS[lang])) expect(text.trim()).not.toBe('');
    }
  });

  it('writes Traditional in zh-HK and Simplified in zh-CN', () => {
    const hk = collectStrings(UI_STRINGS['zh-HK']).join('');
    const cn = collectStrings(UI_STRINGS['zh-CN']).join('');
    expect(hk).not.toMatch(SIMPLIFIED_ONLY);
    expect(cn).not.toMatch(TRADITIONAL_ONLY);
    expect(collectStrings(UI_STRINGS.en).join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('splices names into sentences', () => {
    expect(UI_STRINGS.en.openChat('iAM Smart')).toBe('Chat with iAM Smart');
    expect(UI_STRINGS['zh-HK'].openChat('智方便')).toBe('與智方便對話');
  });

  it('maps error codes to messages, with a generic fallback', () => {
    expect(describeError('en', 'RATE_LIMITED')).toMatch(/wait/);
    expect(describeError('zh-CN', 'SOMETHING_NEW')).toBe(UI_STRINGS['zh-CN'].errors.generic);
  });

  it('labels the switch in each language’s own script', () => {
    expect(LANGUAGE_LABELS).toMatchObject({ en: { short: 'EN' }, 'zh-HK': { short: '繁' }, 'zh-CN': { short: '简' } });
  });
});
