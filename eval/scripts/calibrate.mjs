#!/usr/bin/env node
// `npm run calibrate`: fits retrieval confidence and the abstention threshold on the dev set and
// rewrites packages/core/src/retrieval-calibration.ts. Only ever on dev: the test set stays unseen.
import { mkdtemp, rm, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBotDirs, ingestCorpus, loadCorpus } from '@govchat/core';
import { calibrateRetrieval, loadDataset } from '@govchat/eval';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataset = 'eval/datasets/dev.jsonl';
const dataDir = await mkdtemp(join(tmpdir(), 'govchat-calibrate-'));
try {
  for (const dir of await findBotDirs(join(root, 'corpora'))) await ingestCorpus(await loadCorpus(dir), { dataDir });
  const { weights, fit, source } = await calibrateRetrieval(await loadDataset(join(root, dataset)), { dataDir, datasetName: dataset });
  const target = join(root, 'packages/core/src/retrieval-calibration.ts');
  await writeFile(`${target}.tmp`, source);
  await rename(`${target}.tmp`, target);
  console.log(`weights ${JSON.stringify(weights)}\nthreshold ${fit.threshold} (ties ${fit.range.join('–')}), dev accuracy ${fit.accuracy}\nwrote ${target}; run npm run build`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
