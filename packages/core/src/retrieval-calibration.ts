/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -1.71, "coverage": 0.6481, "dense": 1.2121, "coverageMargin": 1.4829, "denseMargin": 0.3775, "bm25": 0.5551, "known": 0.5809, "agreement": 1.2572, "numberFit": 1.8495, "concept": 2.7551 },
  abstainBelow: 0.449,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.7805',
  modes: {
    bm25: { weights: { "bias": -1.5779, "coverage": 0.5836, "dense": 1.8402, "coverageMargin": 1.2145, "denseMargin": 1.2889, "bm25": 1.367, "known": 0.9022, "agreement": 1.2419, "numberFit": 2.3348, "concept": 0 }, abstainBelow: 0.2937 },
    dense: { weights: { "bias": -2.0902, "coverage": 1.8326, "dense": 2.3158, "coverageMargin": 1.2915, "denseMargin": 1.4266, "bm25": 0, "known": 0.3391, "agreement": 0.6355, "numberFit": -0.8987, "concept": 0 }, abstainBelow: 0.3235 },
  },
} as const;
