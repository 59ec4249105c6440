import { describe, expect, it } from 'vitest';
import { estimateTokens, trimToTokenBudget } from './index.js';

describe('estimateTokens', () => {
  it('counts about one token per CJK character and one per four other characters', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('點樣續領護照')).toBe(6);
    expect(estimateTokens('abcd'.repeat(10))).toBe(10);
    expect(estimateTokens('iAM Smart 智方便')).toBe(3 + Math.ceil('iAM Smart '.length / 4));
    expect(estimateTokens('𠮷𠮷')).toBe(2); // outside the BMP: one each, not two
  });
});

describe('trimToTokenBudget', () => {
  const turns = ['first turn', 'second turn', 'third turn'];

  it('keeps the newest items that fit, in order', () => {
    expect(trimToTokenBudget(turns, 16, (t) => t)).toEqual(['second turn', 'third turn']);
    expect(trimToTokenBudget(turns, 1000, (t) => t)).toEqual(turns);
    expect(trimToTokenBudget(turns, 0, (t) => t)).toEqual([]);
  });

  it('stops at the first item that does not fit rather than leaving a gap', () => {
    const items = ['short', 'x'.repeat(400), 'short'];
    expect(trimToTokenBudget(items, 50, (t) => t)).toEqual(['short']);
  });
});
