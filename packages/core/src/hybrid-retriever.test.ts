import { beforeAll, describe, expect, it } from 'vitest';
import { createHybridRetriever, loadIndex, type BotIndex } from '@govchat/core';
import { runRetrieverContract } from './test-helpers/retriever-contract.js';
import { copyCorpora, ingestAll } from './test-helpers/temp-corpora.js';

let dataDir: Promise<string> | undefined;
const load = async (bot: string): Promise<BotIndex> => {
  dataDir ??= copyCorpora(['labour', 'immigration', 'iam-smart', 'housing']).then(async (dir) => (await ingestAll(dir)).dataDir);
  return loadIndex(await dataDir, bot);
};

for (const mode of ['hybrid', 'bm25', 'dense'] as const) {
  runRetrieverContract({
    name: mode,
    load: () => load('labour'),
    create: (index) => createHybridRetriever(index, { mode }),
    // Dense alone blurs near-duplicate questions (it is a comparison baseline, not the product).
    minSelfRecall: mode === 'dense' ? 0.85 : 0.95,
  });
}

describe('hybrid retriever', () => {
  let immigration: BotIndex;
  beforeAll(async () => {
    immigration = await load('immigration');
  });

  it('reaches an FAQ in the other language and script', async () => {
    const retriever = createHybridRetriever(immigration);
    const en = await retriever.retrieve({ text: '護照費用是多少' });
    const cn = await retriever.retrieve({ text: '护照费用是多少' });
    expect(cn.hits[0]?.entry.id).toBe(en.hits[0]?.entry.id);
    expect(en.hits[0]?.entry.id).toBe('passport-fees');
  });

  it('reaches paraphrases that share no word with the FAQ through the concept space', async () => {
    // 註銷 (deregister) and "lying" appear nowhere in these bots' FAQs; WordNet and CC-CEDICT
    // know they mean cancelling an account and giving false information.
    const iamSmart = createHybridRetriever(await load('iam-smart'));
    const cancel = await iamSmart.retrieve({ text: '我想註銷智方便戶口' });
    expect(cancel.hits[0]?.entry.id).toBe('cancel-account');
    expect(cancel.features?.concept).toBeGreaterThan(0);
    const housing = createHybridRetriever(await load('housing'));
    const lying = await housing.retrieve({ text: 'lying on my housing application, what happens' });
    expect(lying.hits[0]?.entry.id).toBe('false-statement');
  });

  it('uses no concept space in the single-signal modes it is compared against', async () => {
    for (const mode of ['bm25', 'dense'] as const) {
      const result = await createHybridRetriever(immigration, { mode }).retrieve({ text: '護照費用是多少' });
      expect(result.features?.concept, mode).toBe(0);
    }
  });

  it('ranks the FAQ written for the range a question\'s number falls in', async () => {
    const retriever = createHybridRetriever(immigration);
    const young = await retriever.retrieve({ text: '個女三歲，想同佢整本護照' });
    expect(young.hits[0]?.entry.id).toBe('passport-child-under-11');
    expect(young.features?.numberFit).toBe(1);
    const teen = await retriever.retrieve({ text: '個女十三歲，想同佢整本護照' });
    expect(teen.hits[0]?.entry.id).toBe('passport-child-11-to-15');
  });

  it('resolves an elliptical follow-up from the earlier turn', async () => {
    const retriever = createHybridRetriever(immigration);
    const alone = await retriever.retrieve({ text: '幾多錢?' });
    const followUp = await retriever.retrieve({ text: '幾多錢?', history: ['護照點樣續期'] });
    expect(followUp.usedHistory).toBe(true);
    expect(followUp.hits[0]?.entry.id).toBe('passport-fees');
    expect(alone.usedHistory).toBe(false);
  });

  it("lets a follow-up's own words pick the FAQ when it turns to a sibling topic", async () => {
    const retriever = createHybridRetriever(await load('labour'));
    const result = await retriever.retrieve({ text: 'what about the dad?', history: ['How much maternity leave do women get?'] });
    expect(result.usedHistory).toBe(true);
    expect(result.hits[0]?.entry.id).toBe('paternity-leave');
    expect(result.hits[1]?.entry.id).toBe('maternity-leave');
  });

  it('does not lean on history for a self-contained question', async () => {
    const retriever = createHybridRetriever(immigration);
    const result = await retriever.retrieve({
      text: 'How can I make an online booking for an appointment to apply for a new identity card?',
      history: ['How much does a passport cost?'],
    });
    expect(result.usedHistory).toBe(false);
  });

  it('gives out-of-scope questions a confidence below its calibrated abstention threshold', async () => {
    const retriever = createHybridRetriever(immigration);
    expect(retriever.abstainBelow).toBeGreaterThan(0.1);
    for (const text of ['明天會唔會落雨', 'What is the weather tomorrow?', 'asdkjh qwe']) {
      expect((await retriever.retrieve({ text })).confidence, text).toBeLessThan(retriever.abstainBelow!);
    }
  });

  it('has no confidence at all in a question with no word the bot knows, whatever the mode', async () => {
    // The built-in embedder gives unknown words hashed random directions: the nearest FAQ is chance.
    for (const mode of ['hybrid', 'bm25', 'dense'] as const) {
      const result = await createHybridRetriever(immigration, { mode }).retrieve({ text: 'xyzzyq plughq' });
      expect(result.confidence, mode).toBe(0);
    }
    // One known word is enough to be judged by the model.
    expect((await createHybridRetriever(immigration, { mode: 'dense' }).retrieve({ text: 'xyzzyq passport' })).confidence).toBeGreaterThan(0);
    // The same holds for a follow-up read with its history: unknown words there add no support.
    const followUp = await createHybridRetriever(immigration, { mode: 'dense' }).retrieve({ text: 'xyzzyq?', history: ['plughq frobnitz'] });
    expect(followUp.usedHistory).toBe(true);
    expect(followUp.confidence).toBe(0);
  });

  it('has no confidence in a best FAQ whose topic points away from the question, however many words they share', async () => {
    // A housing answer lists MPF among the assets counted: word overlap and margin alone make the
    // match look certain (BM25 only), but in the concept space the two are on opposite sides.
    const housing = await load('housing');
    const mpf = await createHybridRetriever(housing).retrieve({ text: 'When can I withdraw my MPF?' });
    expect(mpf.hits.length).toBeGreaterThan(0);
    expect(mpf.features?.concept).toBeLessThan(0);
    expect(mpf.confidence).toBe(0);
    const bm25 = createHybridRetriever(housing, { mode: 'bm25' });
    expect((await bm25.retrieve({ text: 'When can I withdraw my MPF?' })).confidence).toBeGreaterThan(bm25.abstainBelow!);
    // A question on the bot's own topic keeps its confidence.
    const flat = await createHybridRetriever(housing).retrieve({ text: 'How long do I have to wait for a public flat?' });
    expect(flat.features?.concept).toBeGreaterThan(0);
    expect(flat.confidence).toBeGreaterThan(createHybridRetriever(housing).abstainBelow!);
  });

  it('has no confidence in a best FAQ matched by its answer alone on a loosely related topic', async () => {
    // No word of the question is in the FAQ's question: only its answer mentions marriage (a change
    // in the family), and the topic is only loosely related. The model alone would answer.
    const housing = await load('housing');
    const text = 'How do I book a marriage at a marriage registry?';
    const result = await createHybridRetriever(housing).retrieve({ text });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.features?.concept).toBeGreaterThanOrEqual(0);
    expect(result.features?.dense).toBeLessThan(0.5);
    expect(result.confidence).toBe(0);
    // A question that names what the FAQ's own question names keeps its confidence.
    const family = await createHybridRetriever(housing).retrieve({ text: 'How do I add my new wife to my public housing application?' });
    expect(family.confidence).toBeGreaterThan(createHybridRetriever(housing).abstainBelow!);
  });
});
