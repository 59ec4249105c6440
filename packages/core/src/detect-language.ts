/**
 * Works out what a citizen wrote in and what the answer should be written in.
 *
 * Rules, applied in order to the NFKC-normalised text (so full-width ＨＫＩＤ reads as HKID):
 *
 * 1. **No Han characters → `en`.** This includes empty, digits-only and punctuation-only text.
 * 2. **Script.** Each Han character is classed by OpenCC, converting the whole text so phrases give
 *    context (皇后 keeps its 后):
 *    - *Simplified* when both cn→hk and cn→tw change it and hk→cn leaves it alone (说, 记, 么).
 *      Requiring both Traditional standards keeps out the characters that only one of them
 *      swaps for a variant, which HK writers use every day (群→羣 and 峰→峯 under hk, 温→溫 and
 *      揾→搵 under tw).
 *    - *Traditional* when both hk→cn and tw→cn change it (說, 記, 麼, 係).
 *    - Otherwise, and for 嗰 (which Simplified Cantonese writing keeps too), neutral: 我想 is both.
 *    The text is Simplified when its Simplified characters outnumber its Traditional ones; a tie,
 *    including all-neutral text, is not Simplified.
 * 3. **`mixed`** when the text has Han characters and at least one ordinary English word: a word
 *    of 2+ letters written in lower case (renew) or capitalised (Renew). All-caps tokens are
 *    acronyms (HKID, MPF, QR); camel-case tokens are product names (eTAX, iPhone); tokens with
 *    digits (9am, 2nd), URLs, e-mail addresses and domain names (gov.hk) are not words; and the
 *    caller's `properNouns` (iAM Smart, e-ME) are removed first, matched case-insensitively and
 *    with any spacing. Mostly-English text with a few Chinese characters is `mixed` too.
 * 4. **`zh-CN`** for Simplified text, even when it is Cantonese (点样…).
 * 5. **`yue`** for Traditional text with at least one Cantonese marker, counted by
 *    {@link countCantoneseMarkers} (so 嘅、咗、唔、冇、喺、啲、嘢、佢、咩、嚟、睇、攞、搵、俾、畀、係 each
 *    count on their own, while guarded words such as 關係 do not); otherwise **`zh-HK`**.
 *
 * The answer language follows: `en` → en, `zh-CN` → zh-CN, `mixed` typed in Simplified →
 * zh-CN, everything else (zh-HK, yue, mixed in Traditional) → zh-HK: the FAQs are HK Traditional
 * and the answer stays in the citizen's script.
 *
 * The OpenCC converters (chinese-script-converter.ts) take a few hundred milliseconds to build,
 * so they are built on first use rather than when the module loads.
 */
import { scriptConverter } from './chinese-script-converter.js';
import { countCantoneseMarkers } from './cantonese-lexicon.js';
import { toSimplified, toTraditional } from './normalise-text.js';

export type QueryLang = 'en' | 'zh-HK' | 'yue' | 'zh-CN' | 'mixed';
export type AnswerLang = 'en' | 'zh-HK' | 'zh-CN';

/** Every {@link QueryLang}, for schemas and exhaustive loops. */
export const QUERY_LANGS: readonly QueryLang[] = Object.freeze(['en', 'zh-HK', 'yue', 'zh-CN', 'mixed']);
/** Every {@link AnswerLang}. */
export const ANSWER_LANGS: readonly AnswerLang[] = Object.freeze(['en', 'zh-HK', 'zh-CN']);

export interface LanguageDetection {
  /** What the citizen wrote in. */
  readonly lang: QueryLang;
  /** What the answer should be written in: English for en; Simplified for zh-CN (and for mixed/yue text typed in Simplified); zh-HK otherwise. */
  readonly answerLang: AnswerLang;
  /** True when the Chinese text is in Simplified characters. */
  readonly simplified: boolean;
  /** Count of colloquial Cantonese markers found. */
  readonly cantoneseMarkers: number;
}

export interface DetectLanguageOptions {
  /**
   * Names written in Latin letters that are not English words for this purpose (product and
   * scheme names such as "iAM Smart", "e-ME"). They are removed before English words are
   * counted, so 點樣用iAM Smart stays Cantonese rather than mixed.
   */
  readonly properNouns?: readonly string[];
}

type Convert = (text: string) => string;

// cn↔hk are normalise-text's own; cn→tw and tw→cn share most of their phrase tables with them.
const CONVERTERS = {
  cnToHk: toTraditional,
  cnToTw: scriptConverter('cn', 'tw'),
  hkToCn: toSimplified,
  twToCn: scriptConverter('tw', 'cn'),
} as const;

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Han characters that Simplified Cantonese writing keeps as they are (OpenCC maps 嗰 → 𠮶). */
const NEUTRAL_HAN: ReadonlySet<string> = new Set(['嗰']);

/**
 * Converts the whole text (so OpenCC's phrase dictionary applies) and returns the result one code
 * point per input code point. If a conversion changed the length, for instance to a character
 * outside the BMP, it falls back to converting code point by code point.
 */
function convertAligned(convert: Convert, text: string, codePoints: readonly string[]): readonly string[] {
  const whole = Array.from(convert(text));
  return whole.length === codePoints.length ? whole : codePoints.map((c) => convert(c));
}

