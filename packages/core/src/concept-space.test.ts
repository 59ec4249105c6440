import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyseText, loadConceptSpace, type ConceptSpace } from '@govchat/core';
import { describe, expect, it } from 'vitest';

// Runs against the resource `npm run build` derives from WordNet and CC-CEDICT (as CI does).
const loaded = loadConceptSpace();
if (loaded === undefined) throw new Error('concept-space.bin is missing: run `npm run build` first');
const space: ConceptSpace = loaded;

const vector = (text: string, weightOf?: (key: string) => number): Float32Array => {
  const v = space.vectorOf(analyseText(text), weightOf);
  if (v === undefined) throw new Error(`no known word in ${text}`);
  return v;
};
const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
/** Cosine of text with near minus cosine with far: positive when text sits closer to near. */
const margin = (text: string, near: string, far: string): number => cosine(vector(text), vector(near)) - cosine(vector(text), vector(far));

describe('loadConceptSpace', () => {
  it("names its content's digest in the header, so the fingerprint changes whenever a vector does", () => {
    const file = readFileSync(new URL('../resources/concept-space.bin', import.meta.url));
    const headerLength = file.readUInt32LE(4);
    const header = JSON.parse(file.toString('utf8', 8, 8 + headerLength)) as { digest?: string };
    const digest = createHash('sha256').update(file.subarray(8 + headerLength)).digest('hex').slice(0, 16);
    expect(header.digest).toBe(digest);
  });

  it('loads once and keeps the same space', () => {
    expect(space.dimension).toBe(384);
    expect(space.words).toBeGreaterThan(100_000);
    expect(loadConceptSpace()).toBe(space);
  });

  it('reads a word vector from the file when first used, and only once', () => {
    const before = space.wordsRead;
    const first = vector('quarantine exemption');
    const afterFirst = space.wordsRead;
    expect(afterFirst - before).toBeGreaterThan(0);
    expect(afterFirst - before).toBeLessThanOrEqual(2);
    expect(vector('quarantine exemption')).toEqual(first);
    expect(space.wordsRead).toBe(afterFirst);
    // Most of the 120k vectors are never needed, and never take memory.
    expect(space.wordsRead).toBeLessThan(space.words / 10);
  });
});

describe('ConceptSpace.vectorOf', () => {
  it('puts a Chinese question next to its English paraphrase, not next to another question', () => {
    expect(margin('如何取消帳戶', 'how do I cancel my account', 'how do I renew my passport')).toBeGreaterThan(0.3);
    expect(margin('點樣申請公屋', 'apply for public housing', 'renew my passport')).toBeGreaterThan(0.3);
  });

  it('links Chinese words, Traditional or Simplified, to their English meaning', () => {
    expect(margin('护照', 'passport', 'salary')).toBeGreaterThan(0.3);
    expect(margin('護照', 'passport', 'weather')).toBeGreaterThan(0.3);
    expect(margin('瞒报', 'misrepresent', 'passport')).toBeGreaterThan(0.3);
    expect(margin('瞞報', 'false statement', 'holiday')).toBeGreaterThan(0.1);
  });

  it('brings Cantonese near the written-Chinese paraphrase', () => {
    expect(margin('剷咗個戶口', '取消帳戶', '登記')).toBeGreaterThan(0);
  });

  it('is undefined when no word is known', () => {
    expect(space.vectorOf(analyseText('qwxzzy'))).toBeUndefined();
    expect(space.vectorOf(analyseText('!!! ？'))).toBeUndefined();
    expect(space.vectorOf(analyseText(''))).toBeUndefined();
  });

  it('gives the same unit vector every time', () => {
    const a = vector('我想renew身份證');
    expect(vector('我想renew身份證')).toEqual(a);
    expect(a).toHaveLength(space.dimension);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
  });

  it('asks weightOf about the analyser keys and scales each word by it', () => {
    const keys: string[] = [];
    vector('renewing passports 護照', (key) => {
      keys.push(key);
      return 1;
    });
    // English Porter stems and Simplified jieba words: the keys BM25 indexes, so its IDF can be passed.
    expect(keys).toEqual(expect.arrayContaining(['renew', 'passport', '护照']));
    const both = vector('passport salary');
    const passportOnly = vector('passport salary', (key) => (key === 'passport' ? 1 : 0));
    expect(cosine(passportOnly, vector('passport'))).toBeCloseTo(1, 5);
    expect(cosine(both, vector('passport'))).toBeLessThan(0.95);
    // Weights are relative: scaling every word alike changes nothing.
    const scaled = vector('passport salary', () => 3);
    expect(cosine(scaled, both)).toBeCloseTo(1, 5);
    expect(space.vectorOf(analyseText('passport salary'), () => 0)).toBeUndefined();
  });
});
