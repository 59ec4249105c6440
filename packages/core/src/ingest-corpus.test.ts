import { readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  assertSameEmbedder,
  createBotEngine,
  currentGeneration,
  GovchatError,
  ingestCorpus,
  listIndexedBots,
  loadCorpus,
  loadIndex,
} from '@govchat/core';
import { copyCorpora, editFaq, ingestAll } from './test-helpers/temp-corpora.js';

const BOT = 'iam-smart';

describe('ingestCorpus', () => {
  let corpora: string;
  let dataDir: string;

  beforeEach(async () => {
    corpora = await copyCorpora([BOT]);
    ({ dataDir } = await ingestAll(corpora));
  });

  it('builds an index that records its embedder and answers', async () => {
    const index = await loadIndex(dataDir, BOT);
    expect(index.manifest.embedder).toMatchObject({ name: 'govchat-cooccurrence', dimension: 256 });
    expect(index.manifest.entryCount).toBe(index.entries.length);
    expect(await listIndexedBots(dataDir)).toEqual([BOT]);
    const result = await createBotEngine(index).ask({ text: '點樣親身登記智方便' });
    expect(result.sources[0]?.id).toBe('register-in-person');
  });

  it('does no embedding work when the corpus is unchanged', async () => {
    const before = await currentGeneration(dataDir, BOT);
    const report = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir });
    expect(report).toMatchObject({ unchanged: true, embeddedEntries: 0, added: 0, changed: 0, removed: 0 });
    expect(await currentGeneration(dataDir, BOT)).toBe(before);
  });

  it('re-embeds only the entry that changed, and removes deleted ones', async () => {
    await editFaq(corpora, BOT, 'fees', (e) => {
      e.answer.en = `${e.answer.en} Updated.`;
    });
    const report = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir });
    expect(report).toMatchObject({ unchanged: false, changed: 1, added: 0, removed: 0, embeddedEntries: 1, refitted: false });
    const index = await loadIndex(dataDir, BOT);
    expect(index.entryById('fees')?.answer.en).toMatch(/Updated\.$/);

    const file = join(corpora, BOT, 'faq.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    await writeFile(file, `${lines.filter((l) => !l.includes('"id": "fees"') && !l.includes('"id":"fees"')).join('\n')}\n`);
    const removal = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir });
    expect(removal).toMatchObject({ removed: 1, embeddedEntries: 0 });
    expect((await loadIndex(dataDir, BOT)).entryById('fees')).toBeUndefined();
  });

  it('leaves the old index live when a failure strikes mid-ingest, and the next ingest completes', async () => {
    const before = await currentGeneration(dataDir, BOT);
    await editFaq(corpora, BOT, 'register-in-person', (e) => {
      e.answer.en = 'NEW CONTENT that must not go live yet.';
    });
    const corpus = await loadCorpus(join(corpora, BOT));
    await expect(
      ingestCorpus(corpus, {
        dataDir,
        beforeCommit: () => {
          throw new Error('injected crash');
        },
      }),
    ).rejects.toThrow('injected crash');

    expect(await currentGeneration(dataDir, BOT)).toBe(before);
    const old = await createBotEngine(await loadIndex(dataDir, BOT)).ask({ text: 'How do I register for iAM Smart in person?' });
    expect(old.answer).not.toContain('NEW CONTENT');
    // Nothing half-written is left beside the live generation.
    expect((await readdir(join(dataDir, BOT))).filter((n) => n.includes('partial'))).toEqual([]);

    const report = await ingestCorpus(corpus, { dataDir });
    expect(report.unchanged).toBe(false);
    expect((await loadIndex(dataDir, BOT)).entryById('register-in-person')?.answer.en).toBe('NEW CONTENT that must not go live yet.');
  });

  it('keeps the old index when the new corpus is invalid', async () => {
    const before = await currentGeneration(dataDir, BOT);
    await writeFile(join(corpora, BOT, 'faq.jsonl'), '{"id": "x", "question": {"en": 1}}\n');
    await expect(loadCorpus(join(corpora, BOT))).rejects.toMatchObject({ code: 'CORPUS_INVALID', line: 1, field: 'question.en' });
    expect(await currentGeneration(dataDir, BOT)).toBe(before);
    expect((await loadIndex(dataDir, BOT)).entries.length).toBeGreaterThan(25);
  });

  it('names a corrupted index file, and ingest rebuilds it', async () => {
    const generation = await currentGeneration(dataDir, BOT);
    await truncate(join(generation, 'hnsw.bin'), 100);
    const error = await loadIndex(dataDir, BOT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GovchatError);
    expect(error).toMatchObject({ code: 'INDEX_CORRUPT' });
    expect((error as GovchatError).file).toBe(join(generation, 'hnsw.bin'));
    expect((error as GovchatError).message).toContain('hnsw.bin');

    const report = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir });
    expect(report.recovered).toContain('hnsw.bin');
    expect((await loadIndex(dataDir, BOT)).entries.length).toBeGreaterThan(25);
  });

  it('re-indexes from scratch when the index was built by a different analysis pipeline', async () => {
    const generation = await currentGeneration(dataDir, BOT);
    const manifestPath = join(generation, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    expect(manifest.pipeline).toMatch(/^[0-9a-f]{16}$/);
    // What an index from an older release looks like: another pipeline, another corpus hash.
    await writeFile(manifestPath, JSON.stringify({ ...manifest, pipeline: '0000000000000000', corpusHash: 'old' }));
    const report = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir });
    expect(report.unchanged).toBe(false);
    expect(report.refitted).toBe(true);
    expect(report.embeddedEntries).toBe(report.entries);
  });

  it('refuses a query embedder that did not build the index', async () => {
    const index = await loadIndex(dataDir, BOT);
    const other = { ...index.manifest.embedder, fingerprint: 'something-else' };
    expect(() => assertSameEmbedder(index.manifest.embedder, other, 'data/iam-smart')).toThrow(
      expect.objectContaining({ code: 'EMBEDDER_MISMATCH' }),
    );
  });
});
