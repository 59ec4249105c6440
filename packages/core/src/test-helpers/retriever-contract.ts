import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_LANGS, type BotIndex, type Retriever } from '../index.js';

/**
 * Behaviour every retriever must have, whatever its method. Run it for each implementation:
 *
 * @example runRetrieverContract({ name: 'bm25', load: () => loadIndex(dir, 'labour'), create: (i) => createHybridRetriever(i, { mode: 'bm25' }) });
 */
export function runRetrieverContract(options: {
  readonly name: string;
  readonly load: () => Promise<BotIndex>;
  readonly create: (index: BotIndex) => Retriever;
  /** Share of FAQs that must come first when asked with their own question (default 0.9). */
  readonly minSelfRecall?: number;
}): void {
  describe(`retriever contract: ${options.name}`, () => {
    let index: BotIndex;
    let retriever: Retriever;
    beforeAll(async () => {
      index = await options.load();
      retriever = options.create(index);
    });

    it('finds an FAQ by its own question, in each language', async () => {
      for (const lang of CORPUS_LANGS) {
        let first = 0;
        let asked = 0;
        for (const entry of index.entries) {
          const question = entry.question[lang];
          if (question === undefined) continue;
          asked++;
          const { hits } = await retriever.retrieve({ text: question }, { limit: 3 });
          if (hits[0]?.entry.id === entry.id) first++;
        }
        expect(first / asked, `${lang}: ${first}/${asked} first`).toBeGreaterThanOrEqual(options.minSelfRecall ?? 0.9);
      }
    });

    it('orders hits best first, honours the limit, and keeps confidence in [0, 1]', async () => {
      const result = await retriever.retrieve({ text: index.entries[0]!.question.en ?? index.entries[0]!.question['zh-HK']! }, { limit: 4 });
      expect(result.hits.length).toBeGreaterThan(0);
      expect(result.hits.length).toBeLessThanOrEqual(4);
      const scores = result.hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(new Set(result.hits.map((h) => h.entry.id)).size).toBe(result.hits.length);
    });

    it('is deterministic', async () => {
      const text = index.entries[1]!.question['zh-HK'] ?? index.entries[1]!.question.en!;
      const a = await retriever.retrieve({ text }, { limit: 5 });
      const b = await retriever.retrieve({ text }, { limit: 5 });
      expect(b.hits.map((h) => h.entry.id)).toEqual(a.hits.map((h) => h.entry.id));
      expect(b.confidence).toBe(a.confidence);
    });

    it('copes with empty, punctuation-only and unknown-word queries', async () => {
      for (const text of ['', '？？？', 'zxqv wplk', '😀']) {
        const result = await retriever.retrieve({ text });
        expect(result.confidence).toBeLessThan(0.5);
      }
    });
  });
}
