import { ANSWER_MESSAGES, localiseQuestion, toSimplified, type BotEngine } from '@govchat/core';
import type { AnswerLang, PublicBotConfig, RelatedRef } from '@govchat/protocol';

const ANSWER_LANGS: readonly AnswerLang[] = ['en', 'zh-HK', 'zh-CN'];

/**
 * What a widget needs to draw itself, and nothing else from bot.json (no allowed origins, no
 * answerer settings): names, greeting, contact, colour, the department's starter questions and its
 * fallback text in each answer language.
 *
 * @example res.json(toPublicBotConfig(bots.require('housing')));
 */
export function toPublicBotConfig(engine: BotEngine): PublicBotConfig {
  const bot = engine.config;
  const suggested = Object.fromEntries(
    ANSWER_LANGS.map((lang) => [
      lang,
      (bot.suggested ?? []).flatMap((id): RelatedRef[] => {
        const entry = engine.index.entryById(id);
        return entry === undefined ? [] : [{ id, question: localiseQuestion(entry, lang) }];
      }),
    ]),
  ) as Record<AnswerLang, RelatedRef[]>;
  const fallback = Object.fromEntries(
    ANSWER_LANGS.map((lang) => {
      const own = bot.fallback?.[lang === 'en' ? 'en' : 'zh-HK'];
      const contact = { bot: bot.name[lang === 'en' ? 'en' : 'zh-HK'], phone: bot.contact.phone, url: bot.contact.url };
      const text = own === undefined ? ANSWER_MESSAGES[lang].fallback(contact) : lang === 'zh-CN' ? toSimplified(own) : own;
      return [lang, text];
    }),
  ) as Record<AnswerLang, string>;
  return {
    id: bot.id,
    name: { en: bot.name.en, 'zh-HK': bot.name['zh-HK'], 'zh-CN': toSimplified(bot.name['zh-HK']) },
    greeting: { en: bot.greeting.en, 'zh-HK': bot.greeting['zh-HK'], 'zh-CN': toSimplified(bot.greeting['zh-HK']) },
    contact: { phone: bot.contact.phone, url: bot.contact.url, ...(bot.contact.email === undefined ? {} : { email: bot.contact.email }) },
    ...(bot.theme === undefined ? {} : { theme: { color: bot.theme.color } }),
    suggested,
    fallback,
  };
}
