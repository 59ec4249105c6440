import { describe, expect, it } from 'vitest';
import { isExplicitLanguage, matchLanguageTag, resolveLanguage, SPEECH_LOCALES } from './resolve-language.js';

describe('matchLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['zh-HK', 'zh-HK'],
    ['zh-Hant', 'zh-HK'],
    ['zh-Hant-TW', 'zh-HK'],
    ['zh-TW', 'zh-HK'],
    ['zh', 'zh-HK'],
    ['yue', 'zh-HK'],
    ['yue-Hant-HK', 'zh-HK'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(matchLanguageTag(tag)).toBe(expected);
  });

  it('does not claim other languages', () => {
    expect(matchLanguageTag('fr')).toBeUndefined();
    expect(matchLanguageTag('ja-JP')).toBeUndefined();
    expect(matchLanguageTag('')).toBeUndefined();
  });
});

describe('resolveLanguage', () => {
  it('lets an explicit data-lang win over page and browser', () => {
    expect(resolveLanguage({ requested: 'zh-CN', pageLang: 'en', browserLangs: ['zh-HK'] })).toBe('zh-CN');
    expect(resolveLanguage({ requested: 'zh-hk', pageLang: 'en' })).toBe('zh-HK');
  });

  it('uses the page lang with auto or nothing, then the browser', () => {
    expect(resolveLanguage({ requested: 'auto', pageLang: 'zh-HK', browserLangs: ['en-US'] })).toBe('zh-HK');
    expect(resolveLanguage({ requested: null, pageLang: '', browserLangs: ['fr-FR', 'zh-CN', 'en'] })).toBe('zh-CN');
    expect(resolveLanguage({ requested: 'auto', pageLang: 'fr', browserLangs: ['en-HK'] })).toBe('en');
  });

  it('falls back to English when nothing matches, or the request is gibberish', () => {
    expect(resolveLanguage({})).toBe('en');
    expect(resolveLanguage({ requested: 'klingon', pageLang: 'fr', browserLangs: ['de'] })).toBe('en');
  });

  it('tells chosen languages from guessed ones', () => {
    expect(isExplicitLanguage('zh-HK')).toBe(true);
    expect(isExplicitLanguage('auto')).toBe(false);
    expect(isExplicitLanguage(null)).toBe(false);
    expect(isExplicitLanguage('klingon')).toBe(false);
  });

  it('listens in Cantonese, Hong Kong English and Putonghua', () => {
    expect(SPEECH_LOCALES).toEqual({ en: 'en-HK', 'zh-HK': 'zh-HK', 'zh-CN': 'zh-CN' });
  });
});
