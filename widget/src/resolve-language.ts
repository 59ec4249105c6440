import type { AnswerLang } from '@govchat/protocol';

/** The widget's three UI / answer languages, in switch order. */
export const ANSWER_LANGS: readonly AnswerLang[] = ['en', 'zh-HK', 'zh-CN'];

/** Whether `value` is one of the widget's languages, spelled exactly. */
export function isAnswerLang(value: unknown): value is AnswerLang {
  return typeof value === 'string' && (ANSWER_LANGS as readonly string[]).includes(value);
}

/**
 * Maps one BCP 47 tag to a widget language, or undefined when it is not English or Chinese.
 * Simplified-script Chinese (zh-CN, zh-SG, zh-Hans…) → zh-CN; every other Chinese tag, including
 * Cantonese (yue, zh-yue) and bare `zh` on a Hong Kong service, → zh-HK.
 */
export function matchLanguageTag(tag: string): AnswerLang | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (lower === '') return undefined;
  const [primary = '', ...rest] = lower.split('-');
  if (primary === 'en') return 'en';
  if (primary === 'yue') return 'zh-HK';
  if (primary !== 'zh') return undefined;
  if (rest.includes('hant')) return 'zh-HK';
  if (rest.includes('hans') || rest.includes('cn') || rest.includes('sg') || rest.includes('my')) return 'zh-CN';
  return 'zh-HK';
}

/** What the embedding page and the browser say about language. */
export interface LanguageHints {
  /** `data-lang` / `lang` attribute of the widget: a language, `auto`, or absent. */
  requested?: string | null;
  /** `<html lang>` of the host page. */
  pageLang?: string | null;
  /** `navigator.languages` (most preferred first). */
  browserLangs?: readonly string[];
}

/**
 * Resolves the widget's starting language. An explicit `data-lang` wins; with `auto` (or nothing)
 * the page's own `lang` is next — the department chose it for this page — then the browser's
 * preferences; English when nothing matches, as Hong Kong government sites default to it.
 */
export function resolveLanguage(hints: LanguageHints): AnswerLang {
  const requested = hints.requested?.trim();
  if (requested && requested.toLowerCase() !== 'auto') {
    const explicit = isAnswerLang(requested) ? requested : matchLanguageTag(requested);
    if (explicit) return explicit;
  }
  const fromPage = hints.pageLang ? matchLanguageTag(hints.pageLang) : undefined;
  if (fromPage) return fromPage;
  for (const tag of hints.browserLangs ?? []) {
    const match = matchLanguageTag(tag);
    if (match) return match;
  }
  return 'en';
}

/** Whether the embedder fixed the language (anything but `auto` / absent / unrecognised). */
export function isExplicitLanguage(requested: string | null | undefined): boolean {
  const value = requested?.trim();
  if (!value || value.toLowerCase() === 'auto') return false;
  return isAnswerLang(value) || matchLanguageTag(value) !== undefined;
}

/** Speech-recognition locale for each language: Cantonese, Hong Kong English, Putonghua. */
export const SPEECH_LOCALES: Record<AnswerLang, string> = {
  en: 'en-HK',
  'zh-HK': 'zh-HK',
  'zh-CN': 'zh-CN',
};
