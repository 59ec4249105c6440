import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, loadCorpus, loadIndex, type BotIndex } from '@govchat/core';
import { engineForMode, parseDataset, runEval, type EvalQuery } from '@govchat/eval';

const corpusDir = fileURLToPath(new URL('../../corpora/iam-smart', import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'govchat-eval-run-'));
  await ingestCorpus(await loadCorpus(corpusDir), { dataDir });
});

const dataset = (...lines: object[]): EvalQuery[] => parseDataset(lines.map((l) => JSON.stringify(l)).join('\n'), 'set.jsonl');
const fees = { bot: 'iam-smart', query: 'Does iAM Smart cost anything?', lang: 'en', expected: ['fees'] };
const nonsense = { bot: 'iam-smart', query: 'xyzzyq plughq', lang: 'en', expected: [] };

describe('runEval', () => {
  it('records, per query in dataset order, the ranked ids, the decision, confidence and latency', async () => {
    const records = await runEval(dataset(fees, nonsense), { dataDir });
    expect(records.map((r) => r.query)).toEqual([fees.query, nonsense.query]);
    const [answered, abstained] = records;
    expect(answered).toMatchObject({ bot: 'iam-smart', lang: 'en', expected: ['fees'], abstained: false, line: 1 });
    expect(answered?.ranked[0]).toBe('fees');
    expect(answered?.confidence).toBeGreaterThan(0);
    expect(answered?.latencyMs).toBeGreaterThan(0);
    expect(abstained?.abstained).toBe(true);
  });

  it('keeps the conversation history of a follow-up on its record', async () => {
    const [record] = await runEval(dataset({ ...fees, query: 'how much', history: ['iAM Smart fees'] }), { dataDir });
    expect(record?.history).toEqual(['iAM Smart fees']);
  });

  it('runs only the chosen bot and reports progress up to the total', async () => {
    const progress: [number, number][] = [];
    const records = await runEval(dataset(fees, { ...fees, bot: 'housing', expected: [] }, nonsense), {
      dataDir,
      bot: 'iam-smart',
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(records).toHaveLength(2);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('uses indexes the caller already loaded instead of reading the data dir', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'govchat-eval-empty-'));
    await expect(runEval(dataset(fees), { dataDir: elsewhere })).rejects.toThrow();
    const indexes = new Map([['iam-smart', await loadIndex(dataDir, 'iam-smart')]]);
    const [record] = await runEval(dataset(fees), { dataDir: elsewhere, indexes });
    expect(record?.ranked[0]).toBe('fees');
  });

  it('builds each bot engine once, with the given factory', async () => {
    const built: string[] = [];
    const createEngine = (index: BotIndex) => {
      const engine = engineForMode('bm25')(index);
      built.push(`${index.bot.id}:${engine.retriever.name}`);
      return engine;
    };
    const records = await runEval(dataset(fees, nonsense, fees), { dataDir, createEngine });
    expect(records).toHaveLength(3);
    expect(built).toEqual(['iam-smart:bm25']);
  });

  it('rejects an expected id the bot does not have, naming file, line and field', async () => {
    const queries = dataset(fees, { ...fees, expected: ['fees', 'feez'] });
    await expect(runEval(queries, { dataDir })).rejects.toMatchObject({ code: 'INVALID_INPUT', file: 'set.jsonl', line: 2, field: 'expected.1' });
  });

  it('fails with INDEX_NOT_FOUND for a bot that was never ingested', async () => {
    await expect(runEval(dataset({ ...fees, bot: 'housing', expected: [] }), { dataDir })).rejects.toMatchObject({ code: 'INDEX_NOT_FOUND' });
  });
});

