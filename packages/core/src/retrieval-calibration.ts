/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -0.9694, "coverage": 0.5857, "dense": 0.7596, "coverageMargin": 1.8561, "denseMargin": 0.6473, "bm25": 0.433, "known": 0.4548, "agreement": 0.8628, "numberFit": 1.3336, "amount": 1.0021, "concept": 2.452 },
  abstainBelow: 0.4803,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, leave-one-bot-out dev accuracy 0.8031',
  modes: {
    bm25: { weights: { "bias": -0.9351, "coverage": 0.4733, "dense": 1.6915, "coverageMargin": 1.7585, "denseMargin": 1.4311, "bm25": 0.8233, "known": 0.6275, "agreement": 0.7715, "numberFit": 1.7004, "amount": 0.3926, "concept": 0 }, abstainBelow: 0.3654 },
    dense: { weights: { "bias": -1.7342, "coverage": 2.0356, "dense": 2.0874, "coverageMargin": 1.4948, "denseMargin": 1.5713, "bm25": 0, "known": -0.0661, "agreement": 0.6509, "numberFit": 0.2821, "amount": 0.3042, "concept": 0 }, abstainBelow: 0.2223 },
  },
} as const;