/** Counts the Han characters that only Simplified, and only Traditional, writing uses. */
function scriptEvidence(text: string): { simplified: number; traditional: number } {
  const { cnToHk, cnToTw, hkToCn, twToCn } = CONVERTERS;
  const chars = Array.from(text);
  const viaHk = convertAligned(cnToHk, text, chars);
  const viaTw = convertAligned(cnToTw, text, chars);
  const fromHk = convertAligned(hkToCn, text, chars);
  const fromTw = convertAligned(twToCn, text, chars);
  let simplified = 0;
  let traditional = 0;
  chars.forEach((c, i) => {
    if (!HAN.test(c) || NEUTRAL_HAN.has(c)) return;
    if (viaHk[i] !== c && viaTw[i] !== c && fromHk[i] === c) simplified++;
    else if (fromHk[i] !== c && fromTw[i] !== c) traditional++;
  });
  return { simplified, traditional };
}

const URL_PATTERN = /(?:https?:\/\/|www\.)[\x21-\x7E]*/giu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
// A run of letters and digits, joined by inner hyphens, apostrophes or dots (check-in, don't, gov.hk).
const TOKEN = /[A-Za-z0-9]+(?:[-'’.][A-Za-z0-9]+)*/g;
// Lower case (renew, check-in) or capitalised (Renew, I'm); at least two letters, checked apart.
const ORDINARY_WORD = /^(?:[a-z]+|[A-Z][a-z]*)(?:[-'’][a-z]+)*$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Blanks out each proper noun, case-insensitively, allowing any spacing between its words. */
function removeProperNouns(text: string, properNouns: readonly string[]): string {
  const nouns = properNouns
    .map((noun) => noun.normalize('NFKC').trim())
    .filter((noun) => noun !== '')
    .sort((a, b) => b.length - a.length); // "iAM Smart Plus" before "iAM Smart"
  let result = text;
  for (const noun of nouns) {
    const pattern = noun.split(/\s+/).map(escapeRegExp).join('\\s*');
    result = result.replace(new RegExp(`(?<![A-Za-z0-9])${pattern}(?![A-Za-z0-9])`, 'giu'), ' ');
  }
  return result;
}

/** Counts ordinary English words (see rule 3 in the module comment). */
function countEnglishWords(text: string, properNouns: readonly string[]): number {
  const cleaned = removeProperNouns(text.replace(URL_PATTERN, ' ').replace(EMAIL, ' '), properNouns);
  let words = 0;
  for (const [token] of cleaned.matchAll(TOKEN)) {
    const letters = token.replace(/[^A-Za-z]/g, '').length;
    if (letters >= 2 && ORDINARY_WORD.test(token)) words++;
  }
  return words;
}

/**
 * Detects the language a citizen's question is written in, and the language to answer in.
 *
 * @param text the citizen's question, as typed
 * @param options `properNouns`: Latin-script names ("iAM Smart") that should not make Chinese
 *   text count as mixed with English
 *
 * @example
 * detectLanguage('點樣登記智方便')        // { lang: 'yue',   answerLang: 'zh-HK', simplified: false, cantoneseMarkers: 1 }
 * detectLanguage('如何登记智方便')        // { lang: 'zh-CN', answerLang: 'zh-CN', simplified: true,  cantoneseMarkers: 0 }
 * detectLanguage('我想renew車牌要幾錢')    // { lang: 'mixed', answerLang: 'zh-HK', simplified: false, cantoneseMarkers: 1 }
 * detectLanguage('點樣用iAM Smart', { properNouns: ['iAM Smart'] }).lang   // 'yue'
 * detectLanguage('How do I renew my HKID?').lang                          // 'en'
 */
export function detectLanguage(text: string, options?: DetectLanguageOptions): LanguageDetection {
  const normalized = text.normalize('NFKC');
  const hanCount = normalized.match(HAN_GLOBAL)?.length ?? 0;
  if (hanCount === 0) {
    return { lang: 'en', answerLang: 'en', simplified: false, cantoneseMarkers: 0 };
  }

  const evidence = scriptEvidence(normalized);
  const simplified = evidence.simplified > evidence.traditional;
  // The lexicon reads Traditional characters, so Simplified text is converted before counting.
  const traditionalText = simplified ? CONVERTERS.cnToHk(normalized) : normalized;
  const cantoneseMarkers = countCantoneseMarkers(traditionalText);
  const chineseAnswer: AnswerLang = simplified ? 'zh-CN' : 'zh-HK';

  let lang: QueryLang;
  if (countEnglishWords(normalized, options?.properNouns ?? []) > 0) lang = 'mixed';
  else if (simplified) lang = 'zh-CN';
  else if (cantoneseMarkers > 0) lang = 'yue';
  else lang = 'zh-HK';

  return { lang, answerLang: chineseAnswer, simplified, cantoneseMarkers };
}

/**
 * True for the five {@link QueryLang} values.
 *
 * @example
 * isQueryLang('yue')   // true
 * isQueryLang('zh-TW') // false
 */
export function isQueryLang(value: unknown): value is QueryLang {
  return typeof value === 'string' && (QUERY_LANGS as readonly string[]).includes(value);
}

/**
 * True for the three {@link AnswerLang} values.
 *
 * @example
 * isAnswerLang('zh-CN') // true
 * isAnswerLang('yue')   // false: Cantonese questions are answered in written Chinese
 */
export function isAnswerLang(value: unknown): value is AnswerLang {
  return typeof value === 'string' && (ANSWER_LANGS as readonly string[]).includes(value);
}
