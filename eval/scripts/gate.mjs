#!/usr/bin/env node
// The accuracy gate run by `npm test`: ingest the bundled corpora into a scratch data dir (with
// --force, so the index reflects the code under test) and evaluate the held-out test set against
// the committed baseline in eval/gate.json. Fails (exit 1) when accuracy drops below
// baseline - margin. Every query that went from right to wrong (or back) since the accepted run in
// eval/baselines/ is printed, and left with the misses in eval/reports/test/.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const gate = JSON.parse(readFileSync(join(root, 'eval/gate.json'), 'utf8'));
const minAccuracy = Math.round((gate.baseline - gate.margin) * 1e4) / 1e4;
const cli = join(root, 'packages/cli/bin/govchat.js');
const dataDir = join(root, 'eval/reports/index');
const run = (args) => execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
// Optional, so the gate still runs before a first `npm run eval:accept`.
const baseline = gate.baselineReport !== undefined && existsSync(join(root, gate.baselineReport)) ? ['--baseline', gate.baselineReport] : [];

console.log(`eval gate: ${gate.dataset}, accuracy must be ≥ ${minAccuracy} (baseline ${gate.baseline} − margin ${gate.margin})`);
if (baseline.length === 0) console.log(`eval gate: no ${gate.baselineReport ?? 'baselineReport in eval/gate.json'}, so no per-query changes; run npm run eval:accept to record one`);
try {
  run(['ingest', 'corpora', '--data-dir', dataDir, '--force']);
  run(['eval', '--dataset', gate.dataset, '--data-dir', dataDir, '--min-accuracy', String(minAccuracy), '--cross-departments', ...baseline, '--report', join(root, 'eval/reports/test')]);
} catch (error) {
  console.error(`eval gate failed — see "Changes since baseline" above, or eval/reports/test/report.md for the regressions and misses`);
  process.exit(typeof error.status === 'number' && error.status !== 0 ? error.status : 1);
}
