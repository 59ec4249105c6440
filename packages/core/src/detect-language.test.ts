import { describe, expect, it } from 'vitest';
import {
  ANSWER_LANGS,
  QUERY_LANGS,
  detectLanguage,
  isAnswerLang,
  isQueryLang,
  type AnswerLang,
  type DetectLanguageOptions,
  type QueryLang,
} from './detect-language.js';

const IAM_SMART: DetectLanguageOptions = { properNouns: ['iAM Smart'] };
const PRODUCTS: DetectLanguageOptions = { properNouns: ['iAM Smart', 'e-ME'] };

interface Case {
  readonly text: string;
  readonly lang: QueryLang;
  readonly answerLang: AnswerLang;
  readonly options?: DetectLanguageOptions;
}

const c = (text: string, lang: QueryLang, answerLang: AnswerLang, options?: DetectLanguageOptions): Case =>
  options === undefined ? { text, lang, answerLang } : { text, lang, answerLang, options };

const CASES: readonly Case[] = [
  // English: no Han characters at all
  c('How do I renew my HKID?', 'en', 'en'),
  c('How much does a new passport cost?', 'en', 'en'),
  c('Where can I apply for the Elderly Health Care Voucher?', 'en', 'en'),
  c('MPF withdrawal', 'en', 'en'),
  c('HKID', 'en', 'en'),
  c('iAM Smart registration', 'en', 'en', IAM_SMART),
  c('ＨＯＷ　ＴＯ　ＡＰＰＬＹ', 'en', 'en'), // full-width Latin
  c('', 'en', 'en'),
  c('   ', 'en', 'en'),
  c('12345', 'en', 'en'),
  c('?!', 'en', 'en'),

  // Formal written Chinese in Traditional characters
  c('如何登記智方便', 'zh-HK', 'zh-HK'),
  c('如何申請長者咭？', 'zh-HK', 'zh-HK'),
  c('補領身份證需要甚麼文件？', 'zh-HK', 'zh-HK'),
  c('申請公屋的入息限額是多少？', 'zh-HK', 'zh-HK'),
  c('怎麼續期駕駛執照？', 'zh-HK', 'zh-HK'), // Traditional Mandarin is still zh-HK
  c('與申請人的關係', 'zh-HK', 'zh-HK'), // 關係 is guarded: its 係 is no marker
  c('沒關係啊', 'zh-HK', 'zh-HK'), // 啊 is Mandarin too
  c('我想', 'zh-HK', 'zh-HK'), // same in both scripts: not Simplified
  c('社群峰會', 'zh-HK', 'zh-HK'), // 群, 峰: only the HK standard prefers 羣, 峯
  c('HKID如何更換？', 'zh-HK', 'zh-HK'), // an acronym is no English word
  c('請瀏覽www.gov.hk查詢', 'zh-HK', 'zh-HK'), // nor is a URL
  c('電郵至enquiry@immd.gov.hk查詢', 'zh-HK', 'zh-HK'), // nor an e-mail address
  c('9am開門嗎', 'zh-HK', 'zh-HK'), // nor a token with digits
  c('用QR碼付款', 'zh-HK', 'zh-HK'),
  c('用iPhone申請', 'zh-HK', 'zh-HK'), // camel case: a product name

  // Colloquial Cantonese in Traditional characters
  c('點樣登記智方便', 'yue', 'zh-HK'),
  c('HKID點樣換', 'yue', 'zh-HK'), // HKID is an acronym
  c('點樣用iAM Smart', 'yue', 'zh-HK', IAM_SMART),
  c('e-ME點樣登入？', 'yue', 'zh-HK', PRODUCTS),
  c('eTAX點樣登入', 'yue', 'zh-HK'),
  c('我張身份證唔見咗點算好？', 'yue', 'zh-HK'),
  c('續牌要幾錢？', 'yue', 'zh-HK'),
  c('係咪一定要親身去？', 'yue', 'zh-HK'),
  c('使唔使預約？', 'yue', 'zh-HK'),
  c('邊度可以交表？', 'yue', 'zh-HK'),
  c('MPF幾時可以攞？', 'yue', 'zh-HK'),
  c('我想揾工', 'yue', 'zh-HK'), // 揾 is how HK input methods write 搵: not Simplified
  c('我嘅申請', 'yue', 'zh-HK'),
  c('佢', 'yue', 'zh-HK'),
  c('冇', 'yue', 'zh-HK'),
  c('嗰個', 'yue', 'zh-HK'),

  // Simplified Chinese, Cantonese or not
  c('如何登记智方便', 'zh-CN', 'zh-CN'),
  c('怎么续签护照', 'zh-CN', 'zh-CN'),
  c('我想办理身份证', 'zh-CN', 'zh-CN'),
  c('港澳通行证在哪里办理？', 'zh-CN', 'zh-CN'),
  c('护照丢了咋办', 'zh-CN', 'zh-CN'),
  c('点样登记智方便', 'zh-CN', 'zh-CN'),
  c('点解', 'zh-CN', 'zh-CN'),
  c('系咪要预约？', 'zh-CN', 'zh-CN'),

  // Chinese mixed with ordinary English words
  c('我想renew車牌要幾錢', 'mixed', 'zh-HK'),
  c('iAM Smart點樣register', 'mixed', 'zh-HK'),
  c('點樣用iAM Smart', 'mixed', 'zh-HK'), // without properNouns, Smart is an English word
  c('how to renew 身份證', 'mixed', 'zh-HK'),
  c('Can I apply 公屋 online?', 'mixed', 'zh-HK'),
  c('可唔可以用App申請？', 'mixed', 'zh-HK'),
  c('身份證可以online renew嗎', 'mixed', 'zh-HK'),
  c('點樣download智方便', 'mixed', 'zh-HK'),
  c('我想check下我個MPF balance', 'mixed', 'zh-HK'),
  c('請問Octopus點樣增值', 'mixed', 'zh-HK'),
  c('用QR code付款', 'mixed', 'zh-HK'),
  c('我想renew车牌要几钱', 'mixed', 'zh-CN'), // typed in Simplified
  c('我想apply长者卡', 'mixed', 'zh-CN'),
];

