import { describe, expect, it } from 'vitest';
import { createCooccurrenceEmbedder, fitCooccurrenceModel } from './cooccurrence-embedder.js';

const bags = [
  new Map([
    ['renew', 1],
    ['passport', 2],
  ]),
  new Map([
    ['apply', 1],
    ['housing', 1],
  ]),
  new Map([
    ['renew', 1],
    ['licence', 1],
  ]),
];

describe('CooccurrenceEmbedder.embedTermsInto', () => {
  const embedder = createCooccurrenceEmbedder(fitCooccurrenceModel(bags, { dimension: 16, mix: 0.6, seed: 7 }));
  const terms = [
    { term: 'renew', weight: 1 },
    { term: 'passport', weight: 1.5 },
    // Not in the fit: embedded by its own hashed direction.
    { term: 'visa', weight: 1 },
  ];

  it('writes exactly the vector embedTerms returns, whatever `out` held before', () => {
    const out = new Float32Array(16).fill(9);
    embedder.embedTermsInto(terms, out);
    expect(Array.from(out)).toEqual(embedder.embedTerms(terms));
    expect(Math.hypot(...out)).toBeCloseTo(1, 5);
  });

  it('fills only the view it is given', () => {
    const all = new Float32Array(48);
    embedder.embedTermsInto(terms, all.subarray(16, 32));
    expect(all.subarray(0, 16).every((x) => x === 0)).toBe(true);
    expect(all.subarray(32).every((x) => x === 0)).toBe(true);
    expect(Array.from(all.subarray(16, 32))).toEqual(embedder.embedTerms(terms));
  });
});
