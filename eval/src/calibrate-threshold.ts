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
