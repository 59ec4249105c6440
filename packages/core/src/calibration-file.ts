import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { IndexManifest } from './bot-index.js';
import { CONFIDENCE_FEATURES, type ConfidenceWeights } from './confidence-model.js';
import { GovchatError } from './govchat-error.js';
import { writeFileAtomically } from './index-store.js';
import { RETRIEVAL_CALIBRATION } from './retrieval-calibration.js';

/**
 * Confidence models and abstention thresholds: the product's (hybrid) and the baselines'. The shipped one
 * (retrieval-calibration.ts) is fitted on the bundled dev set with the built-in embedder; a data
 * dir can hold its own, fitted by `govchat calibrate` on the indexes actually served — which a
 * transformer embedder needs, since its cosines live on another scale than the built-in's.
 */
export interface RetrievalCalibration {
  readonly weights: ConfidenceWeights;
  /** Abstain below this confidence. */
  readonly abstainBelow: number;
  /** What it was fitted on, for reports. */
  readonly fittedOn: string;
  /**
   * The single-signal modes eval compares the product with, each fitted for itself, so that a
   * comparison on these indexes does not handicap a baseline with another mode's weights.
   */
  readonly modes: Readonly<Record<'bm25' | 'dense', ModeConfidence>>;
}

/** One retrieval mode's confidence weights and threshold. */
export interface ModeConfidence {
  readonly weights: ConfidenceWeights;
  readonly abstainBelow: number;
}

/** `<dataDir>/calibration.json`, as `govchat calibrate` writes it. */
export interface CalibrationRecord extends RetrievalCalibration {
  readonly format: 1;
  readonly createdAt: string;
  /** The analysis pipeline of the indexes it was fitted on (IndexManifest.pipeline). */
  readonly pipeline: string;
  /** The embedder family it was fitted with (see calibrationKeyOf). */
  readonly embedder: string;
  /** The bots whose questions it was fitted on. */
  readonly bots: readonly string[];
  /** Accuracy at the threshold, each bot scored by weights fitted without it. */
  readonly leaveOneBotOutAccuracy: number;
}

/** The file name, in the data dir beside the bots' folders. */
export const CALIBRATION_FILE = 'calibration.json';

const weightsSchema = z.strictObject(
  Object.fromEntries(['bias', ...CONFIDENCE_FEATURES].map((k) => [k, z.number().finite()])) as Record<keyof ConfidenceWeights, z.ZodNumber>,
);

const recordSchema = z.strictObject({
  format: z.literal(1),
  createdAt: z.string(),
  pipeline: z.string().min(1),
  embedder: z.string().min(1),
  bots: z.array(z.string()),
  leaveOneBotOutAccuracy: z.number().min(0).max(1),
  weights: weightsSchema,
  abstainBelow: z.number().min(0).max(1),
  fittedOn: z.string(),
  modes: z.strictObject({
    bm25: z.strictObject({ weights: weightsSchema, abstainBelow: z.number().min(0).max(1) }),
    dense: z.strictObject({ weights: weightsSchema, abstainBelow: z.number().min(0).max(1) }),
  }),
});

/**
 * What a calibration must match to apply to an index: the same analysis pipeline (the confidence
 * features are computed by it) and the same embedder family. Every bot fits its own built-in
 * embedder, but those vectors share one scale, so they are one family; a transformer is its model
 * and settings (its fingerprint).
 *
 * @example calibrationKeyOf(index.manifest) // { pipeline: '3f…', embedder: 'cooccurrence' }
 */
export function calibrationKeyOf(manifest: Pick<IndexManifest, 'pipeline' | 'embedder' | 'embedderConfig'>): { pipeline: string; embedder: string } {
  return {
    pipeline: manifest.pipeline,
    embedder: manifest.embedderConfig === undefined ? 'cooccurrence' : `${manifest.embedder.name}@${manifest.embedder.fingerprint}`,
  };
}

/**
 * Reads `<dataDir>/calibration.json`; undefined when there is none.
 *
 * @throws GovchatError CONFIG_INVALID naming the file and field when it is unreadable or malformed.
 * @example const record = await readCalibration('./data');
 */
