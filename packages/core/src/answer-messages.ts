import type { AnswerLang } from './detect-language.js';
import type { SmallTalkKind } from './small-talk.js';

type Contact = { bot: string; phone: string; url: string };

/**
 * Every sentence govchat itself says to a citizen, in the three languages it answers in — one
 * table, so a translation is never missing in one place only.
 */
export interface AnswerMessages {
  readonly fallback: (p: Contact) => string;
  readonly refusal: (p: Contact) => string;
  /** The reply to keyboard mashing and filler (see detect-gibberish.ts). */
  readonly unclear: (p: Contact) => string;
  /** The reply to a greeting, thanks, goodbye, "who are you?"… (see small-talk.ts). */
  readonly smallTalk: Readonly<Record<SmallTalkKind, (p: Contact) => string>>;
  readonly onlyInOtherLanguage: string;
  readonly source: string;
}

export const ANSWER_MESSAGES: Readonly<Record<AnswerLang, AnswerMessages>> = {
  en: {
    fallback: ({ bot, phone, url }) =>
      `Sorry, I don't have an answer to that in the ${bot} FAQs. Please call ${phone} or visit ${url}. For other government services, call 1823.`,
    refusal: ({ bot, phone, url }) =>
      `I can only help with questions about ${bot}. Please ask about its services, call ${phone} or visit ${url}.`,
    unclear: ({ bot, phone }) => `Sorry, I didn't understand that. Please type your question again (I answer from the ${bot} FAQs), or call ${phone}.`,
    smallTalk: {
      greeting: ({ bot }) => `Hello! I answer questions from the ${bot} FAQs. What would you like to know?`,
      thanks: ({ bot }) => `You're welcome! Anything else? I can answer questions from the ${bot} FAQs.`,
      farewell: ({ phone }) => `Goodbye! If you need more help, call ${phone}.`,
      identity: ({ bot, phone }) =>
        `I'm an automated assistant that answers from the ${bot} FAQs. To speak to a person, call ${phone}.`,
      wellbeing: ({ bot }) => `I'm fine, thank you! What would you like to know from the ${bot} FAQs?`,
      joke: ({ bot }) => `I'm afraid all I know is the ${bot} FAQs. What would you like to ask?`,
    },
    onlyInOtherLanguage: '(This answer is only available in Chinese.)',
    source: 'Source',
  },
  'zh-HK': {
    fallback: ({ bot, phone, url }) =>
      `抱歉，「${bot}」的常見問題中沒有這個問題的答案。請致電 ${phone} 或瀏覽 ${url}。其他政府服務查詢，請致電 1823。`,
    refusal: ({ bot, phone, url }) => `我只能回答有關「${bot}」的問題。請查詢相關服務，或致電 ${phone}、瀏覽 ${url}。`,
    unclear: ({ bot, phone }) => `抱歉，我不明白你的意思。請輸入有關「${bot}」的問題，或致電 ${phone}。`,
    smallTalk: {
      greeting: ({ bot }) => `你好！我可以解答有關「${bot}」的問題。請問有甚麼想知道？`,
      thanks: ({ bot }) => `不用客氣！還有其他關於「${bot}」的問題嗎？`,
      farewell: ({ phone }) => `再見！如需更多協助，請致電 ${phone}。`,
      identity: ({ bot, phone }) => `我是根據「${bot}」常見問題作答的自動助理。如需與職員聯絡，請致電 ${phone}。`,
      wellbeing: ({ bot }) => `我很好，謝謝！請問有甚麼關於「${bot}」的問題？`,
      joke: ({ bot }) => `抱歉，我只認識「${bot}」的事。請問有甚麼想查詢？`,
    },
    onlyInOtherLanguage: '（此答案只有英文版本。）',
    source: '資料來源',
  },
  'zh-CN': {
    fallback: ({ bot, phone, url }) =>
      `抱歉，「${bot}」的常见问题中没有这个问题的答案。请致电 ${phone} 或浏览 ${url}。其他政府服务查询，请致电 1823。`,
    refusal: ({ bot, phone, url }) => `我只能回答有关「${bot}」的问题。请查询相关服务，或致电 ${phone}、浏览 ${url}。`,
    unclear: ({ bot, phone }) => `抱歉，我不明白你的意思。请输入有关「${bot}」的问题，或致电 ${phone}。`,
    smallTalk: {
      greeting: ({ bot }) => `你好！我可以解答有关「${bot}」的问题。请问有什么想知道？`,
      thanks: ({ bot }) => `不用客气！还有其他关于「${bot}」的问题吗？`,
      farewell: ({ phone }) => `再见！如需更多协助，请致电 ${phone}。`,
      identity: ({ bot, phone }) => `我是根据「${bot}」常见问题作答的自动助理。如需与职员联络，请致电 ${phone}。`,
      wellbeing: ({ bot }) => `我很好，谢谢！请问有什么关于「${bot}」的问题？`,
      joke: ({ bot }) => `抱歉，我只认识「${bot}」的事。请问有什么想查询？`,
    },
    onlyInOtherLanguage: '（此答案只有英文版本。）',
    source: '资料来源',
  },
};
