// @govchat/eval — the evaluation harness: run a dataset through the pipeline (and baselines),
// measure it, report it, gate on it.

// Datasets, and past runs to diff against (the files a run reads)
export { loadDataset, parseDataset } from './eval-dataset.js';
export { formatBaseline, loadBaseline, parseBaseline } from './eval-baseline.js';

// Running
export { engineForMode, runEval } from './run-eval.js';
export { compareWithFull, evalConfigs, FULL_PIPELINE, leadOverBaselines, runComparison } from './compare-configs.js';
export { createMiniSearchRetriever } from './minisearch-retriever.js';

// Metrics and the gate
export { abstention, computeMetrics, firstRelevantRank, isCorrect, percentile } from './eval-metrics.js';
export { selectMisses } from './select-misses.js';
export { diffRuns } from './compare-runs.js';
export { crossDepartmentQueries, diffCrossDepartment, runCrossDepartment, summariseCrossDepartment } from './cross-department.js';
export { pairedChangePValue, wilsonInterval } from './significance.js';
export { checkAccuracyGate } from './accuracy-gate.js';
export { calibrateDataDir, calibrateRetrieval, fitThreshold } from './calibrate-threshold.js';

// Reports
export { buildReport, toReportJson, toSummary } from './eval-report.js';
export { formatTextReport } from './format-text-report.js';
export { formatMarkdownReport } from './format-markdown-report.js';
export { formatHtmlReport } from './format-html-report.js';
export { writeReport } from './write-report.js';
export { createProgressBar } from './progress-bar.js';

export type { EvalQuery } from './eval-dataset.js';
export type { EvalBaseline } from './eval-baseline.js';
export type { EngineFactory, RunEvalOptions } from './run-eval.js';
export type { CompareOptions, ConfigResult, EvalConfig, Lead, PairedComparison } from './compare-configs.js';
export type { EvalMetrics, EvalRecord, LangMetrics, PrecisionRecall } from './eval-metrics.js';
export type { EvalMiss, MissKind } from './select-misses.js';
export type { AccuracyChange, DatasetChange, QueryChange, QueryDecision, QueryOutcome, RunDiff } from './compare-runs.js';
export type { GateResult } from './accuracy-gate.js';
export type {
  CrossDepartmentAnswer,
  CrossDepartmentChange,
  CrossDepartmentCounts,
  CrossDepartmentGroup,
  CrossDepartmentOptions,
  CrossDepartmentQuery,
  CrossDepartmentResult,
  CrossDepartmentShift,
} from './cross-department.js';
export type { ShareInterval } from './significance.js';
export type { DataDirCalibration, ModeCalibration, ThresholdFit } from './calibrate-threshold.js';
export type { BuildReportInput, ConfigSummary, EvalReport, EvalSummary, ReportChanges } from './eval-report.js';
export type { TextReportOptions } from './format-text-report.js';
export type { ReportFiles } from './write-report.js';
export type { ProgressBar, ProgressBarOptions } from './progress-bar.js';
