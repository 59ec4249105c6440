import {
  calibrationKeyOf,
  CONFIDENCE_FEATURES,
  checkInput,
  describeCalibration,
  GovchatError,
  RETRIEVAL_CALIBRATION,
  createHybridRetriever,
  detectNonQuestion,
  fitConfidenceWeights,
  loadIndex,
  readCalibration,
  scoreConfidence,
  type BotIndex,
  type CalibrationRecord,
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
    const correct = records.filter((r) => isCorrectAt(r, t)).length;
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

/** Whether the record's decision is right when answers below `threshold` are withheld. */
function isCorrectAt(r: EvalRecord, threshold: number): boolean {
  return isCorrect({ ...r, abstained: r.abstained || r.confidence < threshold });
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** One retrieval mode's fitted confidence model. */
export interface ModeCalibration {
  readonly weights: ConfidenceWeights;
  readonly fit: ThresholdFit;
}

interface Sample {
  readonly features: ConfidenceFeatures;
  readonly label: 0 | 1;
  readonly query: EvalQuery;
  readonly ranked: string[];
}

/** Each query's confidence features and ranked answer in one mode; questions the engine refuses first are left out. */
async function collectSamples(queries: readonly EvalQuery[], indexOf: (bot: string) => Promise<BotIndex>, mode: RetrievalMode): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const q of queries) {
    const index = await indexOf(q.bot);
    // The engine refuses or answers these itself before retrieval (prompt injection, small talk,
    // mashing): the confidence model never sees them, so they do not shape its fit.
    if (!checkInput(q.query).allowed || detectNonQuestion(q.query, index) !== undefined) continue;
    const result = await createHybridRetriever(index, { mode }).retrieve({ text: q.query, history: q.history ?? [] }, { limit: 10 });
    const features = Object.fromEntries(CONFIDENCE_FEATURES.map((f) => [f, result.features?.[f] ?? 0])) as ConfidenceFeatures;
    const top = result.hits[0]?.entry.id;
    samples.push({ features, label: top !== undefined && q.expected.includes(top) ? 1 : 0, query: q, ranked: result.hits.map((h) => h.entry.id) });
  }
  return samples;
}

function recordOf(s: Sample, weights: ConfidenceWeights): EvalRecord {
  return {
    bot: s.query.bot,
    query: s.query.query,
    lang: s.query.lang,
    expected: s.query.expected,
    ranked: s.ranked,
    abstained: s.ranked.length === 0,
    confidence: scoreConfidence(s.features, weights),
    latencyMs: 0,
  };
}

/**
 * Logistic weights make confidence predict "the best FAQ is right"; the threshold then maximises
 * accuracy on leave-one-bot-out scores (each bot scored by weights fitted without it). That is
 * what confidence looks like for a department the model never saw; in-sample scores flatter the
 * fit. The returned weights are still fitted on all bots.
 */
function fitSamples(samples: readonly Sample[]): ModeCalibration {
  const weights = fitConfidenceWeights(samples);
  const bots = [...new Set(samples.map((s) => s.query.bot))];
  const records: EvalRecord[] =
    bots.length < 2
      ? samples.map((s) => recordOf(s, weights))
      : bots.flatMap((bot) => {
          const held = fitConfidenceWeights(samples.filter((s) => s.query.bot !== bot));
          return samples.filter((s) => s.query.bot === bot).map((s) => recordOf(s, held));
        });
  return { weights, fit: fitThreshold(records) };
}

/** One mode's samples, fitted (see fitSamples). */
async function fitMode(queries: readonly EvalQuery[], indexOf: (bot: string) => Promise<BotIndex>, mode: RetrievalMode): Promise<ModeCalibration> {
  return fitSamples(await collectSamples(queries, indexOf, mode));
}

/**
 * Fits the retrieval confidence model and the abstention threshold on a (dev) dataset, for the
 * product (hybrid) and for each single-signal mode — so that BM25-only and dense-only are compared
 * at their best, not handicapped by weights fitted for another mode (see fitSamples). Returns the
 * TypeScript source of packages/core/src/retrieval-calibration.ts.
 *
 * @example const { source } = await calibrateRetrieval(await loadDataset('eval/datasets/dev.jsonl'), { dataDir });
 */
