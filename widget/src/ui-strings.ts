import type { AnswerLang, ClientErrorCode } from '@govchat/protocol';

/**
 * Every string the widget shows or announces, for each UI language, in one table — so a
 * translator (or a reviewer checking that nothing was left in English) reads one file.
 * Functions take the values that must be spliced in, so word order can differ per language.
 */
export interface UiStrings {
  /** Accessible name of the launcher button; `name` is the bot's display name. */
  openChat: (name: string) => string;
  closeChat: string;
  /** Heading used when the bot's config has not loaded (or `data-title` is absent). */
  defaultTitle: string;
  /** Greeting used when the bot's config has none in this language. */
  defaultGreeting: (name: string) => string;
  languageSwitch: string;
  inputLabel: string;
  inputPlaceholder: string;
  send: string;
  stop: string;
  typing: string;
  suggestedHeading: string;
  sourcesHeading: string;
  relatedHeading: string;
  /** Visually hidden prefixes so screen readers know who said what. */
  youSaid: string;
  botSaid: string;
  ratingQuestion: string;
  rateUp: string;
  rateDown: string;
  commentLabel: string;
  commentSend: string;
  feedbackThanks: string;
  contactUs: string;
  contactHeading: string;
  hotline: string;
  website: string;
  email: string;
  notFoundContact: string;
  connecting: string;
  offline: string;
  backOnline: string;
  botUnavailable: string;
  interrupted: string;
  corrected: string;
  micStart: string;
  micStop: string;
  micListening: string;
  micFailed: string;
  opensInNewTab: string;
  /** Error shown in place of an answer, by protocol error code. */
  errors: Partial<Record<ClientErrorCode, string>> & { generic: string };
}

/** Short visible labels of the EN / 繁 / 简 switch and their spoken names (in their own language). */
export const LANGUAGE_LABELS: Record<AnswerLang, { short: string; name: string }> = {
  en: { short: 'EN', name: 'English' },
  'zh-HK': { short: '繁', name: '繁體中文' },
  'zh-CN': { short: '简', name: '简体中文' },
};

