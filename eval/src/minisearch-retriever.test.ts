import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBotEngine, createHybridRetriever, ingestCorpus, loadCorpus, type BotIndex, type Retriever } from '@govchat/core';
import { createMiniSearchRetriever } from '@govchat/eval';
// Core's own contract, the one its retrievers pass: the baseline is held to the same behaviour.
import { runRetrieverContract } from '../../packages/core/src/test-helpers/retriever-contract.js';

const corpusDir = fileURLToPath(new URL('../../corpora/iam-smart', import.meta.url));
let index: BotIndex;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'govchat-eval-retriever-'));
  index = (await ingestCorpus(await loadCorpus(corpusDir), { dataDir })).index;
});

runRetrieverContract({ name: 'minisearch', load: async () => index, create: (i) => createMiniSearchRetriever(i) });

// Side by side with core's retrievers on the same index: what the engine makes of each result.
const retrievers: [string, (index: BotIndex) => Retriever][] = [
  ['hybrid', (i) => createHybridRetriever(i)],
  ['bm25', (i) => createHybridRetriever(i, { mode: 'bm25' })],
  ['dense', (i) => createHybridRetriever(i, { mode: 'dense' })],
  ['minisearch', (i) => createMiniSearchRetriever(i)],
];

describe.each(retrievers)('through the bot engine: %s', (_name, create) => {
  it('returns at most `limit` distinct hits from the index, best score first', async () => {
    const retriever = create(index);
    const { hits, confidence } = await retriever.retrieve({ text: 'How do I set up fingerprint login?' }, { limit: 3 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(hits.map((h) => h.entry.id)).size).toBe(hits.length);
    for (const hit of hits) expect(index.entryById(hit.entry.id)).toBe(hit.entry);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  it('ranks the FAQ whose question is asked verbatim first, in English and in Chinese', async () => {
    const retriever = create(index);
    expect((await retriever.retrieve({ text: 'Does iAM Smart cost anything?' })).hits[0]?.entry.id).toBe('fees');
    expect((await retriever.retrieve({ text: '如何取消「智方便」帳戶？' })).hits[0]?.entry.id).toBe('cancel-account');
  });

  it('makes the engine abstain when nothing matches', async () => {
    const engine = createBotEngine(index, { retriever: create(index) });
    const result = await engine.ask({ text: 'xyzzyq plughq' });
    expect(result.abstained).toBe(true);
    expect(result.sources).toEqual([]);
  });

  it('accepts history without failing', async () => {
    const result = await create(index).retrieve({ text: 'how much', history: ['what does iAM Smart cost'] });
    expect(typeof result.usedHistory).toBe('boolean');
  });
});

describe('createMiniSearchRetriever', () => {
  it('returns nothing, with confidence 0, when no term matches', async () => {
    expect(await createMiniSearchRetriever(index).retrieve({ text: 'xyzzyq plughq' })).toEqual({ hits: [], confidence: 0, usedHistory: false });
  });

  it('answers whenever anything matches — a typical setup has no notion of out of scope', async () => {
    const result = await createMiniSearchRetriever(index).retrieve({ text: 'will it rain tomorrow in Hong Kong' });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.confidence).toBe(1);
  });

  it('matches by prefix and with typos, as configured', async () => {
    const retriever = createMiniSearchRetriever(index);
    expect((await retriever.retrieve({ text: 'fingerprnt' })).hits[0]?.entry.id).toBe('biometric-login-setup');
    expect((await retriever.retrieve({ text: 'fingerpr' })).hits[0]?.entry.id).toBe('biometric-login-setup');
  });

  it('reports the share of query terms a hit matched as coverage', async () => {
    const [top] = (await createMiniSearchRetriever(index).retrieve({ text: 'fingerprint xyzzyq' })).hits;
    expect(top?.signals.coverage).toBe(0.5);
  });

  it('searches both languages\' questions, the alternates and the answers', async () => {
    const entries = [
      { id: 'a', question: { en: 'How do I renew my passport?' }, answer: { en: 'Apply online.' } },
      { id: 'b', question: { 'zh-HK': '如何續期護照？' }, answer: { 'zh-HK': '網上申請。' }, alternates: { en: ['passport renewal'] } },
    ];
    const retriever = createMiniSearchRetriever({ entries });
    const ids = async (text: string): Promise<string[]> => (await retriever.retrieve({ text })).hits.map((h) => h.entry.id);
    expect(await ids('renewal')).toEqual(['b']); // only in b's alternates
    expect(await ids('網上申請')).toEqual(['b']); // b's Chinese answer
    expect(await ids('online')).toEqual(['a']); // a's English answer
    expect(await ids('如何續期護照')).toEqual(['b']); // b's Chinese question
  });
});
