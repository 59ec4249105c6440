import type { BotConfig, FaqEntry } from './corpus-schema.js';

/**
 * Output filter for generated answers: links only to the bot's own domains, and nothing of the
 * system prompt. Both checks are cheap enough to run on every streamed delta, so a bad answer is
 * caught as it forms rather than after the citizen has read it.
 */

// A link as written in an answer: with a scheme, starting "www.", or a bare host name ending in a
// common top-level domain ("iamsmart.gov.hk/tc"). Stops at whitespace, CJK text and closing
// punctuation, which is where a link written inside Chinese prose ends.
const URL_IN_TEXT =
  /\b(?:https?:\/\/[^\s<>"'`()[\]{}（）【】「」『』，。；！？、]+|www\.[^\s<>"'`()[\]{}（）【】「」『』，。；！？、]+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|hk|cn|mo|tw|io|gov|edu|info|biz|co|uk|us|me|app|ai|xyz|top|ly|gl|site|online|link)\b(?:\/[^\s<>"'`()[\]{}（）【】「」『』，。；！？、]*)?)/giu;

/**
 * Every link-like string in `text` with its host name (lower case), trailing punctuation removed.
 *
 * @example
 * findUrls('Visit https://www.iamsmart.gov.hk/en/. Or call.'); // [{ url: 'https://www.iamsmart.gov.hk/en/', host: 'www.iamsmart.gov.hk' }]
 */
export function findUrls(text: string): Array<{ url: string; host: string }> {
  const found: Array<{ url: string; host: string }> = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    // An email's domain matches too: a citizen is sent there as much as to a link.
    const url = match[0].replace(/[.,:;!?'"’”)]+$/u, '');
    const host = hostOf(url);
    if (host !== undefined) found.push({ url, host });
  }
  return found;
}

/**
 * Links in `text` whose host is not one of `allowed` or a subdomain of one ("www." ignored).
 *
 * @example
 * findOffDomainUrls('See https://evil.example.com', ['iamsmart.gov.hk']); // ['https://evil.example.com']
 * findOffDomainUrls('See www.iamsmart.gov.hk/tc', ['iamsmart.gov.hk']);   // []
 */
export function findOffDomainUrls(text: string, allowed: readonly string[]): string[] {
  const domains = allowed.map(bareDomain);
  return findUrls(text)
    .filter(({ host }) => !domains.some((d) => host === d || host.endsWith(`.${d}`) || bareDomain(host) === d))
    .map(({ url }) => url);
}

/**
 * The domains a bot's answers may link to: its contact site and email domain, every FAQ's link and
 * every link written in an FAQ answer, plus `extra` (e.g. `["gov.hk"]` from config).
 *
 * @example
 * collectAllowedDomains(bot, entries, ['gov.hk']); // ['iamsmart.gov.hk', 'gov.hk', …]
 */
export function collectAllowedDomains(bot: BotConfig, entries: readonly FaqEntry[], extra: readonly string[] = []): string[] {
  const domains = new Set<string>();
  const add = (host: string | undefined): void => {
    if (host !== undefined && host !== '') domains.add(bareDomain(host));
  };
  add(hostOf(bot.contact.url));
  add(bot.contact.email?.split('@')[1]?.toLowerCase());
  for (const entry of entries) {
    if (entry.url !== undefined) add(hostOf(entry.url));
    for (const text of [entry.answer.en, entry.answer['zh-HK']]) {
      if (text !== undefined) for (const { host } of findUrls(text)) add(host);
    }
  }
  for (const domain of extra) add(domain.toLowerCase());
  return [...domains];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function bareDomain(host: string): string {
  return host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

/** Spots the system prompt (or its distinctive parts) in an answer; see `createPromptLeakDetector`. */
export interface PromptLeakDetector {
  /** The first leaked fragment found in `text`, or undefined. */
  findLeak(text: string): string | undefined;
}

/**
 * Detects an answer that repeats the system prompt's instructions. The FAQ texts inside the prompt
 * are meant to be repeated, so only the instruction lines are watched: any run of `shingleWords`
 * consecutive words (default 8) from them, any of the `markers` verbatim (a canary, the FAQ block's
 * tags), and — for Chinese instruction lines — any run of `shingleChars` characters (default 12).
 * Comparison ignores case, punctuation and spacing, so reformatting does not hide a leak.
 *
 * @example
 * const detector = createPromptLeakDetector(['Answer only from the FAQ entries between the tags below.'], ['<faq id=']);
 * detector.findLeak('My rules: answer only from the FAQ entries between the tags below'); // 'answer only from the faq entries between the'
 */
export function createPromptLeakDetector(
  instructions: readonly string[],
  markers: readonly string[] = [],
  options: { shingleWords?: number; shingleChars?: number } = {},
): PromptLeakDetector {
  const wordsPerShingle = options.shingleWords ?? 8;
  const charsPerShingle = options.shingleChars ?? 12;
  const wordShingles = new Set<string>();
  const charShingles = new Set<string>();
  for (const line of instructions) {
    const words = toWords(line);
    for (let i = 0; i + wordsPerShingle <= words.length; i++) wordShingles.add(words.slice(i, i + wordsPerShingle).join(' '));
    const han = toHan(line);
    for (let i = 0; i + charsPerShingle <= han.length; i++) charShingles.add(han.slice(i, i + charsPerShingle));
  }
  const lowerMarkers = markers.filter((m) => m !== '').map((m) => m.toLowerCase());
  return {
    findLeak(text) {
      const lower = text.toLowerCase();
      const marker = lowerMarkers.find((m) => lower.includes(m));
      if (marker !== undefined) return marker;
      const words = toWords(text);
      for (let i = 0; i + wordsPerShingle <= words.length; i++) {
        const shingle = words.slice(i, i + wordsPerShingle).join(' ');
        if (wordShingles.has(shingle)) return shingle;
      }
      const han = toHan(text);
      for (let i = 0; i + charsPerShingle <= han.length; i++) {
        const shingle = han.slice(i, i + charsPerShingle);
        if (charShingles.has(shingle)) return shingle;
      }
      return undefined;
    },
  };
}

function toWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !/\p{Script=Han}/u.test(w));
}

function toHan(text: string): string {
  return (text.normalize('NFKC').match(/\p{Script=Han}/gu) ?? []).join('');
}
