import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCalibration } from '@govchat/core';
import { calibrateDataDir, loadDataset } from '@govchat/eval';
import { resolveDataDir, UsageError, type CliIo } from '../cli-context.js';

export const CALIBRATE_USAGE = 'govchat calibrate --dataset FILE [--data-dir DIR] [--json]';

/**
 * `govchat calibrate`: fits when to answer and when to abstain for the indexes in the data dir, on
 * a dataset of their bots' questions (the eval format), and writes `<data-dir>/calibration.json`,
 * which `ask`, `eval` and `serve` then use for indexes built the same way. Needed after switching
 * to a transformer embedder; a department with its own question set can use it too. Fit on a set
 * you tune on, never on the one you measure with.
 *
 * @example process.exitCode = await runCalibrate(['--dataset', 'my-dev.jsonl'], processIo);
 */
export async function runCalibrate(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { dataset: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  if (values.dataset === undefined) throw new UsageError('--dataset is required');
  const dataDir = resolveDataDir(io, values['data-dir']);
  const queries = await loadDataset(resolve(io.cwd, values.dataset));
  const result = await calibrateDataDir(queries, { dataDir, datasetName: values.dataset, env: io.env });
  const file = await writeCalibration(dataDir, result.record);
  const { record, before } = result;
  if (values.json) {
    io.out(`${JSON.stringify({ file, samples: result.samples, before, ...record })}\n`);
    return 0;
  }
  io.out(
    [
      `calibrated ${record.bots.length} bot(s) (${record.bots.join(', ')}), embedder ${record.embedder}, on ${result.samples} questions of ${values.dataset}`,
      `  accuracy ${record.leaveOneBotOutAccuracy} ${record.bots.length < 2 ? 'in-sample (one bot: nothing held out)' : 'with each bot held out of the fit'}`,
      `  before:  ${before.accuracy} with ${before.calibration}`,
      `  abstain below confidence ${record.abstainBelow}`,
      `wrote ${file}: used for indexes built with this embedder and this version of govchat`,
      '',
    ].join('\n'),
  );
  return 0;
}
