import type { AnswerLang, PublicBotConfig, RelatedRef } from '@govchat/protocol';
import { UI_STRINGS } from './ui-strings.js';

/** Why a config could not be loaded: the bot does not exist, or the network / server failed (retryable). */
export type ConfigFailure = 'not-found' | 'unavailable';

/** Result of fetching a bot's public config. */
export type ConfigResult = { ok: true; config: PublicBotConfig } | { ok: false; reason: ConfigFailure };

/** Fetches `GET <server>/api/bots/<bot>`. Never throws. */
export async function fetchBotConfig(server: string, bot: string, fetchImpl: typeof fetch = fetch): Promise<ConfigResult> {
  const url = `${server.replace(/\/+$/, '')}/api/bots/${encodeURIComponent(bot)}`;
  try {
    const response = await fetchImpl(url, { headers: { accept: 'application/json' }, credentials: 'omit' });
    if (response.status === 404) return { ok: false, reason: 'not-found' };
    if (!response.ok) return { ok: false, reason: 'unavailable' };
    const config = (await response.json()) as PublicBotConfig;
    if (typeof config !== 'object' || config === null || typeof config.id !== 'string') return { ok: false, reason: 'unavailable' };
    return { ok: true, config };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

/**
 * Picks a bilingual config text for `lang`. Configs carry `en` and `zh-HK`; a `zh-CN` entry is used
 * when the server provides one, otherwise `undefined` so the caller can fall back to a Simplified
 * UI string rather than show Traditional characters under a 简 switch.
 */
function pickText(texts: Partial<Record<AnswerLang, string>> | undefined, lang: AnswerLang): string | undefined {
  const text = texts?.[lang];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/** The bot's display name in `lang` (a proper name: Traditional is acceptable under 简 when no Simplified one exists). */
export function selectBotName(config: PublicBotConfig | undefined, lang: AnswerLang, title?: string): string {
  if (title) return title;
  const names = config?.name as Partial<Record<AnswerLang, string>> | undefined;
  const chinese = lang === 'en' ? undefined : pickText(names, lang) ?? pickText(names, 'zh-HK');
  return (lang === 'en' ? pickText(names, 'en') : chinese) ?? pickText(names, 'en') ?? UI_STRINGS[lang].defaultTitle;
}

/** The greeting in `lang`, or a generic one in that language's UI strings. */
export function selectGreeting(config: PublicBotConfig | undefined, lang: AnswerLang, name: string): string {
  return pickText(config?.greeting as Partial<Record<AnswerLang, string>> | undefined, lang) ?? UI_STRINGS[lang].defaultGreeting(name);
}

/** Suggested starter questions in `lang`. */
export function selectSuggested(config: PublicBotConfig | undefined, lang: AnswerLang): RelatedRef[] {
  const list = config?.suggested?.[lang];
  return Array.isArray(list) ? list.filter((q) => typeof q?.question === 'string' && q.question !== '') : [];
}