describe('detectLanguage', () => {
  it('has at least 40 cases covering all five languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((x) => x.lang))).toEqual(new Set(QUERY_LANGS));
  });

  it.each(CASES.map((x) => [x.text, x.lang, x.answerLang, x] as const))(
    '%j → %s, answered in %s',
    (text, lang, answerLang, x) => {
      const detection = detectLanguage(text, x.options);
      expect(detection.lang).toBe(lang);
      expect(detection.answerLang).toBe(answerLang);
    },
  );

  it.each(CASES.map((x) => [x.text, x] as const))('%j is internally consistent', (_text, x) => {
    const { lang, answerLang, simplified, cantoneseMarkers } = detectLanguage(x.text, x.options);
    if (lang === 'en') expect({ answerLang, simplified, cantoneseMarkers }).toEqual({ answerLang: 'en', simplified: false, cantoneseMarkers: 0 });
    if (lang === 'zh-CN') expect(simplified).toBe(true);
    if (lang === 'zh-HK' || lang === 'yue') expect(simplified).toBe(false);
    if (lang !== 'en') expect(answerLang).toBe(simplified ? 'zh-CN' : 'zh-HK');
    if (lang === 'yue') expect(cantoneseMarkers).toBeGreaterThan(0);
    if (lang === 'zh-HK') expect(cantoneseMarkers).toBe(0);
  });

  it('reports Simplified script and counts Cantonese markers on the converted text', () => {
    expect(detectLanguage('点样登记智方便')).toEqual({ lang: 'zh-CN', answerLang: 'zh-CN', simplified: true, cantoneseMarkers: 1 });
    expect(detectLanguage('點樣登記智方便')).toEqual({ lang: 'yue', answerLang: 'zh-HK', simplified: false, cantoneseMarkers: 1 });
    expect(detectLanguage('我哋係咪要預約？唔該').cantoneseMarkers).toBe(3);
    expect(detectLanguage('我想renew车牌要几钱')).toMatchObject({ simplified: true, cantoneseMarkers: 1 });
  });

  it('decides text holding both scripts by majority, a tie going to Traditional', () => {
    expect(detectLanguage('我想办理身份證').simplified).toBe(false); // 办 vs 證
    expect(detectLanguage('我想办理身份证，請').simplified).toBe(true); // 办 证 vs 請
    expect(detectLanguage('我想辦理身份證，请').simplified).toBe(false); // 辦 證 vs 请
  });

  it('matches proper nouns case-insensitively and with any spacing', () => {
    for (const typed of ['點樣用iam smart', '點樣用IAM SMART', '點樣用iAMSmart', '點樣用 iAM  Smart ']) {
      expect(detectLanguage(typed, IAM_SMART).lang, typed).toBe('yue');
    }
    // ... but only whole: "Smartphone" is an English word of its own.
    expect(detectLanguage('點樣用iAM Smartphone', IAM_SMART).lang).toBe('mixed');
    expect(detectLanguage('點樣用iAM Smart', { properNouns: [] }).lang).toBe('mixed');
    expect(detectLanguage('點樣用iAM Smart', { properNouns: ['', '  '] }).lang).toBe('mixed');
  });

  it('ignores proper nouns when counting Chinese', () => {
    expect(detectLanguage('iAM Smart', IAM_SMART).lang).toBe('en');
  });

  it('returns the same result on repeated calls', () => {
    const first = detectLanguage('點樣登記智方便');
    expect(detectLanguage('點樣登記智方便')).toEqual(first);
  });
});

describe('isQueryLang / isAnswerLang', () => {
  it.each(QUERY_LANGS.map((l) => [l]))('accepts the query language %s', (lang) => {
    expect(isQueryLang(lang)).toBe(true);
  });

  it.each(ANSWER_LANGS.map((l) => [l]))('accepts the answer language %s', (lang) => {
    expect(isAnswerLang(lang)).toBe(true);
  });

  it('rejects anything else', () => {
    for (const value of ['zh-TW', 'zh', 'EN', '', ' en', null, undefined, 1, {}, ['en']]) {
      expect(isQueryLang(value)).toBe(false);
      expect(isAnswerLang(value)).toBe(false);
    }
    expect(isAnswerLang('yue')).toBe(false);
    expect(isAnswerLang('mixed')).toBe(false);
  });

  it('accepts every detected language', () => {
    for (const x of CASES) {
      const { lang, answerLang } = detectLanguage(x.text, x.options);
      expect(isQueryLang(lang)).toBe(true);
      expect(isAnswerLang(answerLang)).toBe(true);
    }
  });
});
