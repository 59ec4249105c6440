/**
 * Written by `npm run calibrate` from the dev set (eval/datasets/dev.jsonl): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: { "bias": -1.6488, "coverage": 0.6473, "dense": 2.153, "coverageMargin": -0.1536, "denseMargin": 0.1177, "bm25": 2.0505, "known": 0.7062, "agreement": 2.0512 },
  abstainBelow: 0.3139,
  fittedOn: 'eval/datasets/dev.jsonl: 210 queries, dev accuracy 0.7429',
  modes: {
    bm25: { weights: { "bias": -1.6407, "coverage": 0.5673, "dense": 1.8925, "coverageMargin": 1.0817, "denseMargin": 1.0482, "bm25": 1.462, "known": 0.9466, "agreement": 1.2221 }, abstainBelow: 0.3048 },
    dense: { weights: { "bias": -2.1899, "coverage": 1.8176, "dense": 2.4175, "coverageMargin": 1.1445, "denseMargin": 1.2179, "bm25": 0, "known": 0.4294, "agreement": 0.6553 }, abstainBelow: 0.2775 },
  },
} as const;
