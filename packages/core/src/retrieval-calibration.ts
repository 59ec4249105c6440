/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -0.9942, "coverage": 0.781, "dense": 0.8438, "coverageMargin": 2.0593, "denseMargin": 0.5161, "bm25": 0.3843, "known": 0.3958, "agreement": 0.9093, "numberFit": 1.3392, "amount": 0.9953, "concept": 2.3351 },
  abstainBelow: 0.485,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, leave-one-bot-out dev accuracy 0.8083',
  modes: {
    bm25: { weights: { "bias": -0.9766, "coverage": 0.6767, "dense": 1.7116, "coverageMargin": 1.6867, "denseMargin": 1.3651, "bm25": 0.2955, "known": 0.7173, "agreement": 0.8983, "numberFit": 1.704, "amount": 0.9763, "concept": 0 }, abstainBelow: 0.3654 },
    dense: { weights: { "bias": -1.778, "coverage": 2.1462, "dense": 2.1222, "coverageMargin": 1.551, "denseMargin": 1.5143, "bm25": 0, "known": -0.1154, "agreement": 0.7129, "numberFit": 0.2936, "amount": 0.3025, "concept": 0 }, abstainBelow: 0.2061 },
  },
} as const;
