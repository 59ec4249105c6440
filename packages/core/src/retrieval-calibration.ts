/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -0.9858, "coverage": 0.6464, "dense": 0.816, "coverageMargin": 1.896, "denseMargin": 0.5985, "bm25": 0.4122, "known": 0.4645, "agreement": 0.9745, "numberFit": 1.3439, "amount": 0.9943, "concept": 2.3523 },
  abstainBelow: 0.4839,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, leave-one-bot-out dev accuracy 0.8083',
  modes: {
    bm25: { weights: { "bias": -0.9841, "coverage": 0.5528, "dense": 1.7291, "coverageMargin": 1.8384, "denseMargin": 1.3748, "bm25": 0.7826, "known": 0.6467, "agreement": 0.9105, "numberFit": 1.7099, "amount": 0.3844, "concept": 0 }, abstainBelow: 0.358 },
    dense: { weights: { "bias": -1.7751, "coverage": 2.1209, "dense": 2.1036, "coverageMargin": 1.5313, "denseMargin": 1.5589, "bm25": 0, "known": -0.0608, "agreement": 0.7204, "numberFit": 0.2922, "amount": 0.2934, "concept": 0 }, abstainBelow: 0.2146 },
  },
} as const;