export async function readCalibration(dataDir: string): Promise<CalibrationRecord | undefined> {
  const file = join(dataDir, CALIBRATION_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GovchatError('CONFIG_INVALID', 'cannot be read', { file, cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new GovchatError('CONFIG_INVALID', 'not valid JSON; run "govchat calibrate" again or delete it', { file, cause });
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || '(root)';
    throw new GovchatError('CONFIG_INVALID', `${issue.message}; run "govchat calibrate" again or delete it`, { file, field });
  }
  return parsed.data;
}

/**
 * Writes `<dataDir>/calibration.json` beside the old one and renames it into place, so a reader
 * sees the old calibration or the new, never half of one.
 *
 * @returns the file's path
 * @example await writeCalibration('./data', record);
 */
export async function writeCalibration(dataDir: string, record: CalibrationRecord): Promise<string> {
  const file = join(dataDir, CALIBRATION_FILE);
  await writeFileAtomically(file, `${JSON.stringify(recordSchema.parse(record), null, 2)}\n`);
  return file;
}

/** Whether a data dir's calibration applies to an index, and if not, why. */
export type CalibrationMatch =
  | { readonly applies: true; readonly calibration: RetrievalCalibration }
  | { readonly applies: false; readonly reason: string };

/**
 * Matches a data dir's calibration to one index. A calibration fitted for another pipeline or
 * embedder would misjudge this index's signals, so it does not apply (the shipped one does) and
 * the reason says which to refit.
 *
 * @example matchCalibration(record, index.manifest) // { applies: true, calibration }
 */
export function matchCalibration(record: CalibrationRecord, manifest: Pick<IndexManifest, 'pipeline' | 'embedder' | 'embedderConfig'>): CalibrationMatch {
  const key = calibrationKeyOf(manifest);
  if (record.embedder !== key.embedder) {
    return { applies: false, reason: `fitted for embedder ${record.embedder}, but the index uses ${key.embedder}` };
  }
  if (record.pipeline !== key.pipeline) {
    return { applies: false, reason: `fitted on indexes built by another version of govchat (pipeline ${record.pipeline}, now ${key.pipeline})` };
  }
  return { applies: true, calibration: { weights: record.weights, abstainBelow: record.abstainBelow, fittedOn: record.fittedOn, modes: record.modes } };
}

/** A data dir's calibration as it stands for one index: whether it applies, which file, which fit. */
export type IndexCalibration = CalibrationMatch & {
  readonly file: string;
  /** When the fit was written: a server reloads an index whose calibration changed (see index-watcher.ts). */
  readonly createdAt: string;
};

/**
 * A data dir's calibration record matched to one index (see matchCalibration).
 *
 * @example const calibration = calibrationOfIndex('./data', await readCalibration('./data'), index.manifest);
 */
export function calibrationOfIndex(
  dataDir: string,
  record: CalibrationRecord | undefined,
  manifest: Pick<IndexManifest, 'pipeline' | 'embedder' | 'embedderConfig'>,
): IndexCalibration | undefined {
  return record === undefined ? undefined : { ...matchCalibration(record, manifest), file: join(dataDir, CALIBRATION_FILE), createdAt: record.createdAt };
}

/**
 * Which calibration an index's answers are judged by, in one line for `govchat bots` and eval
 * reports. A transformer index on the shipped calibration is flagged: that calibration was fitted
 * for the built-in embedder's scale, so the bot abstains at the wrong confidence.
 *
 * @example describeCalibration(index) // 'shipped (eval/datasets/dev.jsonl: 210 queries, …)'
 */
export function describeCalibration(index: { readonly calibration?: IndexCalibration; readonly manifest: Pick<IndexManifest, 'embedderConfig'> }): string {
  if (index.calibration?.applies === true) return `${index.calibration.file} (${index.calibration.calibration.fittedOn})`;
  const ignored = index.calibration === undefined ? '' : `; ${index.calibration.file} ignored: ${index.calibration.reason}`;
  const warning = index.manifest.embedderConfig === undefined ? '' : '; fitted for the built-in embedder, not this model: run "govchat calibrate --dataset FILE"';
  return `shipped (${RETRIEVAL_CALIBRATION.fittedOn})${ignored}${warning}`;
}

/**
 * describeCalibration for several bots: one line when all are judged by the same calibration (the
 * usual case), else one entry per bot.
 *
 * @example describeCalibrations(new Map([['housing', housing], ['labour', labour]]))
 */
export function describeCalibrations(indexes: ReadonlyMap<string, Parameters<typeof describeCalibration>[0]>): string {
  const each = [...indexes].map(([id, index]) => [id, describeCalibration(index)] as const);
  const distinct = new Set(each.map(([, text]) => text));
  return distinct.size === 1 ? [...distinct][0]! : each.map(([id, text]) => `${id}: ${text}`).join('; ');
}