export async function calibrateRetrieval(
  queries: readonly EvalQuery[],
  options: { readonly dataDir: string; readonly datasetName: string },
): Promise<{ modes: Record<RetrievalMode, ModeCalibration>; weights: ConfidenceWeights; fit: ThresholdFit; source: string }> {
  const indexes = new Map<string, BotIndex>();
  const indexOf = async (bot: string): Promise<BotIndex> => {
    let index = indexes.get(bot);
    if (index === undefined) indexes.set(bot, (index = await loadIndex(options.dataDir, bot)));
    return index;
  };
  const modes = {} as Record<RetrievalMode, ModeCalibration>;
  for (const mode of ['hybrid', 'bm25', 'dense'] as const) modes[mode] = await fitMode(queries, indexOf, mode);
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

/** A data dir's calibration, fitted by calibrateDataDir, and how the questions fared before it. */
export interface DataDirCalibration {
  readonly record: CalibrationRecord;
  /** How many questions reached retrieval (the engine refuses prompt injection and small talk first). */
  readonly samples: number;
  /** Accuracy on the same questions with the calibration in use before (the data dir's if it applied, else the shipped one). */
  readonly before: { readonly calibration: string; readonly accuracy: number };
}

/** Fewer questions than this, or no right or no wrong answer among them, fit nothing worth keeping. */
const MIN_CALIBRATION_SAMPLES = 20;

/**
 * Fits the product's confidence model and abstention threshold for the indexes in a data dir, on a
 * dataset of their bots' questions — the step after switching to a transformer embedder, or for a
 * department with its own question set. All the dataset's bots must share one embedder family
 * (calibrationKeyOf). Nothing is written: `writeCalibration` stores the record.
 *
 * @throws GovchatError INVALID_INPUT when the bots mix embedders or the questions are too few to fit.
 * @example
 * const { record } = await calibrateDataDir(await loadDataset('my-dev.jsonl'), { dataDir: './data', datasetName: 'my-dev.jsonl' });
 * await writeCalibration('./data', record);
 */
export async function calibrateDataDir(
  queries: readonly EvalQuery[],
  options: { readonly dataDir: string; readonly datasetName: string; readonly now?: Date; readonly env?: NodeJS.ProcessEnv },
): Promise<DataDirCalibration> {
  const bots = [...new Set(queries.map((q) => q.bot))].sort();
  if (bots.length === 0) throw new GovchatError('INVALID_INPUT', `${options.datasetName} has no queries`);
  // A malformed calibration.json is what this run replaces: it must not stop the run.
  const replacing = await readCalibration(options.dataDir).then(
    () => undefined,
    (error: GovchatError) => error.message,
  );
  const indexes = new Map<string, BotIndex>();
  for (const bot of bots) {
    indexes.set(bot, await loadIndex(options.dataDir, bot, { ...(options.env === undefined ? {} : { env: options.env }), calibration: replacing === undefined }));
  }
  const keys = new Map(bots.map((bot) => [bot, calibrationKeyOf(indexes.get(bot)!.manifest)]));
  const families = new Set([...keys.values()].map((k) => k.embedder));
  if (families.size > 1) {
    const list = bots.map((bot) => `${bot}: ${keys.get(bot)!.embedder}`).join(', ');
    throw new GovchatError('INVALID_INPUT', `the bots of ${options.datasetName} were indexed with different embedders (${list}); calibrate with a dataset of one embedder's bots`, {
      field: 'dataset',
    });
  }
  const pipelines = new Set([...keys.values()].map((k) => k.pipeline));
  if (pipelines.size > 1) throw new GovchatError('INVALID_INPUT', `the bots of ${options.datasetName} were indexed by different versions of govchat; run "govchat ingest" first`, { field: 'dataset' });

  const indexOf = async (bot: string): Promise<BotIndex> => indexes.get(bot)!;
  const samples = await collectSamples(queries, indexOf, 'hybrid');
  const right = samples.filter((s) => s.label === 1).length;
  if (samples.length < MIN_CALIBRATION_SAMPLES || right === 0 || right === samples.length) {
    throw new GovchatError(
      'INVALID_INPUT',
      `${options.datasetName}: ${samples.length} questions reach retrieval, ${right} answered right; a fit needs at least ${MIN_CALIBRATION_SAMPLES}, with both right and wrong (or out-of-scope) answers`,
      { field: 'dataset' },
    );
  }
  // What the questions scored with the calibration the engine used until now.
  const previousOf = (bot: string) => {
    const current = indexes.get(bot)!.calibration;
    return current?.applies === true ? current.calibration : RETRIEVAL_CALIBRATION;
  };
  const beforeRight = samples.filter((s) => {
    const previous = previousOf(s.query.bot);
    return isCorrectAt(recordOf(s, previous.weights), previous.abstainBelow);
  }).length;
  const { weights, fit } = fitSamples(samples);
  // The baselines too, so that a comparison on these indexes (eval --compare) does not judge BM25
  // or dense alone by weights fitted for another embedder.
  const modeOf = async (mode: 'bm25' | 'dense') => {
    const { weights: w, fit: f } = await fitMode(queries, indexOf, mode);
    return { weights: w, abstainBelow: f.threshold };
  };
  const modes = { bm25: await modeOf('bm25'), dense: await modeOf('dense') };
  const [first] = keys.values();
  const scope = bots.length < 2 ? 'in-sample (one bot)' : 'leave-one-bot-out';
  return {
    record: {
      format: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      pipeline: first!.pipeline,
      embedder: first!.embedder,
      bots,
      leaveOneBotOutAccuracy: fit.accuracy,
      weights,
      abstainBelow: fit.threshold,
      fittedOn: `${options.datasetName}: ${queries.length} queries, ${scope} accuracy ${fit.accuracy}`,
      modes,
    },
    samples: samples.length,
    before: {
      calibration: `${describeCalibration(indexes.get(bots[0]!)!)}${replacing === undefined ? '' : `; replaces a malformed one (${replacing})`}`,
      accuracy: round(beforeRight / samples.length),
    },
  };
}
