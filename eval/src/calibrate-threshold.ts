import {
  CONFIDENCE_FEATURES,
  checkInput,
  createHybridRetriever,
  detectNonQuestion,
  fitConfidenceWeights,
  loadIndex,
  scoreConfidence,
  type BotIndex,
  type ConfidenceFeatures,
  type ConfidenceWeights,
  type RetrievalMode,
} from '@govchat/core';
import type { EvalQuery } from './eval-dataset.js';
import { isCorrect, type EvalRecord } from './eval-metrics.js';

export interface ThresholdFit {
  /** Abstain below this confidence. */
  readonly threshold: number;
  /** Accuracy on the records at that threshold. */
  readonly accuracy: number;
  /** The range of thresholds that reach the same accuracy; the fit takes its middle. */
  readonly range: readonly [number, number];
}

/**
 * Picks the abstention threshold that maximises accuracy on (dev) records: a record's answer is
 * kept when its confidence is at or above the threshold. Of the thresholds that tie, the middle
 * of the widest-margin interval is taken, so the choice is not perched on one query's score.
 *
 * Records must come from a run that never abstains on confidence (threshold 0), so that the
 * ranked answer of every query is known.
 *
 * @example fitThreshold(records).threshold // 0.41
 */
export function fitThreshold(records: readonly EvalRecord[]): ThresholdFit {
  const candidates = [...new Set([0, 1, ...records.map((r) => r.confidence)])].sort((a, b) => a - b);
  // Between two adjacent confidences every threshold decides the same; evaluate each gap once.
  const cuts = candidates.map((c, i) => (i === 0 ? c : (candidates[i - 1]! + c) / 2));
  let best = -1;
  let bestCuts: number[] = [];
  for (const t of cuts) {
    const correct = records.filter((r) => isCorrect({ ...r, abstained: r.abstained || r.confidence < t })).length;
    if (correct > best) {
      best = correct;
      bestCuts = [t];
    } else if (correct === best) bestCuts.push(t);
  }
  const lo = bestCuts[0] ?? 0;
  const hi = bestCuts[bestCuts.length - 1] ?? 0;
  // Among the best cuts take the median: thresholds that tie are usually one contiguous band.
  const threshold = bestCuts[Math.floor((bestCuts.length - 1) / 2)] ?? 0;
  return { threshold: round(threshold), accuracy: records.length === 0 ? 0 : round(best / records.length), range: [round(lo), round(hi)] };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** One retrieval mode's fitted confidence model. */
export interface ModeCalibration {
  readonly weights: ConfidenceWeights;
  readonly fit: ThresholdFit;
}

/**
 * Fits the retrieval confidence model and the abstention threshold on a (dev) dataset, for the
 * product (hybrid) and for each single-signal mode — so that BM25-only and dense-only are compared
 * at their best, not handicapped by weights fitted for another mode. Logistic weights make
 * confidence predict "the best FAQ is right"; the threshold then maximises accuracy on
 * leave-one-bot-out scores (each bot scored by weights fitted without it). Returns the
 * TypeScript source of packages/core/src/retrieval-calibration.ts.
 *
 * @example const { source } = await calibrateRetrieval(await loadDataset('eval/datasets/dev.jsonl'), { dataDir });
 */
export async function calibrateRetrieval(
  queries: readonly EvalQuery[],
  options: { readonly dataDir: string; readonly datasetName: string },
): Promise<{ modes: Record<RetrievalMode, ModeCalibration>; weights: ConfidenceWeights; fit: ThresholdFit; source: string }> {
  const indexes = new Map<string, BotIndex>();
  const modes = {} as Record<RetrievalMode, ModeCalibration>;
  for (const mode of ['hybrid', 'bm25', 'dense'] as const) {
    const samples: Array<{ features: ConfidenceFeatures; label: 0 | 1; query: EvalQuery; ranked: string[] }> = [];
    for (const q of queries) {
      let index = indexes.get(q.bot);
      if (index === undefined) indexes.set(q.bot, (index = await loadIndex(options.dataDir, q.bot)));
      // The engine refuses or answers these itself before retrieval (prompt injection, small talk,
      // mashing): the confidence model never sees them, so they do not shape its fit.
      if (!checkInput(q.query).allowed || detectNonQuestion(q.query, index) !== undefined) continue;
      const result = await createHybridRetriever(index, { mode }).retrieve({ text: q.query, history: q.history ?? [] }, { limit: 10 });
      const features = Object.fromEntries(CONFIDENCE_FEATURES.map((f) => [f, result.features?.[f] ?? 0])) as ConfidenceFeatures;
      const top = result.hits[0]?.entry.id;
      samples.push({ features, label: top !== undefined && q.expected.includes(top) ? 1 : 0, query: q, ranked: result.hits.map((h) => h.entry.id) });
    }
    const weights = fitConfidenceWeights(samples);
    const recordOf = (s: (typeof samples)[number], w: ConfidenceWeights): EvalRecord => ({
      bot: s.query.bot,
      query: s.query.query,
      lang: s.query.lang,
      expected: s.query.expected,
      ranked: s.ranked,
      abstained: s.ranked.length === 0,
      confidence: scoreConfidence(s.features, w),
      latencyMs: 0,
    });
    // The threshold is fitted on out-of-fold confidences: each bot's questions scored by weights
    // fitted on the other bots only. That is what confidence looks like for a department the model
    // never saw; in-sample scores flatter the fit. The shipped weights are still fitted on all bots.
    const bots = [...new Set(samples.map((s) => s.query.bot))];
    const records: EvalRecord[] =
      bots.length < 2
        ? samples.map((s) => recordOf(s, weights))
        : bots.flatMap((bot) => {
            const held = fitConfidenceWeights(samples.filter((s) => s.query.bot !== bot));
            return samples.filter((s) => s.query.bot === bot).map((s) => recordOf(s, held));
          });
    modes[mode] = { weights, fit: fitThreshold(records) };
  }
  const literal = (w: ConfidenceWeights): string => JSON.stringify(w).replaceAll(',', ', ').replaceAll(':', ': ').replace('{', '{ ').replace(/}$/, ' }');
  const { weights, fit } = modes.hybrid;
  const source = `/**
 * Written by \`npm run calibrate\` from the dev set (${options.datasetName}): the confidence
 * model's weights and the abstention threshold that maximises accuracy, for the product (hybrid)
 * and for the single-signal modes used as baselines. Do not edit by hand; re-run the script after
 * changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  weights: ${literal(weights)},
  abstainBelow: ${fit.threshold},
  fittedOn: '${options.datasetName}: ${queries.length} queries, leave-one-bot-out dev accuracy ${fit.accuracy}',
  modes: {
    bm25: { weights: ${literal(modes.bm25.weights)}, abstainBelow: ${modes.bm25.fit.threshold} },
    dense: { weights: ${literal(modes.dense.weights)}, abstainBelow: ${modes.dense.fit.threshold} },
  },
} as const;
`;
  return { modes, weights, fit, source };
}
