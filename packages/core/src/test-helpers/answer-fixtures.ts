import { answerEvents, botConfigSchema, faqEntrySchema, type Answerer, type AnswerContext, type AnswerEvent, type BotConfig, type FaqEntry } from '../index.js';

/**
 * A small bot and three FAQs for answerer tests that need no index: contexts are built by hand,
 * so a test controls exactly what was "retrieved" and how confident retrieval was.
 */
export const TEST_BOT: BotConfig = botConfigSchema.parse({
  id: 'iam-smart',
  name: { en: 'iAM Smart', 'zh-HK': '智方便' },
  greeting: { en: 'Hi', 'zh-HK': '你好' },
  contact: { phone: '182 123', url: 'https://www.iamsmart.gov.hk' },
});

export const TEST_FAQS: readonly FaqEntry[] = [
  {
    id: 'register-in-person',
    question: { en: 'How do I register for iAM Smart in person?', 'zh-HK': '如何親身登記「智方便」？' },
    answer: {
      en: 'Bring your Hong Kong Identity Card to a registration service point, such as a post office. Details: https://www.iamsmart.gov.hk/en/reg.html. Enquiries: 182 123 or enquiry@iamsmart.gov.hk.',
      'zh-HK': '請帶同香港身份證前往登記服務點，例如郵政局。查詢請致電 182 123。',
    },
    url: 'https://www.iamsmart.gov.hk/en/reg.html',
  },
  {
    id: 'register-remotely-app',
    question: { en: 'Can I register remotely with the app?', 'zh-HK': '可否透過應用程式遙距登記？' },
    answer: { en: 'Yes. Download the app and follow the steps to register remotely.', 'zh-HK': '可以。下載應用程式後按指示遙距登記。' },
  },
  {
    id: 'lost-phone-suspend',
    question: { en: 'I lost my phone. What should I do?', 'zh-HK': '遺失手機怎麼辦？' },
    answer: { en: 'Call 182 123 to suspend your iAM Smart account.', 'zh-HK': '請致電 182 123 暫停「智方便」帳戶。' },
  },
].map((entry) => faqEntrySchema.parse(entry));

export const [REGISTER_IN_PERSON, REGISTER_REMOTELY, LOST_PHONE] = TEST_FAQS as [FaqEntry, FaqEntry, FaqEntry];

/**
 * A context where retrieval found `hits` (default: the two registration FAQs, not the lost-phone
 * one) with `confidence` (default 0.6: above abstention, below the shortcut).
 *
 * @example const context = answerContext({ question: '点样登记', lang: 'zh-CN' });
 */
export function answerContext(overrides: Partial<AnswerContext> & { confidence?: number; hits?: readonly FaqEntry[] } = {}): AnswerContext {
  const { confidence = 0.6, hits = [REGISTER_IN_PERSON, REGISTER_REMOTELY], ...rest } = overrides;
  return {
    question: 'How do I register for iAM Smart?',
    history: [],
    lang: 'en',
    bot: TEST_BOT,
    retrieval: {
      hits: hits.map((entry, i) => ({ entry, score: 1 - i * 0.1, signals: { bm25: 1, dense: 0.8, coverage: 0.9 } })),
      confidence,
      usedHistory: false,
    },
    best: hits[0] ?? REGISTER_IN_PERSON,
    ...rest,
  };
}

/** All events of one answer. */
export async function collectEvents(answerer: Answerer, context: AnswerContext): Promise<AnswerEvent[]> {
  const events: AnswerEvent[] = [];
  for await (const event of answerEvents(answerer, context)) events.push(event);
  return events;
}

/** The final event of an event list (throws when there is none). */
export function finalOf(events: readonly AnswerEvent[]): Extract<AnswerEvent, { type: 'final' }> {
  const final = events.find((e): e is Extract<AnswerEvent, { type: 'final' }> => e.type === 'final');
  if (final === undefined) throw new Error(`no final event in ${JSON.stringify(events)}`);
  return final;
}

/** The deltas of an event list, in order. */
export function deltasOf(events: readonly AnswerEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'delta' ? [e.text] : []));
}

/** A logger that keeps what it was told. */
export function memoryLogger(): { entries: Array<{ level: 'info' | 'warn'; entry: Record<string, unknown>; message: string }>; info: (e: Record<string, unknown>, m: string) => void; warn: (e: Record<string, unknown>, m: string) => void } {
  const entries: Array<{ level: 'info' | 'warn'; entry: Record<string, unknown>; message: string }> = [];
  return {
    entries,
    info: (entry, message) => entries.push({ level: 'info', entry, message }),
    warn: (entry, message) => entries.push({ level: 'warn', entry, message }),
  };
}
