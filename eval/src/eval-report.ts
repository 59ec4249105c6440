import { checkAccuracyGate, type GateResult } from './accuracy-gate.js';
import { compareWithFull, FULL_PIPELINE, isSameQueries, leadOverBaselines, type ConfigResult, type Lead, type PairedComparison } from './compare-configs.js';
import {
  diffCrossDepartment,
  type CrossDepartmentChange,
  type CrossDepartmentCounts,
  type CrossDepartmentGroup,
  type CrossDepartmentResult,
} from './cross-department.js';
import { diffRuns, type QueryOutcome, type RunDiff } from './compare-runs.js';
import { computeMetrics, type EvalMetrics, type EvalRecord } from './eval-metrics.js';
import { selectMisses, type EvalMiss } from './select-misses.js';

/** One compared configuration as reports show it. */
export interface ConfigSummary {
  readonly name: string;
  readonly description: string;
  readonly metrics: EvalMetrics;
  /** Every configuration but the full pipeline: the full pipeline against it, query by query. */
  readonly versusFull?: PairedComparison;
  /** With `--cross-departments`: how many of other departments' questions it answered. */
  readonly crossDepartment?: CrossDepartmentGroup;
}

/** What changed since the baseline run (`--baseline`), and which file that was. */
export type ReportChanges = RunDiff & {
  /** The baseline file as given on the command line. */
  readonly baseline: string;
  /** When both runs had `--cross-departments`: the share of other departments' questions answered, then and now. */
  readonly crossDepartment?: CrossDepartmentChange;
};

/** Everything one `govchat eval` run found; every output format (text, JSON, Markdown, HTML) renders this. */
export interface EvalReport {
  /** ISO time the run finished. */
  readonly generatedAt: string;
  /** The dataset file as given on the command line. */
  readonly dataset: string;
  /** Set when the run was limited to one bot. */
  readonly bot?: string;
  readonly answerer: string;
  /** Which confidence calibration the bots' answers were judged by (describeCalibration), when known. */
  readonly calibration?: string;
  /** The full pipeline's metrics. */
  readonly metrics: EvalMetrics;
  /** Present with `--compare`: every configuration, the full pipeline first. */
  readonly compare?: readonly ConfigSummary[];
  readonly gate?: GateResult;
  /** Present with `--baseline`: the full pipeline against the baseline's records. */
  readonly changes?: ReportChanges;
  /** Present with `--cross-departments`: how often bots answered other departments' questions. */
  readonly crossDepartment?: CrossDepartmentResult;
  /** The full pipeline's misses, worst first. */
  readonly misses: readonly EvalMiss[];
  /** The full pipeline's record of every query, in dataset order. */
  readonly records: readonly EvalRecord[];
}

export interface BuildReportInput {
  readonly dataset: string;
  readonly bot?: string;
  readonly answerer: string;
  readonly calibration?: string;
  /** The full pipeline's records. */
  readonly records: readonly EvalRecord[];
  readonly compare?: readonly ConfigResult[];
  readonly minAccuracy?: number;
  /** The last accepted run to diff against; `file` is named in reports. */
  readonly baseline?: { readonly file: string; readonly records: readonly QueryOutcome[]; readonly crossDepartment?: CrossDepartmentCounts };
  /** The full pipeline's answers to other departments' questions; default: the full run of `compare`, if it has them. */
  readonly crossDepartment?: CrossDepartmentResult;
  readonly now?: Date;
}

function summariseConfigs(configs: readonly ConfigResult[]): ConfigSummary[] {
  const full = configs.find((c) => c.name === FULL_PIPELINE);
  return configs.map((c) => ({
    name: c.name,
    description: c.description,
    metrics: c.metrics,
    // Only runs of the very same queries pair up; runComparison always makes them so.
    ...(full === undefined || c === full || !isSameQueries(full.records, c.records) ? {} : { versusFull: compareWithFull(full.records, c.records) }),
    ...(c.crossDepartment === undefined ? {} : { crossDepartment: { n: c.crossDepartment.n, answered: c.crossDepartment.answered, share: c.crossDepartment.share } }),
  }));
}

/**
 * Assembles the report of a run from its records.
 *
 * @example
 * const report = buildReport({ dataset: 'eval/datasets/test.jsonl', answerer: 'extractive', records });
 * report.misses[0]?.query
 */
