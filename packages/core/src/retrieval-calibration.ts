/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy. Do not edit by hand;
 * re-run the script after changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -3.6465, "coverage": 0.1508, "dense": 7.2992, "coverageMargin": 0.4024, "denseMargin": -0.8876, "bm25": 2.4312, "known": -1.1244, "agreement": 0.319 },
  abstainBelow: 0.2549,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.6381',
} as const;
