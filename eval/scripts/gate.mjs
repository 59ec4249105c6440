#!/usr/bin/env node
// The accuracy gate run by `npm test`: ingest the bundled corpora into a scratch data dir (with
// --force, so the index reflects the code under test) and evaluate the held-out test set against
// the committed baseline in eval/gate.json. Fails (exit 1) when accuracy drops below
// baseline - margin, and leaves a report in eval/reports/test/ saying what got worse.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const gate = JSON.parse(readFileSync(join(root, 'eval/gate.json'), 'utf8'));
const minAccuracy = Math.round((gate.baseline - gate.margin) * 1e4) / 1e4;
const cli = join(root, 'packages/cli/bin/govchat.js');
const dataDir = join(root, 'eval/reports/index');
const run = (args) => execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });

console.log(`eval gate: ${gate.dataset}, accuracy must be ≥ ${minAccuracy} (baseline ${gate.baseline} − margin ${gate.margin})`);
try {
  run(['ingest', 'corpora', '--data-dir', dataDir, '--force']);
  run(['eval', '--dataset', gate.dataset, '--data-dir', dataDir, '--min-accuracy', String(minAccuracy), '--report', join(root, 'eval/reports/test')]);
} catch (error) {
  console.error(`eval gate failed — see eval/reports/test/report.md for the misses`);
  process.exit(typeof error.status === 'number' && error.status !== 0 ? error.status : 1);
}
