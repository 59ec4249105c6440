import type { AnswerLang } from './detect-language.js';
import { toSimplified, toTraditional } from './normalise-text.js';

/**
 * Puts text in the script the citizen reads: Simplified for zh-CN, Hong Kong Traditional for
 * zh-HK, unchanged for English (Chinese names inside an English answer stay as written).
 *
 * @example
 * toAnswerScript('請帶同身份證', 'zh-CN'); // '请带同身份证'
 * toAnswerScript('请带同身份证', 'zh-HK'); // '請帶同身份證'
 */
export function toAnswerScript(text: string, lang: AnswerLang): string {
  if (lang === 'zh-CN') return toSimplified(text);
  if (lang === 'zh-HK') return toTraditional(text);
  return text;
}

/** Script conversion of a stream of deltas; see `createScriptStream`. */
export interface ScriptStream {
  /** Takes the next delta; returns converted text that is now final (possibly ''). */
  push(delta: string): string;
  /** Ends the stream: converts and returns what was held back. */
  flush(): string;
}

// OpenCC converts phrases as well as characters, and a phrase never spans punctuation or a line
// break: text is converted up to the last such boundary, so a delta boundary cannot split one.
const BOUNDARY = /[\s，。！？；：、,.!?;:)）」』】]/u;
// Without a boundary for this long (a long run of Chinese), convert anyway: waiting longer delays
// the citizen more than a rare phrase split costs.
const MAX_HELD = 24;

/**
 * Streaming `toAnswerScript`: the concatenation of everything returned equals the conversion of
 * the pieces it was cut at, and cuts fall on punctuation or whitespace whenever possible.
 *
 * @example
 * const s = createScriptStream('zh-CN');
 * s.push('請帶同香港'); // ''  (no boundary yet)
 * s.push('身份證。然後'); // '请带同香港身份证。'
 * s.flush();            // '然后'
 */
export function createScriptStream(lang: AnswerLang): ScriptStream {
  if (lang === 'en') return { push: (delta) => delta, flush: () => '' };
  let held = '';
  return {
    push(delta) {
      held += delta;
      let cut = -1;
      for (let i = held.length - 1; i >= 0; i--) {
        if (BOUNDARY.test(held[i]!)) {
          cut = i + 1;
          break;
        }
      }
      if (cut < 0 && held.length > MAX_HELD) cut = held.length;
      if (cut <= 0) return '';
      const ready = held.slice(0, cut);
      held = held.slice(cut);
      return toAnswerScript(ready, lang);
    },
    flush() {
      const rest = held;
      held = '';
      return rest === '' ? '' : toAnswerScript(rest, lang);
    },
  };
}
