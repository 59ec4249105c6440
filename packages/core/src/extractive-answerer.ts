import { ANSWER_MESSAGES } from './answer-messages.js';
import type { Answerer, AnswerContext } from './answerer.js';
import type { FaqEntry } from './corpus-schema.js';
import type { AnswerLang } from './detect-language.js';
import { toSimplified } from './normalise-text.js';

/**
 * The default answerer: the best FAQ's own answer, in the citizen's language and script. Nothing
 * is generated, so nothing can be made up.
 *
 * @example
 * const answerer = createExtractiveAnswerer();
 */
export function createExtractiveAnswerer(options: { chunkSize?: number } = {}): Answerer {
  const chunkSize = options.chunkSize ?? 12;
  return {
    name: 'extractive',
    answer: (context: AnswerContext) => streamText(localiseAnswer(context.best, context.lang), chunkSize, context.signal),
  };
}

/**
 * The entry's answer in `lang`: Traditional for zh-HK, converted to Simplified for zh-CN, and the
 * other language with a note when the department wrote only one.
 *
 * @example localiseAnswer(entry, 'zh-CN') // '请携带身份证…'
 */
export function localiseAnswer(entry: FaqEntry, lang: AnswerLang): string {
  return localise(entry.answer, lang);
}

/** The entry's question in `lang`, same rules as `localiseAnswer` but without the note. */
export function localiseQuestion(entry: FaqEntry, lang: AnswerLang): string {
  return localise(entry.question, lang, false);
}

function localise(text: FaqEntry['answer'], lang: AnswerLang, note = true): string {
  const wantsChinese = lang !== 'en';
  const own = wantsChinese ? text['zh-HK'] : text.en;
  if (own !== undefined) return lang === 'zh-CN' ? toSimplified(own) : own;
  // The department wrote this entry in one language only: give that, and say so.
  const other = (wantsChinese ? text.en : text['zh-HK']) ?? '';
  return note ? `${ANSWER_MESSAGES[lang].onlyInOtherLanguage}\n${other}` : other;
}

/**
 * Splits text into small chunks along word and sentence boundaries, so a client can render it
 * progressively; stops early when `signal` aborts.
 */
export async function* streamText(text: string, chunkSize = 12, signal?: AbortSignal): AsyncGenerator<string> {
  // Word boundaries for Latin text; every few characters for Chinese (which has no spaces).
  const pieces = text.match(/\s*[A-Za-z0-9$%@.,:;'’()/-]+[^\S\n]?|\n|[^A-Za-z0-9\s]{1,4}|\s+/gu) ?? [text];
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= chunkSize || piece === '\n') {
      if (signal?.aborted) return;
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '' && !signal?.aborted) yield chunk;
}
