import { describe, expect, it } from 'vitest';
import { buildBm25Index, loadBm25Index } from './bm25-index.js';

const bag = (...terms: string[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const t of terms) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
};

describe('buildBm25Index', () => {
  const docs = [
    { question: bag('renew', 'passport'), answer: bag('passport', 'fee') },
    { question: bag('apply', 'housing') },
    { question: bag('renew', 'licence'), alternates: bag('passport') },
  ];

  it('writes each term’s postings as [doc, contribution, …], doc ascending, one pair per holding doc', () => {
    const { postings, idf, docCount } = buildBm25Index(docs).toJSON();
    expect(docCount).toBe(3);
    expect(postings.passport!.filter((_, k) => k % 2 === 0)).toEqual([0, 2]);
    expect(postings.housing!.filter((_, k) => k % 2 === 0)).toEqual([1]);
    // A contribution is idf × tf / (k1 + tf): positive and below the term's idf.
    for (const [term, list] of Object.entries(postings)) {
      for (let k = 1; k < list.length; k += 2) {
        expect(list[k]).toBeGreaterThan(0);
        expect(list[k]).toBeLessThan(idf[term]!);
      }
    }
    // A rarer term is worth more.
    expect(idf.housing).toBeGreaterThan(idf.passport!);
    expect(Object.keys(idf).sort()).toEqual(Object.keys(postings).sort());
  });

  it('ranks the document whose question holds the term above one whose answer or alternates do', () => {
    const index = loadBm25Index(JSON.parse(JSON.stringify(buildBm25Index(docs).toJSON())));
    const hits = index.search([{ term: 'passport', weight: 1, source: 'passport' }], 5);
    expect(hits.map((h) => h.doc)).toEqual([0, 2]);
    expect(index.docHasTerm(2, 'passport')).toBe(true);
    expect(index.docHasTerm(1, 'passport')).toBe(false);
  });
});
