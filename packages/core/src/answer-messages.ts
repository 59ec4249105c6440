import type { AnswerLang } from './detect-language.js';

/**
 * Every sentence govchat itself says to a citizen, in the three languages it answers in — one
 * table, so a translation is never missing in one place only.
 */
export interface AnswerMessages {
  readonly fallback: (p: { bot: string; phone: string; url: string }) => string;
  readonly refusal: (p: { bot: string; phone: string; url: string }) => string;
  readonly onlyInOtherLanguage: string;
  readonly source: string;
}

export const ANSWER_MESSAGES: Readonly<Record<AnswerLang, AnswerMessages>> = {
  en: {
    fallback: ({ bot, phone, url }) =>
      `Sorry, I don't have an answer to that in the ${bot} FAQs. Please call ${phone} or visit ${url}. For other government services, call 1823.`,
    refusal: ({ bot, phone, url }) =>
      `I can only help with questions about ${bot}. Please ask about its services, call ${phone} or visit ${url}.`,
    onlyInOtherLanguage: '(This answer is only available in Chinese.)',
    source: 'Source',
  },
  'zh-HK': {
    fallback: ({ bot, phone, url }) =>
      `抱歉，「${bot}」的常見問題中沒有這個問題的答案。請致電 ${phone} 或瀏覽 ${url}。其他政府服務查詢，請致電 1823。`,
    refusal: ({ bot, phone, url }) => `我只能回答有關「${bot}」的問題。請查詢相關服務，或致電 ${phone}、瀏覽 ${url}。`,
    onlyInOtherLanguage: '（此答案只有英文版本。）',
    source: '資料來源',
  },
  'zh-CN': {
    fallback: ({ bot, phone, url }) =>
      `抱歉，「${bot}」的常见问题中没有这个问题的答案。请致电 ${phone} 或浏览 ${url}。其他政府服务查询，请致电 1823。`,
    refusal: ({ bot, phone, url }) => `我只能回答有关「${bot}」的问题。请查询相关服务，或致电 ${phone}、浏览 ${url}。`,
    onlyInOtherLanguage: '（此答案只有英文版本。）',
    source: '资料来源',
  },
};