/** The UI string table: English, Traditional Chinese (Hong Kong) and Simplified Chinese. */
export const UI_STRINGS: Record<AnswerLang, UiStrings> = {
  en: {
    openChat: (name) => `Chat with ${name}`,
    closeChat: 'Close chat',
    defaultTitle: 'Ask us',
    defaultGreeting: (name) => `Hello! Ask me anything about ${name}.`,
    languageSwitch: 'Language',
    inputLabel: 'Your question',
    inputPlaceholder: 'Type your question…',
    send: 'Send',
    stop: 'Stop',
    typing: 'Typing…',
    suggestedHeading: 'You can ask',
    sourcesHeading: 'Sources',
    relatedHeading: 'Related questions',
    youSaid: 'You said:',
    botSaid: 'Answer:',
    ratingQuestion: 'Was this helpful?',
    rateUp: 'Helpful',
    rateDown: 'Not helpful',
    commentLabel: 'Tell us more (optional)',
    commentSend: 'Send comment',
    feedbackThanks: 'Thank you for your feedback.',
    contactUs: 'Contact us',
    contactHeading: 'Contact us',
    hotline: 'Hotline',
    website: 'Website',
    email: 'Email',
    notFoundContact: 'You can also contact us:',
    connecting: 'Connecting…',
    offline: 'You are offline. Reconnecting…',
    backOnline: 'Connected again.',
    botUnavailable: 'This service is not available at the moment.',
    interrupted: 'The connection was lost before the answer finished. Please ask again.',
    corrected: 'Answer corrected: showing the official FAQ answer.',
    micStart: 'Speak your question',
    micStop: 'Stop listening',
    micListening: 'Listening…',
    micFailed: 'Sorry, I could not hear that. Please try again or type your question.',
    opensInNewTab: '(opens in a new tab)',
    errors: {
      generic: 'Sorry, something went wrong. Please try again.',
      INVALID_INPUT: 'Sorry, I could not read that question. Please rephrase it.',
      PAYLOAD_TOO_LARGE: 'That question is too long. Please shorten it.',
      RATE_LIMITED: 'Too many questions at once. Please wait a moment and try again.',
      BUSY: 'The service is busy. Please try again in a moment.',
      TIMEOUT: 'The answer took too long. Please try again.',
      CANCELLED: 'Stopped.',
      BOT_NOT_FOUND: 'This service is not available at the moment.',
      INDEX_NOT_FOUND: 'This service is not available at the moment.',
    },
  },
  'zh-HK': {
    openChat: (name) => `與${name}對話`,
    closeChat: '關閉對話',
    defaultTitle: '查詢',
    defaultGreeting: (name) => `你好！歡迎查詢有關${name}的問題。`,
    languageSwitch: '語言',
    inputLabel: '你的問題',
    inputPlaceholder: '請輸入你的問題…',
    send: '發送',
    stop: '停止',
    typing: '正在輸入…',
    suggestedHeading: '你可以問',
    sourcesHeading: '資料來源',
    relatedHeading: '相關問題',
    youSaid: '你說：',
    botSaid: '回答：',
    ratingQuestion: '這個回答有幫助嗎？',
    rateUp: '有幫助',
    rateDown: '沒有幫助',
    commentLabel: '補充意見（可選填）',
    commentSend: '提交意見',
    feedbackThanks: '多謝你的意見。',
    contactUs: '聯絡我們',
    contactHeading: '聯絡我們',
    hotline: '熱線',
    website: '網站',
    email: '電郵',
    notFoundContact: '你亦可聯絡我們：',
    connecting: '正在連線…',
    offline: '網絡已中斷，正在重新連線…',
    backOnline: '已重新連線。',
    botUnavailable: '此服務暫時未能使用。',
    interrupted: '回答完成前連線中斷，請再問一次。',
    corrected: '答案已更正：以下為常見問題的正式答案。',
    micStart: '用語音提問',
    micStop: '停止聆聽',
    micListening: '正在聆聽…',
    micFailed: '抱歉，未能聽清楚，請再試或輸入你的問題。',
    opensInNewTab: '（在新分頁開啟）',
    errors: {
      generic: '抱歉，系統出現問題，請再試一次。',
      INVALID_INPUT: '抱歉，未能理解這個問題，請換個方式再問。',
      PAYLOAD_TOO_LARGE: '問題太長，請縮短後再問。',
      RATE_LIMITED: '提問次數過多，請稍等片刻再試。',
      BUSY: '系統繁忙，請稍後再試。',
      TIMEOUT: '回答時間過長，請再試一次。',
      CANCELLED: '已停止。',
      BOT_NOT_FOUND: '此服務暫時未能使用。',
      INDEX_NOT_FOUND: '此服務暫時未能使用。',
    },
  },
  'zh-CN': {
    openChat: (name) => `与${name}对话`,
    closeChat: '关闭对话',
    defaultTitle: '查询',
    defaultGreeting: (name) => `您好！欢迎查询有关${name}的问题。`,
    languageSwitch: '语言',
    inputLabel: '您的问题',
    inputPlaceholder: '请输入您的问题…',
    send: '发送',
    stop: '停止',
    typing: '正在输入…',
    suggestedHeading: '您可以问',
    sourcesHeading: '资料来源',
    relatedHeading: '相关问题',
    youSaid: '您说：',
    botSaid: '回答：',
    ratingQuestion: '这个回答有帮助吗？',
    rateUp: '有帮助',
    rateDown: '没有帮助',
    commentLabel: '补充意见（选填）',
    commentSend: '提交意见',
    feedbackThanks: '谢谢您的意见。',
    contactUs: '联系我们',
    contactHeading: '联系我们',
    hotline: '热线',
    website: '网站',
    email: '电子邮箱',
    notFoundContact: '您也可以联系我们：',
    connecting: '正在连接…',
    offline: '网络已中断，正在重新连接…',
    backOnline: '已重新连接。',
    botUnavailable: '此服务暂时无法使用。',
    interrupted: '回答完成前连接中断，请再问一次。',
    corrected: '答案已更正：以下为常见问题的正式答案。',
    micStart: '用语音提问',
    micStop: '停止聆听',
    micListening: '正在聆听…',
    micFailed: '抱歉，未能听清楚，请再试或输入您的问题。',
    opensInNewTab: '（在新标签页打开）',
    errors: {
      generic: '抱歉，系统出现问题，请再试一次。',
      INVALID_INPUT: '抱歉，未能理解这个问题，请换个方式再问。',
      PAYLOAD_TOO_LARGE: '问题太长，请缩短后再问。',
      RATE_LIMITED: '提问次数过多，请稍等片刻再试。',
      BUSY: '系统繁忙，请稍后再试。',
      TIMEOUT: '回答时间过长，请再试一次。',
      CANCELLED: '已停止。',
      BOT_NOT_FOUND: '此服务暂时无法使用。',
      INDEX_NOT_FOUND: '此服务暂时无法使用。',
    },
  },
};

/** The message to show for a failed ask, in `lang`. */
export function describeError(lang: AnswerLang, code: string): string {
  const errors = UI_STRINGS[lang].errors;
  return (errors as Record<string, string | undefined>)[code] ?? errors.generic;
}
