#!/usr/bin/env node
// `npm run eval:accept`: records the current pipeline as the accepted one. Runs the gate's own
// ingest + eval of the held-out test set (showing what changed since the last accepted run), then
// rewrites the committed baseline run (eval/gate.json's baselineReport) and sets eval/gate.json's
// baseline to the new accuracy. Commit both files with the change that earned them.
//
// The gate's baseline is never lowered by accident: a lower accuracy needs `-- --allow-lower` and
// a reason in the commit message (e.g. a corrected answer key in the test set).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomically } from '@govchat/core';
import { formatBaseline, loadBaseline } from '@govchat/eval';

const { values } = parseArgs({ options: { 'allow-lower': { type: 'boolean', default: false } } });
const root = fileURLToPath(new URL('../..', import.meta.url));
const gateFile = join(root, 'eval/gate.json');
const gate = JSON.parse(readFileSync(gateFile, 'utf8'));
const baselineFile = join(root, gate.baselineReport ?? 'eval/baselines/test.json');
const cli = join(root, 'packages/cli/bin/govchat.js');
const dataDir = join(root, 'eval/reports/index');
const reportDir = join(root, 'eval/reports/accept');
const run = (args) => execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });

try {
  run(['ingest', 'corpora', '--data-dir', dataDir, '--force']);
  run(['eval', '--dataset', gate.dataset, '--data-dir', dataDir, '--cross-departments', '--report', reportDir, ...(existsSync(baselineFile) ? ['--baseline', gate.baselineReport] : [])]);
} catch (error) {
  console.error('eval:accept: the run failed; nothing was changed');
  process.exit(typeof error.status === 'number' && error.status !== 0 ? error.status : 1);
}

const accepted = await loadBaseline(join(reportDir, 'report.json'));
const accuracy = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')).accuracy;
const rounded = Math.round(accuracy * 1e3) / 1e3;
if (rounded < gate.baseline && !values['allow-lower']) {
  console.error(
    `eval:accept: accuracy ${rounded} is below the gate's baseline ${gate.baseline}; nothing was changed.\n` +
      'Lowering the baseline lets a regression through. If it is deliberate (e.g. a corrected answer key), run npm run eval:accept -- --allow-lower and say why in the commit.',
  );
  process.exit(1);
}
// Each file is replaced whole (written beside, renamed), so an interrupted accept leaves the old one.
await mkdir(dirname(baselineFile), { recursive: true });
await writeFileAtomically(baselineFile, formatBaseline(accepted));
await writeFileAtomically(gateFile, `${JSON.stringify({ ...gate, baseline: rounded }, null, 2)}\n`);
console.log(`\neval:accept: wrote ${baselineFile.slice(root.length)} (${accepted.records.length} queries) and set eval/gate.json baseline ${gate.baseline} → ${rounded}. Commit both.`);
