/**
 * How sure retrieval is that its best FAQ answers the question: a logistic model over a few
 * signals of the best and second-best hits. Its weights are fitted on the dev set by
 * `npm run calibrate` (never by hand) and stored in retrieval-calibration.ts.
 */
export const CONFIDENCE_FEATURES = [
  'coverage',
  'dense',
  'coverageMargin',
  'denseMargin',
  'bm25',
  'known',
  'agreement',
  'numberFit',
  'amount',
  'concept',
] as const;

export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];
export type ConfidenceFeatures = Readonly<Record<ConfidenceFeature, number>>;
export type ConfidenceWeights = Readonly<Record<ConfidenceFeature | 'bias', number>>;

/**
 * @example scoreConfidence(features, RETRIEVAL_CALIBRATION.weights) // 0.87
 */
export function scoreConfidence(features: ConfidenceFeatures, weights: ConfidenceWeights): number {
  let z = weights.bias;
  for (const name of CONFIDENCE_FEATURES) z += weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits logistic-regression weights (L2-regularised, batch gradient descent on standardised
 * features, mapped back): small, deterministic and dependency-free.
 *
 * @example const weights = fitConfidenceWeights(samples.map((s) => ({ features: s.f, label: s.right ? 1 : 0 })));
 */
export function fitConfidenceWeights(
  samples: ReadonlyArray<{ readonly features: ConfidenceFeatures; readonly label: 0 | 1 }>,
  options: { readonly l2?: number; readonly iterations?: number; readonly learningRate?: number } = {},
): ConfidenceWeights {
  // Clearly regularised: the signals are correlated (coverage, BM25, known share, cosine), and a
  // near-unregularised fit on ~200 dev questions splits weight among them erratically (a negative
  // weight on a margin), which generalises worse to new bots (leave-one-bot-out accuracy).
  const l2 = options.l2 ?? 0.1;
  const iterations = options.iterations ?? 4000;
  const rate = options.learningRate ?? 0.5;
  const names = CONFIDENCE_FEATURES;
  const mean = names.map((n) => avg(samples.map((s) => s.features[n])));
  const std = names.map((n, i) => Math.sqrt(avg(samples.map((s) => (s.features[n] - mean[i]!) ** 2))) || 1);
  const x = samples.map((s) => names.map((n, i) => (s.features[n] - mean[i]!) / std[i]!));
  const w = new Array<number>(names.length).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(names.length).fill(0);
    let gb = 0;
    x.forEach((row, k) => {
      const z = b + row.reduce((sum, v, i) => sum + v * w[i]!, 0);
      const err = 1 / (1 + Math.exp(-z)) - samples[k]!.label;
      row.forEach((v, i) => (gw[i]! += err * v));
      gb += err;
    });
    for (let i = 0; i < w.length; i++) w[i]! -= rate * (gw[i]! / x.length + l2 * w[i]!);
    b -= (rate * gb) / x.length;
  }
  const out: Record<string, number> = { bias: b - names.reduce((sum, _, i) => sum + (w[i]! * mean[i]!) / std[i]!, 0) };
  names.forEach((n, i) => (out[n] = w[i]! / std[i]!));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v * 1e4) / 1e4])) as ConfidenceWeights;
}

function avg(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
