/**
 * Token arithmetic without a tokenizer. Each provider tokenises differently and none of their
 * vocabularies ships with govchat, so budgets use a deliberately rough estimate: about one token per
 * CJK character (true within ~30% for current multilingual models) and one per four other
 * characters (the usual English figure). Budgets built on it keep a safety margin.
 */

// Han ideographs, CJK punctuation, kana, hangul and full-width forms: one token each, roughly.
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3ffff}]/gu;

/**
 * Approximate token count of `text`: ~1 per CJK character, ~1 per 4 other characters.
 *
 * @example
 * estimateTokens('How do I renew my passport?'); // 7
 * estimateTokens('點樣續領護照');                  // 6
 */
export function estimateTokens(text: string): number {
  if (text === '') return 0;
  const wide = text.match(WIDE)?.length ?? 0;
  const narrow = [...text.replace(WIDE, '')].length;
  return wide + Math.ceil(narrow / 4);
}

/**
 * The newest items whose estimated tokens fit in `budget`, oldest first. An item that does not fit
 * ends the selection (skipping it would leave a gap in a conversation), so the result is always a
 * contiguous suffix.
 *
 * @example
 * trimToTokenBudget(['first turn', 'second turn', 'third turn'], 16, (t) => t); // ['second turn', 'third turn']
 */
export function trimToTokenBudget<T>(items: readonly T[], budget: number, textOf: (item: T) => string): T[] {
  const kept: T[] = [];
  let used = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    const cost = estimateTokens(textOf(item)) + MESSAGE_OVERHEAD;
    if (used + cost > budget) break;
    used += cost;
    kept.unshift(item);
  }
  return kept;
}

/** Tokens a chat message costs beyond its text (role markers, separators), as chat formats add them. */
export const MESSAGE_OVERHEAD = 4;
