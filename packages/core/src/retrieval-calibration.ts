/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -1.5986, "coverage": 0.6322, "dense": 2.1239, "coverageMargin": -0.1278, "denseMargin": 0.1161, "bm25": 2.0164, "known": 0.6881, "agreement": 2.0236, "numberFit": 2.1192 },
  abstainBelow: 0.3219,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.7476',
  modes: {
    bm25: { weights: { "bias": -1.6866, "coverage": 0.5745, "dense": 1.9211, "coverageMargin": 1.0764, "denseMargin": 1.1076, "bm25": 1.4801, "known": 0.966, "agreement": 1.2175, "numberFit": 2.3513 }, abstainBelow: 0.2824 },
    dense: { weights: { "bias": -2.201, "coverage": 1.8075, "dense": 2.4432, "coverageMargin": 1.1423, "denseMargin": 1.1545, "bm25": 0, "known": 0.42, "agreement": 0.6532, "numberFit": -0.9309 }, abstainBelow: 0.2759 },
  },
} as const;
