import { cp, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CALIBRATION_FILE, calibrationKeyOf, currentGeneration, ingestCorpus, loadCorpus, loadIndex, RETRIEVAL_CALIBRATION, writeCalibration } from '@govchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_CORPORA, ask, connectChat, postJson, prepareTestData, startServer, type RunningServer, type TestData } from './test-helpers/server-fixture.js';

/**
 * A running server picks up indexes another process writes into its data dir — `govchat ingest`,
 * or another node sharing the folder — and never swaps in a broken one.
 */

const FEE_QUESTION = 'How much does an HKSAR passport cost?';

let data: TestData;
let main: RunningServer;

beforeAll(async () => {
  data = await prepareTestData(['immigration']);
  // A slow poll: the file-system events must do the work here.
  main = await startServer(data, { indexPollMs: 60_000 });
});

afterAll(async () => {
  await main?.server.close();
  await data?.remove();
});

async function feeAnswer(): Promise<string> {
  return String((await postJson(`${main.url}/api/bots/immigration/ask`, { text: FEE_QUESTION })).body.answer ?? '');
}

async function reloads(outcome: 'ok' | 'failed', bot = 'immigration'): Promise<number> {
  const text = await (await fetch(`${main.url}/metrics`)).text();
  return Number(new RegExp(`govchat_index_reloads_total\\{bot="${bot}",outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Ingests the immigration corpus with the fee answer carrying `marker`, as `govchat ingest` would. */
async function ingestWithMarker(marker: string): Promise<void> {
  const file = join(data.corporaDir, 'immigration', 'faq.jsonl');
  const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => {
    const entry = JSON.parse(line);
    return entry.id === 'passport-fees' ? JSON.stringify({ ...entry, answer: { en: `${marker} The fee is HK$999.`, 'zh-HK': `${marker} 費用為999港元。` } }) : line;
  });
  await writeFile(file, `${lines.join('\n')}\n`);
  await ingestCorpus(await loadCorpus(join(data.corporaDir, 'immigration')), { dataDir: data.dataDir });
}

describe('indexes written by another process', () => {
  it('a reindex of a served bot goes live without a restart', async () => {
    expect(await feeAnswer()).not.toContain('REINDEXED-1');
    await ingestWithMarker('REINDEXED-1');
    await eventually(async () => (await feeAnswer()).includes('REINDEXED-1'), 'the new answer is served');
    expect(await reloads('ok')).toBe(1);
  });

  it('a corrupted generation is refused and counted while the previous index keeps answering; the next good one is taken', async () => {
    // A generation whose files do not match its manifest, made current the way a writer would.
    const live = await currentGeneration(data.dataDir, 'immigration');
    const broken = join(data.dataDir, 'immigration', 'gen-zzzzzzzz-0badc0de');
    await cp(live, broken, { recursive: true });
    await truncate(join(broken, 'bm25.json'), 10);
    const pointer = join(data.dataDir, 'immigration', 'CURRENT.test.tmp');
    await writeFile(pointer, 'gen-zzzzzzzz-0badc0de\n');
    await rename(pointer, join(data.dataDir, 'immigration', 'CURRENT'));

    await eventually(async () => (await reloads('failed')) === 1, 'the broken generation is counted');
    expect(await feeAnswer()).toContain('REINDEXED-1');
    const { socket } = await connectChat(main.url, { bot: 'immigration' });
    expect((await ask(socket, { id: 'still', text: FEE_QUESTION })).text).toContain('REINDEXED-1');
    socket.close();

    // `govchat ingest` notices the corrupted index, rebuilds it, and the server takes that one.
    await ingestWithMarker('REINDEXED-2');
    await eventually(async () => (await feeAnswer()).includes('REINDEXED-2'), 'the rebuilt index is served');
    expect(await reloads('failed')).toBe(1);
  });

  it('a bot ingested into the data dir while the server runs is served', async () => {
    expect((await fetch(`${main.url}/api/bots/housing`)).status).toBe(404);
    await cp(join(REPO_CORPORA, 'housing'), join(data.corporaDir, 'housing'), { recursive: true });
    await ingestCorpus(await loadCorpus(join(data.corporaDir, 'housing')), { dataDir: data.dataDir });
    await eventually(async () => (await fetch(`${main.url}/api/bots/housing`)).status === 200, 'the new bot is served');
    const { socket } = await connectChat(main.url, { bot: 'housing' });
    expect((await ask(socket, { id: 'h1', text: 'How do I apply for public rental housing?' })).end).toBeDefined();
    socket.close();
    expect(((await (await fetch(`${main.url}/readyz`)).json()) as { bots: number }).bots).toBe(2);
  });

  it('a calibration written into the data dir goes live without a restart; a malformed one is refused; removing it restores the shipped one', async () => {
    const abstains = async (): Promise<boolean> => (await postJson(`${main.url}/api/bots/immigration/ask`, { text: FEE_QUESTION })).body.abstained === true;
    expect(await abstains()).toBe(false);
    const okBefore = await reloads('ok');
    const index = await loadIndex(data.dataDir, 'immigration');
    // A fit so strict that nothing is confident enough: the answer it changes is easy to see.
    await writeCalibration(data.dataDir, {
      format: 1,
      createdAt: new Date().toISOString(),
      ...calibrationKeyOf(index.manifest),
      bots: ['immigration'],
      leaveOneBotOutAccuracy: 0.5,
      weights: RETRIEVAL_CALIBRATION.weights,
      abstainBelow: 1,
      fittedOn: 'strict.jsonl',
      modes: RETRIEVAL_CALIBRATION.modes,
    });
    await eventually(abstains, 'the new calibration judges the answers');
    expect(await reloads('ok')).toBeGreaterThan(okBefore);

    const failedBefore = await reloads('failed');
    await writeFile(join(data.dataDir, CALIBRATION_FILE), '{"format": 1');
    await eventually(async () => (await reloads('failed')) > failedBefore, 'the malformed calibration is counted');
    expect(await abstains()).toBe(true);

    await rm(join(data.dataDir, CALIBRATION_FILE));
    await eventually(async () => !(await abstains()), 'the shipped calibration judges the answers again');
  });
});

