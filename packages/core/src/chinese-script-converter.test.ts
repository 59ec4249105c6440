import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { scriptConverter, type ScriptLocale } from './chinese-script-converter.js';

const CONVERSIONS: readonly (readonly [ScriptLocale, ScriptLocale, string])[] = [
  ['cn', 'hk', 's2hk'],
  ['hk', 'cn', 'hk2s'],
  ['cn', 'tw', 's2tw'],
  ['tw', 'cn', 'tw2s'],
];

/** Every phrase of a conversion's dictionaries, run together in sevens so that phrases overlap. */
function dictionaryTexts(configName: string): string[] {
  const config = OpenCC.Locale.configs[configName]!;
  const groups = [config.segmentation ?? [], ...config.conversionChain, ...(config.normalizationChain ?? [])];
  const texts: string[] = [];
  for (const dictionary of groups.flat()) {
    const phrases = dictionary.split('|').map((line) => line.split(' ')[0]!);
    for (let i = 0; i < phrases.length; i += 7) texts.push(`${phrases.slice(i, i + 7).join('')} x ${phrases.slice(i, i + 3).join(' ')}`);
  }
  return texts;
}

describe('scriptConverter', () => {
  it.each(CONVERSIONS)('%s → %s gives opencc-js output on every dictionary phrase', (from, to, configName) => {
    const ours = scriptConverter(from, to);
    const theirs = OpenCC.Converter({ from, to });
    const texts = dictionaryTexts(configName);
    expect(texts.length).toBeGreaterThan(100);
    const differing = texts.filter((text) => ours(text) !== theirs(text));
    expect(differing).toEqual([]);
  });

  it.each(CONVERSIONS)('%s → %s agrees with opencc-js on the edge cases of its matching', (from, to) => {
    const ours = scriptConverter(from, to);
    const theirs = OpenCC.Converter({ from, to });
    // Description sequences (⿰亻尔) pass whole; astral characters, a lone surrogate and Latin text
    // are stepped over by code point.
    for (const text of ['', '⿰亻尔好', '⿱⿰', '⿰', '嗰𠮶點样', '\ud840', 'abc\ud840', '皇后 后来 头发 發展', 'HKID 身份证 renew']) {
      expect(ours(text), JSON.stringify(text)).toBe(theirs(text));
    }
  });

  it('converts by phrase, not only by character', () => {
    expect(scriptConverter('cn', 'hk')('我想办理身份证')).toBe('我想辦理身份證');
    expect(scriptConverter('cn', 'hk')('头发')).toBe('頭髮');
    expect(scriptConverter('hk', 'cn')('頭髮')).toBe('头发');
  });
});
