// @govchat/eval — the evaluation harness.
export { loadDataset, parseDataset } from './eval-dataset.js';
export type { EvalQuery } from './eval-dataset.js';
export { abstention, computeMetrics, firstRelevantRank, isCorrect, percentile } from './eval-metrics.js';
export type { EvalMetrics, EvalRecord, PrecisionRecall } from './eval-metrics.js';
export { engineForMode, runEval } from './run-eval.js';
export type { EngineFactory, RunEvalOptions } from './run-eval.js';
export { fitThreshold } from './calibrate-threshold.js';
export type { ThresholdFit } from './calibrate-threshold.js';
