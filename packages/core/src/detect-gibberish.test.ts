import { describe, expect, it } from 'vitest';
import { isGibberish } from '@govchat/core';

describe('isGibberish', () => {
  it.each([
    'hjkhjkhjk 醫醫醫 ！！！ 12345',
    'asdfjkl;; 哈哈哈',
    'ggggg hhhh 嘻嘻 zzzz',
    '啊啊啊啊 ggggg 123123 ???',
    '呀呀呀呀 咁咁咁 ？？',
    'qwer',
    // Interjections around mashing do not make it a message.
    'asdfgh ok ok 99',
    'hmm ghjk 哈哈',
    'lol ;;; poiuy qwerty',
  ])('%s is gibberish', (text) => {
    expect(isGibberish(text)).toBe(true);
  });

  it.each([
    // One real word makes it a message, however odd the rest.
    'asdf 護照',
    'hjk passport',
    '媽媽',
    '謝謝',
    'pasport fee',
    'rhythm',
    'strewn',
    // Nothing at all, or only a number, is left to the other checks.
    '',
    '！！！',
    '12345',
    'HKID',
    'MPF',
    // Interjections alone are small talk, not mashing; with a real word they are a message.
    'ok',
    'ok ok 123',
    'hmm ok',
    'ok how do i renew',
    'asdf lol fees',
  ])('%s is not gibberish', (text) => {
    expect(isGibberish(text)).toBe(false);
  });

  it('never calls a word the bot knows mashed', () => {
    expect(isGibberish('xkcdxkcd')).toBe(true);
    expect(isGibberish('xkcdxkcd', (word) => word === 'xkcdxkcd')).toBe(false);
  });
});
