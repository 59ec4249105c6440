import { FAQ_ID_PATTERN } from './corpus-schema.js';

/**
 * The citation syntax an LLM answer uses: `[faq:ID]` after the sentence it supports, several ids
 * allowed (`[faq:a, faq:b]` or `[faq:a][faq:b]`). Models trained mostly on Chinese often write
 * full-width brackets (【faq:a】, ［faq:a］) and a full-width colon, so those count too. Citations
 * are machine-readable: they are removed from the text the citizen sees and reported separately.
 */
export const CITATION_EXAMPLE = '[faq:register-in-person]';

const OPENERS = '[【［';
const CLOSERS = ']】］';
// Horizontal whitespace before a citation goes with it: "in person [faq:x]." → "in person."
const COMPLETE_CITATION = /[ \t\u3000]*[[【［]\s*faq\s*[:：]\s*([^\]】］\n]{0,400}?)\s*[\]】］]/giu;
// What an unfinished citation can look like at the end of a stream so far.
const CITATION_PREFIX = /^[[【［]\s*(?:f(?:a(?:q(?:\s*(?:[:：][^\]】］\n]*)?)?)?)?)?$/iu;
const MAX_PENDING = 420;

export interface CitationScan {
  /** The text with citations removed. */
  readonly text: string;
  /** Cited FAQ ids, in order of first citation, without repeats. */
  readonly citations: readonly string[];
}

/**
 * Removes every citation from a whole answer and lists the ids cited.
 *
 * @example
 * extractCitations('Bring your HKID [faq:register-in-person].');
 * // → { text: 'Bring your HKID.', citations: ['register-in-person'] }
 */
export function extractCitations(text: string): CitationScan {
  const stripper = createCitationStripper();
  const visible = stripper.push(text).text + stripper.flush().text;
  return { text: visible, citations: stripper.citations() };
}

/** Citation stripping for a stream of deltas; see `createCitationStripper`. */
export interface CitationStripper {
  /** Takes the next raw delta; returns the text now safe to show and the ids completed by it. */
  push(delta: string): { text: string; cited: string[] };
  /** Ends the stream: returns everything held back (an unfinished citation is still parsed). */
  flush(): { text: string; cited: string[] };
  /** Every id cited so far, in order, without repeats. */
  citations(): string[];
}

/**
 * A streaming citation remover: text that might be the start of a citation (`[`, `[fa`, `[faq:reg`)
 * is held back until it is known, so the citizen never sees half a citation.
 *
 * @example
 * const s = createCitationStripper();
 * s.push('Bring your HKID [faq:reg'); // { text: 'Bring your HKID', cited: [] }
 * s.push('ister]. Done');             // { text: '. Done', cited: ['register'] }
 */
export function createCitationStripper(): CitationStripper {
  let pending = '';
  const seen: string[] = [];

  function take(text: string): { text: string; cited: string[] } {
    const cited: string[] = [];
    const visible = text.replace(COMPLETE_CITATION, (_match, inner: string) => {
      for (const id of parseIds(inner)) {
        cited.push(id);
        if (!seen.includes(id)) seen.push(id);
      }
      return '';
    });
    return { text: visible, cited };
  }

  return {
    push(delta) {
      // Complete citations can only start inside the held-back part, so scanning it is enough.
      const done = take(pending + delta);
      const hold = holdBackFrom(done.text);
      pending = done.text.slice(hold);
      return { text: done.text.slice(0, hold), cited: done.cited };
    },
    flush() {
      const done = take(pending);
      pending = '';
      // A stream cut off inside "[faq:a" still cited a.
      const open = /[[【［]\s*faq\s*[:：]\s*([^\]】］\n]*)$/iu.exec(done.text);
      if (open === null) return done;
      const ids = parseIds(open[1] ?? '');
      for (const id of ids) if (!seen.includes(id)) seen.push(id);
      return { text: done.text.slice(0, open.index).replace(/[ \t\u3000]+$/u, ''), cited: [...done.cited, ...ids] };
    },
    citations: () => [...seen],
  };
}

/** Where the part of `text` that must wait for more input begins. */
function holdBackFrom(text: string): number {
  let start = text.length;
  for (let i = text.length - 1; i >= 0 && text.length - i <= MAX_PENDING; i--) {
    if (CLOSERS.includes(text[i]!)) break;
    if (OPENERS.includes(text[i]!)) {
      if (CITATION_PREFIX.test(text.slice(i))) start = i;
      break;
    }
  }
  // Whitespace right before a possible citation belongs to it; at the very end it may too.
  while (start > 0 && /[ \t\u3000]/u.test(text[start - 1]!)) start--;
  return start;
}

function parseIds(inner: string): string[] {
  return inner
    .split(/[\s,，;；、]+/u)
    .map((token) => token.replace(/^faq\s*[:：]/iu, '').trim())
    .filter((token) => token !== '' && FAQ_ID_PATTERN.test(token));
}
