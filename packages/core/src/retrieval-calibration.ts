/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -1.4398, "coverage": 0.6587, "dense": 0.913, "coverageMargin": 1.8653, "denseMargin": 0.7373, "bm25": 0.4106, "known": 0.6248, "agreement": 0.9762, "numberFit": 1.4576, "concept": 2.8341 },
  abstainBelow: 0.4622,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.799',
  modes: {
    bm25: { weights: { "bias": -1.3388, "coverage": 0.6834, "dense": 1.7675, "coverageMargin": 1.6729, "denseMargin": 1.2783, "bm25": 1.101, "known": 0.9493, "agreement": 0.835, "numberFit": 1.8547, "concept": 0 }, abstainBelow: 0.37 },
    dense: { weights: { "bias": -1.876, "coverage": 1.94, "dense": 2.1927, "coverageMargin": 1.3407, "denseMargin": 1.4411, "bm25": 0, "known": 0.1123, "agreement": 0.6819, "numberFit": 0.4049, "concept": 0 }, abstainBelow: 0.3516 },
  },
} as const;
