import { describe, expect, it } from 'vitest';
import { pairedChangePValue, wilsonInterval } from './significance.js';

describe('wilsonInterval', () => {
  it.each([
    // successes, n, low, high — by hand from (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.96
    [22, 42, 0.3772, 0.6664],
    [1, 2, 0.0945, 0.9055],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
  ])('%i of %i → %f–%f', (successes, n, low, high) => {
    expect(wilsonInterval(successes, n)).toEqual({ low, high });
  });

  it('narrows as the same share is measured on more queries', () => {
    const small = wilsonInterval(8, 10);
    const large = wilsonInterval(800, 1000);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it('knows nothing of an empty group', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it.each([
    [-1, 5],
    [6, 5],
    [1.5, 5],
    [1, Number.NaN],
  ])('rejects %s of %s, naming the function', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(/wilsonInterval/);
  });
});

describe('pairedChangePValue', () => {
  it.each([
    // regressions, fixes, p = min(1, 2 × P(X ≤ min) for X ~ Bin(flips, ½)), by hand
    [0, 0, 1],
    [1, 0, 1],
    [2, 0, 0.5],
    [0, 5, 0.0625],
    [6, 1, 0.125],
    [3, 3, 1],
    [12, 1, 0.0034],
  ])('%i regressions, %i fixes → p = %f', (regressions, fixes, p) => {
    expect(pairedChangePValue(regressions, fixes)).toBe(p);
  });

  it('is symmetric: it tests for any change, better or worse', () => {
    expect(pairedChangePValue(9, 2)).toBe(pairedChangePValue(2, 9));
  });

  it('stays exact for a thousand flips, where 2^1000 overflows a double', () => {
    // Σ C(1000, k) for k ≤ 480, × 2 / 2^1000, by Python's exact integers: 0.21736…
    expect(pairedChangePValue(520, 480)).toBe(0.2174);
    expect(pairedChangePValue(600, 400)).toBe(0);
    expect(pairedChangePValue(500, 500)).toBe(1);
  });

  it('rejects a count that is not a whole number ≥ 0', () => {
    expect(() => pairedChangePValue(-1, 2)).toThrow(/pairedChangePValue/);
    expect(() => pairedChangePValue(1, 0.5)).toThrow(/pairedChangePValue/);
  });
});
