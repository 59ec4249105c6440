/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -0.9799, "coverage": 0.498, "dense": 0.693, "coverageMargin": 1.8843, "denseMargin": 0.6812, "bm25": 0.1689, "known": 0.5933, "agreement": 0.9503, "numberFit": 1.3514, "amount": 1.0113, "concept": 2.4443 },
  abstainBelow: 0.4704,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, leave-one-bot-out dev accuracy 0.7979',
  modes: {
    bm25: { weights: { "bias": -0.9051, "coverage": 0.45, "dense": 1.6469, "coverageMargin": 1.706, "denseMargin": 1.3921, "bm25": 0.8029, "known": 0.6496, "agreement": 0.7994, "numberFit": 1.6882, "amount": 0.3926, "concept": 0 }, abstainBelow: 0.3686 },
    dense: { weights: { "bias": -1.7052, "coverage": 1.9737, "dense": 2.1399, "coverageMargin": 1.5009, "denseMargin": 1.4825, "bm25": 0, "known": -0.0184, "agreement": 0.5628, "numberFit": 0.2435, "amount": 0.2879, "concept": 0 }, abstainBelow: 0.2315 },
  },
} as const;
