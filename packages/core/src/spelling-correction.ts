/**
 * Typo repair against a bot's own vocabulary. Citizens type on phones ("continous", "recieve",
 * "pasport"); a misspelt word matches nothing and its meaning is lost. A word the bot has never
 * seen is compared with the bot's English terms one edit away (insertion, deletion, substitution
 * or transposition), found through a symmetric-delete index (every term and every term with one
 * letter removed), so a look-up costs a few hash probes however large the corpus is.
 */
export interface SpellingIndex {
  /** Known terms one edit away from an unknown term (empty when the term is known or too short). */
  suggest(term: string): readonly string[];
}

/** Terms shorter than this are not repaired: one edit turns short words into other words (tax → tap). */
export const MIN_CORRECTABLE_LENGTH = 5;

const LATIN = /^[a-z]+$/;

/**
 * @example
 * const index = buildSpellingIndex(['continu', 'passport']);
 * index.suggest('contin')   // ['continu']
 * index.suggest('pasport')  // ['passport']
 */
export function buildSpellingIndex(vocabulary: Iterable<string>): SpellingIndex {
  const known = new Set<string>();
  const byDelete = new Map<string, string[]>();
  const file = (key: string, term: string): void => {
    const list = byDelete.get(key);
    if (list === undefined) byDelete.set(key, [term]);
    else if (list[list.length - 1] !== term) list.push(term);
  };
  for (const term of vocabulary) {
    if (!LATIN.test(term) || term.length < MIN_CORRECTABLE_LENGTH - 1) continue;
    known.add(term);
    file(term, term);
    for (const variant of deletes(term)) file(variant, term);
  }
  return {
    suggest(term) {
      if (known.has(term) || !LATIN.test(term) || term.length < MIN_CORRECTABLE_LENGTH) return [];
      const out = new Set<string>();
      for (const key of [term, ...deletes(term)]) for (const candidate of byDelete.get(key) ?? []) if (isOneEdit(term, candidate)) out.add(candidate);
      return [...out];
    },
  };
}

function deletes(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein distance exactly 1 (the delete index also proposes some distance-2 pairs). */
function isOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs as [number, number];
    return diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
