/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -1.6986, "coverage": 0.7906, "dense": 1.1616, "coverageMargin": 1.7423, "denseMargin": 0.656, "bm25": 0.5792, "known": 0.796, "agreement": 0.9905, "numberFit": 1.5718, "concept": 2.5526 },
  abstainBelow: 0.4395,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.7902',
  modes: {
    bm25: { weights: { "bias": -1.5806, "coverage": 0.7565, "dense": 1.7706, "coverageMargin": 1.6248, "denseMargin": 1.2876, "bm25": 1.2666, "known": 1.1255, "agreement": 0.9311, "numberFit": 1.9587, "concept": 0 }, abstainBelow: 0.3148 },
    dense: { weights: { "bias": -2.0117, "coverage": 1.9412, "dense": 2.2064, "coverageMargin": 1.3225, "denseMargin": 1.491, "bm25": 0, "known": 0.2606, "agreement": 0.7462, "numberFit": 0.4568, "concept": 0 }, abstainBelow: 0.3321 },
  },
} as const;
