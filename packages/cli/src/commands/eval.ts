import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createConfiguredAnswerer, describeCalibrations, GovchatError, loadIndex, type Answerer, type BotIndex } from '@govchat/core';
import {
  buildReport,
  createProgressBar,
  evalConfigs,
  FULL_PIPELINE,
  formatTextReport,
  loadBaseline,
  loadDataset,
  runComparison,
  toSummary,
  writeReport,
} from '@govchat/eval';
import { processIo, resolveDataDir, UsageError, type CliIo } from '../cli-context.js';

export const EVAL_USAGE =
  'govchat eval --dataset FILE [--bot ID] [--data-dir DIR] [--json] [--report DIR] [--compare] [--cross-departments] [--min-accuracy X] [--baseline REPORT_JSON] [--answerer extractive|llm]';

const ANSWERERS = ['extractive', 'llm'] as const;

/**
 * `govchat eval`: runs a dataset through the same pipeline as `govchat ask` (and, with
 * `--compare`, through the baselines), prints the metrics, writes reports, and fails (exit 1)
 * when accuracy is below `--min-accuracy` — the regression gate. With `--baseline` (the
 * report.json of an earlier run) it also lists every query that went from right to wrong and back.
 *
 * @example process.exitCode = await runEvalCommand(['--dataset', 'eval/datasets/test.jsonl', '--min-accuracy', '0.85'], processIo);
 */
export async function runEvalCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: 'string' },
      bot: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      report: { type: 'string' },
      compare: { type: 'boolean', default: false },
      'cross-departments': { type: 'boolean', default: false },
      'min-accuracy': { type: 'string' },
      baseline: { type: 'string' },
      answerer: { type: 'string', default: 'extractive' },
    },
    allowPositionals: false,
  });
  if (values.dataset === undefined) throw new UsageError('--dataset is required');
  const minAccuracy = values['min-accuracy'] === undefined ? undefined : parseShare(values['min-accuracy']);
  const answerer = selectAnswerer(values.answerer, io.env);

  // Read before the run, so a bad baseline fails in a second rather than after the whole dataset.
  // Reports name the baseline as given on the command line.
  const baseline = values.baseline === undefined ? undefined : { ...(await loadBaseline(resolve(io.cwd, values.baseline))), file: values.baseline };
  const queries = await loadDataset(resolve(io.cwd, values.dataset));
  // An empty set would "measure" accuracy 0 and fail a gate for the wrong reason.
  if (queries.length === 0) throw new GovchatError('INVALID_INPUT', `${values.dataset} has no queries`);
  const bot = values.bot;
  if (bot !== undefined && !queries.some((q) => q.bot === bot)) {
    const bots = [...new Set(queries.map((q) => q.bot))].join(', ');
    throw new GovchatError('INVALID_INPUT', `no queries for bot "${bot}" in ${values.dataset} (it has: ${bots || 'none'})`);
  }

  const all = evalConfigs(answerer === undefined ? {} : { answerer });
  const configs = values.compare ? all : all.filter((c) => c.name === FULL_PIPELINE);
  const dataDir = resolveDataDir(io, values['data-dir']);
  // Loaded once for every configuration, and asked which calibration judges their answers.
  const indexes = new Map<string, BotIndex>();
  for (const id of new Set(queries.filter((q) => bot === undefined || q.bot === bot).map((q) => q.bot))) {
    indexes.set(id, await loadIndex(dataDir, id, { env: io.env }));
  }
  const calibration = describeCalibrations(indexes);
  const bar = stderrIsTTY(io) ? createProgressBar(io.err) : undefined;
  const results = await runComparison(queries, {
    dataDir,
    indexes,
    ...(bot === undefined ? {} : { bot }),
    configs,
    // Other departments' questions go to the dataset's bots (or the one chosen), through each configuration.
    ...(values['cross-departments'] ? { crossDepartments: { bots: bot === undefined ? [...new Set(queries.map((q) => q.bot))] : [bot] } } : {}),
    ...(bar === undefined ? {} : { onProgress: (done: number, total: number, config: string) => bar.update(done, total, config) }),
  }).finally(() => bar?.finish());
  const full = results.find((r) => r.name === FULL_PIPELINE)!;
  const report = buildReport({
    dataset: values.dataset,
    ...(bot === undefined ? {} : { bot }),
    answerer: values.answerer,
    calibration,
    records: full.records,
    ...(values.compare ? { compare: results } : {}),
    ...(minAccuracy === undefined ? {} : { minAccuracy }),
    ...(baseline === undefined ? {} : { baseline }),
    // Without --compare the full pipeline's run is still the one that holds its cross-department answers.
    ...(full.crossDepartment === undefined ? {} : { crossDepartment: full.crossDepartment }),
  });

  const files = values.report === undefined ? undefined : await writeReport(resolve(io.cwd, values.report), report);
  if (values.json) io.out(`${JSON.stringify(toSummary(report))}\n`);
  else io.out(formatTextReport(report));
  // stdout carries only the JSON object under --json.
  if (files !== undefined) (values.json ? io.err : io.out)(`\nreport written: ${files.markdown}, ${files.json}, ${files.html}\n`);
  if (report.gate === undefined) return 0;
  io.err(`gate ${report.gate.passed ? 'passed' : 'failed'}: ${report.gate.message}\n`);
  // CI logs are read from the failure up: say there what the changes section holds.
  const changes = report.changes;
  if (changes !== undefined) io.err(`since ${changes.baseline}: ${changes.regressions.length} regression(s), ${changes.fixes.length} fix(es)${values.json ? ' (under "changes")' : ', listed under "Changes since baseline"'}\n`);
  return report.gate.passed ? 0 : 1;
}

function parseShare(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--min-accuracy must be a share between 0 and 1 (e.g. 0.85), not "${text}"`);
  }
  return value;
}

/** Undefined: the product's default (extractive) answerer; `llm`: each bot's LLM settings (bot.json over GOVCHAT_LLM_*). */
function selectAnswerer(name: string, env: NodeJS.ProcessEnv): Answerer | undefined {
  if (!(ANSWERERS as readonly string[]).includes(name)) throw new UsageError(`--answerer must be ${ANSWERERS.join(' or ')}, not "${name}"`);
  return name === 'llm' ? createConfiguredAnswerer(env, { kind: 'llm' }) : undefined;
}

/**
 * The progress bar goes to stderr, so it is stderr that must be a terminal. `CliIo.isTTY`
 * describes stdout; for the real process ask stderr itself, for an injected one trust its flag.
 */
function stderrIsTTY(io: CliIo): boolean {
  return io === processIo ? Boolean(process.stderr.isTTY) : io.isTTY;
}