export function buildReport(input: BuildReportInput): EvalReport {
  const fullRun = input.compare?.find((c) => c.name === FULL_PIPELINE);
  const metrics = fullRun?.metrics ?? computeMetrics(input.records);
  // A comparison run with cross-department questions carries the full pipeline's answers to them.
  const crossDepartment = input.crossDepartment ?? fullRun?.crossDepartment;
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    dataset: input.dataset,
    ...(input.bot === undefined ? {} : { bot: input.bot }),
    answerer: input.answerer,
    ...(input.calibration === undefined ? {} : { calibration: input.calibration }),
    metrics,
    ...(input.compare === undefined
      ? {}
      : { compare: summariseConfigs(input.compare) }),
    ...(input.minAccuracy === undefined ? {} : { gate: checkAccuracyGate(metrics.accuracy, input.minAccuracy) }),
    ...(input.baseline === undefined ? {} : { changes: changesSince(input.baseline, input.records, input.bot, crossDepartment) }),
    ...(crossDepartment === undefined ? {} : { crossDepartment }),
    misses: selectMisses(input.records),
    records: input.records,
  };
}

/**
 * A run limited to one bot is compared with that bot's part of the baseline; otherwise every
 * other bot's query would be reported as removed from the dataset.
 */
function changesSince(
  baseline: NonNullable<BuildReportInput['baseline']>,
  records: readonly EvalRecord[],
  bot: string | undefined,
  cross: CrossDepartmentResult | undefined,
): ReportChanges {
  const before = bot === undefined ? baseline.records : baseline.records.filter((r) => r.bot === bot);
  const crossChange = baseline.crossDepartment === undefined || cross === undefined ? undefined : diffCrossDepartment(baseline.crossDepartment, cross);
  return { baseline: baseline.file, ...diffRuns(before, records), ...(crossChange === undefined ? {} : { crossDepartment: crossChange }) };
}

/**
 * What `govchat eval --json` prints: the full pipeline's metrics at top level, plus `compare` when
 * compared, `changes` when run against a baseline and `crossDepartment` with `--cross-departments`.
 */
export type EvalSummary = EvalMetrics & {
  /** Each configuration's metrics, and its `crossDepartment` (n, answered, share) when asked for. */
  readonly compare?: Readonly<Record<string, EvalMetrics & { readonly crossDepartment?: CrossDepartmentGroup }>>;
  /** With `compare`: the full pipeline's lead over the best other configuration. */
  readonly lead?: Lead;
  readonly changes?: ReportChanges;
  readonly crossDepartment?: CrossDepartmentResult;
};

/**
 * The `--json` object: one flat set of metric keys that CI scripts can read without knowing the
 * report's layout.
 *
 * @example JSON.stringify(toSummary(report)) // '{"n":210,"accuracy":0.9143,…}'
 */
export function toSummary(report: EvalReport): EvalSummary {
  if (report.compare === undefined && report.changes === undefined && report.crossDepartment === undefined) return report.metrics;
  const lead = report.compare === undefined ? undefined : leadOverBaselines(report.compare);
  return {
    ...report.metrics,
    ...(report.compare === undefined
      ? {}
      : { compare: Object.fromEntries(report.compare.map((c) => [c.name, c.crossDepartment === undefined ? c.metrics : { ...c.metrics, crossDepartment: c.crossDepartment }])) }),
    ...(lead === undefined ? {} : { lead }),
    ...(report.changes === undefined ? {} : { changes: report.changes }),
    ...(report.crossDepartment === undefined ? {} : { crossDepartment: report.crossDepartment }),
  };
}

/**
 * `report.json`: the `--json` object, plus the run's context, the gate, the misses and every
 * record — so the file can serve as the `--baseline` of a later run, which is diffed query by query.
 *
 * @example await writeFile('report.json', JSON.stringify(toReportJson(report), null, 2));
 */
export function toReportJson(report: EvalReport): Record<string, unknown> {
  return {
    ...toSummary(report),
    run: {
      generatedAt: report.generatedAt,
      dataset: report.dataset,
      ...(report.bot === undefined ? {} : { bot: report.bot }),
      answerer: report.answerer,
      ...(report.calibration === undefined ? {} : { calibration: report.calibration }),
    },
    ...(report.compare === undefined ? {} : { configs: report.compare.map(({ name, description, versusFull }) => ({ name, description, ...(versusFull === undefined ? {} : { versusFull }) })) }),
    ...(report.gate === undefined ? {} : { gate: report.gate }),
    misses: report.misses,
    records: report.records.map((r) => ({ ...r, latencyMs: Math.round(r.latencyMs * 100) / 100, confidence: Math.round(r.confidence * 1e4) / 1e4 })),
  };
}
