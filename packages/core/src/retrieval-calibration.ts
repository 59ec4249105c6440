/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -1.5309, "coverage": 0.7169, "dense": 1.0142, "coverageMargin": 1.7593, "denseMargin": 0.6543, "bm25": 0.4923, "known": 0.6903, "agreement": 0.998, "numberFit": 1.5161, "concept": 2.6228 },
  abstainBelow: 0.4522,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.7889',
  modes: {
    bm25: { weights: { "bias": -1.4563, "coverage": 0.6589, "dense": 1.7288, "coverageMargin": 1.623, "denseMargin": 1.2905, "bm25": 1.1895, "known": 1.0449, "agreement": 0.9223, "numberFit": 1.9165, "concept": 0 }, abstainBelow: 0.3527 },
    dense: { weights: { "bias": -1.9274, "coverage": 1.9516, "dense": 2.2401, "coverageMargin": 1.3108, "denseMargin": 1.4441, "bm25": 0, "known": 0.1245, "agreement": 0.6842, "numberFit": 0.4184, "concept": 0 }, abstainBelow: 0.3449 },
  },
} as const;
