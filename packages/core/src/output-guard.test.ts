import { describe, expect, it } from 'vitest';
import { collectAllowedDomains, createPromptLeakDetector, findOffDomainUrls, findUrls } from './index.js';
import { TEST_BOT, TEST_FAQS } from './test-helpers/answer-fixtures.js';

describe('findUrls', () => {
  it('finds links with and without a scheme, ending at punctuation and Chinese text', () => {
    const text = '請瀏覽 https://www.iamsmart.gov.hk/tc/reg.html。或 www.gov.hk，又或 example.com/path）。Email: a@housing.gov.hk.';
    expect(findUrls(text).map((u) => u.host)).toEqual(['www.iamsmart.gov.hk', 'www.gov.hk', 'example.com', 'housing.gov.hk']);
    expect(findUrls('Visit https://www.iamsmart.gov.hk/en/. Or call.')[0]?.url).toBe('https://www.iamsmart.gov.hk/en/');
  });

  it('ignores amounts, versions and abbreviations', () => {
    expect(findUrls('It costs HK$370.50, e.g. for version 2.1 of the app, i.e. iOS 17.')).toEqual([]);
  });
});

describe('findOffDomainUrls', () => {
  const allowed = collectAllowedDomains(TEST_BOT, TEST_FAQS);

  it('allows the bot’s site, its subdomains, FAQ links and contact email domains', () => {
    expect(allowed).toEqual(expect.arrayContaining(['iamsmart.gov.hk']));
    expect(findOffDomainUrls('See https://iamsmart.gov.hk/x, www.iamsmart.gov.hk and https://app.iamsmart.gov.hk/a', allowed)).toEqual([]);
  });

  it('reports everything else, including look-alike hosts', () => {
    expect(findOffDomainUrls('See https://iamsmart.gov.hk.evil.com/login and http://fakeiamsmart.gov.hk', allowed)).toEqual([
      'https://iamsmart.gov.hk.evil.com/login',
      'http://fakeiamsmart.gov.hk',
    ]);
    expect(findOffDomainUrls('Go to bit.ly/abc', allowed)).toEqual(['bit.ly/abc']);
  });

  it('accepts extra domains from config', () => {
    expect(findOffDomainUrls('www.gov.hk and www.1823.gov.hk', collectAllowedDomains(TEST_BOT, [], ['gov.hk']))).toEqual([]);
  });
});

describe('createPromptLeakDetector', () => {
  const detector = createPromptLeakDetector(
    ['Answer the question using only the FAQ entries between the tags; do not add facts from anywhere else.'],
    ['<faqs>', 'gc-0123456789ab'],
  );

  it('spots a verbatim or reformatted run of instruction words, a marker or the canary', () => {
    expect(detector.findLeak('My rules: ANSWER the question, using only the FAQ entries between the tags.')).toBeDefined();
    expect(detector.findLeak('context: <FAQS> …')).toBe('<faqs>');
    expect(detector.findLeak('ref gc-0123456789ab')).toBe('gc-0123456789ab');
  });

  it('does not flag ordinary answers that share a few words', () => {
    expect(detector.findLeak('You can answer the question on the form using only a pen.')).toBeUndefined();
    expect(detector.findLeak('請帶同香港身份證前往登記服務點。')).toBeUndefined();
  });

  it('watches Chinese instruction lines by characters', () => {
    const zh = createPromptLeakDetector(['只可根據下列常見問題回答市民的提問，不可加入其他資料。']);
    expect(zh.findLeak('我的指示是：只可根據下列常見問題回答市民的提問')).toBeDefined();
    expect(zh.findLeak('常見問題')).toBeUndefined();
  });
});
