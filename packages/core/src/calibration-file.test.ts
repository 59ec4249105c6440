import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CALIBRATION_FILE,
  calibrationKeyOf,
  createBotEngine,
  createHybridRetriever,
  currentGeneration,
  describeCalibration,
  ingestCorpus,
  loadCorpus,
  loadIndex,
  matchCalibration,
  readCalibration,
  RETRIEVAL_CALIBRATION,
  writeCalibration,
  type BotIndex,
  type CalibrationRecord,
  type GovchatError,
} from '@govchat/core';
import { copyCorpora } from './test-helpers/temp-corpora.js';

const BOT = 'iam-smart';

/** The GovchatError a promise rejects with. */
async function caught(promise: Promise<unknown>): Promise<GovchatError> {
  return promise.then(
    () => expect.fail('expected a GovchatError'),
    (error: GovchatError) => error,
  );
}

function recordFor(index: BotIndex, overrides: Partial<CalibrationRecord> = {}): CalibrationRecord {
  return {
    format: 1,
    createdAt: '2026-11-27T00:00:00.000Z',
    ...calibrationKeyOf(index.manifest),
    bots: [BOT],
    leaveOneBotOutAccuracy: 0.8,
    weights: RETRIEVAL_CALIBRATION.weights,
    abstainBelow: 0.99,
    fittedOn: 'my-dev.jsonl: 40 queries',
    modes: { bm25: { weights: RETRIEVAL_CALIBRATION.modes.bm25.weights, abstainBelow: 0.98 }, dense: { weights: RETRIEVAL_CALIBRATION.modes.dense.weights, abstainBelow: 0.97 } },
    ...overrides,
  };
}

describe('a data dir calibration (calibration.json)', () => {
  let corpora: string;
  let dataDir: string;
  let index: BotIndex;

  beforeAll(async () => {
    corpora = await copyCorpora([BOT]);
    dataDir = await mkdtemp(join(tmpdir(), 'govchat-calibration-'));
    index = (await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir })).index;
  });

  it('is absent until written, then read back as written; the write leaves no temporary file', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'govchat-calibration-empty-'));
    expect(await readCalibration(empty)).toBeUndefined();
    const record = recordFor(index);
    const file = await writeCalibration(empty, record);
    expect(file).toBe(join(empty, CALIBRATION_FILE));
    expect(await readCalibration(empty)).toEqual(record);
    expect(await readdir(empty)).toEqual([CALIBRATION_FILE]);
  });

  it('refuses a malformed file, naming the file and the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govchat-calibration-bad-'));
    await writeFile(join(dir, CALIBRATION_FILE), '{"format": 1,');
    const notJson = await caught(readCalibration(dir));
    expect(notJson).toMatchObject({ code: 'CONFIG_INVALID', file: join(dir, CALIBRATION_FILE) });

    await writeFile(join(dir, CALIBRATION_FILE), JSON.stringify({ ...recordFor(index), abstainBelow: 2 }));
    const outOfRange = await caught(readCalibration(dir));
    expect(outOfRange).toMatchObject({ code: 'CONFIG_INVALID', field: 'abstainBelow' });
    expect(outOfRange.message).toContain(`${CALIBRATION_FILE} field "abstainBelow": `);

    const { concept: _dropped, ...weights } = RETRIEVAL_CALIBRATION.weights;
    await writeFile(join(dir, CALIBRATION_FILE), JSON.stringify({ ...recordFor(index), weights }));
    expect(await caught(readCalibration(dir))).toMatchObject({ code: 'CONFIG_INVALID', field: 'weights.concept' });

    const { modes: _modes, ...withoutModes } = recordFor(index);
    await writeFile(join(dir, CALIBRATION_FILE), JSON.stringify(withoutModes));
    expect(await caught(readCalibration(dir))).toMatchObject({ code: 'CONFIG_INVALID', field: 'modes' });
  });

  it('applies only to indexes of the same embedder family and pipeline, and says why not', () => {
    expect(calibrationKeyOf(index.manifest).embedder).toBe('cooccurrence');
    expect(matchCalibration(recordFor(index), index.manifest)).toMatchObject({ applies: true, calibration: { abstainBelow: 0.99 } });
    const otherModel = matchCalibration(recordFor(index, { embedder: 'transformer:Xenova/multilingual-e5-small@abc' }), index.manifest);
    expect(otherModel).toEqual({ applies: false, reason: expect.stringContaining('but the index uses cooccurrence') });
    const otherVersion = matchCalibration(recordFor(index, { pipeline: '0000000000000000' }), index.manifest);
    expect(otherVersion).toEqual({ applies: false, reason: expect.stringContaining('another version of govchat') });
  });

  it('judges the loaded index: its thresholds replace the shipped ones, for the product and each baseline mode', async () => {
    const question = index.entries[0]!.question.en!;
    const shipped = createHybridRetriever(index);
    expect(shipped.abstainBelow).toBe(RETRIEVAL_CALIBRATION.abstainBelow);
    expect((await createBotEngine(index).ask({ text: question })).abstained).toBe(false);
    expect(describeCalibration(index)).toMatch(/^shipped \(/);

    await writeCalibration(dataDir, recordFor(index));
    const loaded = await loadIndex(dataDir, BOT);
    expect(createHybridRetriever(loaded).abstainBelow).toBe(0.99);
    expect(createHybridRetriever(loaded, { mode: 'bm25' }).abstainBelow).toBe(0.98);
    expect(createHybridRetriever(loaded, { mode: 'dense' }).abstainBelow).toBe(0.97);
    // The FAQ's own question is answered with high confidence, but not at 0.99.
    expect((await createBotEngine(loaded).ask({ text: question })).abstained).toBe(true);
    expect(describeCalibration(loaded)).toBe(`${join(dataDir, CALIBRATION_FILE)} (my-dev.jsonl: 40 queries)`);
  });

  it('judges an index an ingest just built in that data dir, and a mismatched one is ignored by name', async () => {
    await writeCalibration(dataDir, recordFor(index));
    const rebuilt = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir, force: true });
    expect(createHybridRetriever(rebuilt.index).abstainBelow).toBe(0.99);
    const unchanged = await ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir });
    expect(unchanged.unchanged).toBe(true);
    expect(createHybridRetriever(unchanged.index).abstainBelow).toBe(0.99);

    await writeCalibration(dataDir, recordFor(index, { embedder: 'transformer:other@abc' }));
    const loaded = await loadIndex(dataDir, BOT);
    expect(createHybridRetriever(loaded).abstainBelow).toBe(RETRIEVAL_CALIBRATION.abstainBelow);
    expect(describeCalibration(loaded)).toContain(`${CALIBRATION_FILE} ignored: fitted for embedder transformer:other@abc`);
  });

  it('a malformed calibration stops an ingest before anything is written', async () => {
    const live = await currentGeneration(dataDir, BOT);
    await writeFile(join(dataDir, CALIBRATION_FILE), 'not json');
    const error = await caught(ingestCorpus(await loadCorpus(join(corpora, BOT)), { dataDir, force: true }));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: join(dataDir, CALIBRATION_FILE) });
    expect(await currentGeneration(dataDir, BOT)).toBe(live);
    expect(await readFile(join(dataDir, CALIBRATION_FILE), 'utf8')).toBe('not json');
  });
});
