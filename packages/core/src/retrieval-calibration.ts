/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -0.9981, "coverage": 0.7344, "dense": 0.817, "coverageMargin": 1.9322, "denseMargin": 0.4666, "bm25": 0.4676, "known": 0.3966, "agreement": 1.0235, "numberFit": 1.2789, "amount": 1.0027, "concept": 2.3537 },
  abstainBelow: 0.4972,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, leave-one-bot-out dev accuracy 0.8135',
  modes: {
    bm25: { weights: { "bias": -0.9581, "coverage": 0.7008, "dense": 1.7305, "coverageMargin": 1.7536, "denseMargin": 1.4126, "bm25": 0.582, "known": 0.6104, "agreement": 0.8241, "numberFit": 1.7184, "amount": 0.9655, "concept": 0 }, abstainBelow: 0.3887 },
    dense: { weights: { "bias": -1.7883, "coverage": 2.223, "dense": 2.1849, "coverageMargin": 1.4347, "denseMargin": 1.4634, "bm25": 0, "known": -0.2088, "agreement": 0.7291, "numberFit": 0.2803, "amount": 0.2979, "concept": 0 }, abstainBelow: 0.1994 },
  },
} as const;
