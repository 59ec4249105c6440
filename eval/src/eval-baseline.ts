import { z } from 'zod';
import { GovchatError, isQueryLang, type QueryLang } from '@govchat/core';
import type { QueryOutcome } from './compare-runs.js';
import type { CrossDepartmentCounts } from './cross-department.js';
import { computeMetrics } from './eval-metrics.js';
import { readInputFile } from './internal/read-input-file.js';

/**
 * The run a new one is compared with. Its file is a `report.json` (as `--report` writes it), or
 * the trimmed form `formatBaseline` writes for committing: one format, so any report of a past run
 * can serve as a baseline.
 */
export interface EvalBaseline {
  /** The file it was read from, for messages. */
  readonly file: string;
  /** The dataset and answerer of the baseline run, when its file says. */
  readonly dataset?: string;
  readonly answerer?: string;
  readonly records: readonly QueryOutcome[];
  /** When the baseline run had `--cross-departments`: how many of other departments' questions each bot answered. */
  readonly crossDepartment?: CrossDepartmentCounts;
}

// Only what a diff reads is checked; report.json's other keys (metrics, misses, latency, …) are
// ignored, so a full report and a trimmed baseline both load.
const recordSchema = z.object({
  bot: z.string().min(1),
  query: z.string().min(1),
  lang: z.string().refine(isQueryLang, 'must be one of en, zh-HK, yue, zh-CN, mixed'),
  expected: z.array(z.string().min(1)),
  ranked: z.array(z.string()),
  abstained: z.boolean(),
  confidence: z.number(),
  history: z.array(z.string()).optional(),
  line: z.number().int().positive().optional(),
});

const countSchema = z.object({ n: z.number().int().nonnegative(), answered: z.number().int().nonnegative() });

const baselineSchema = z.object({
  run: z.object({ dataset: z.string().optional(), answerer: z.string().optional() }).optional(),
  records: z.array(recordSchema),
  crossDepartment: countSchema.extend({ byBot: z.record(z.string(), countSchema) }).optional(),
});

/**
 * Reads a baseline file (a `report.json`); errors name the file and the field.
 *
 * @example const baseline = await loadBaseline('eval/baselines/test.json'); // baseline.records.length → 210
 */
export async function loadBaseline(file: string): Promise<EvalBaseline> {
  const text = await readInputFile(file, 'baseline');
  return parseBaseline(text, file);
}

/**
 * Parses baseline JSON; text that is not JSON, or lacks a field the diff needs, throws an
 * `INVALID_INPUT` error naming file and field (e.g. `records.3.abstained`).
 *
 * @example parseBaseline('{"records": []}', 'old.json').records // []
 */
export function parseBaseline(text: string, file = 'baseline.json'): EvalBaseline {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new GovchatError('INVALID_INPUT', 'baseline is not valid JSON (expected a report.json written by govchat eval --report)', { file, cause });
  }
  const result = baselineSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new GovchatError('INVALID_INPUT', `${issue.message} (expected a report.json written by govchat eval --report)`, {
      file,
      field: issue.path.map(String).join('.') || undefined,
    });
  }
  const { run, records, crossDepartment } = result.data;
  return {
    file,
    ...(crossDepartment === undefined ? {} : { crossDepartment: trimCrossDepartment(crossDepartment) }),
    ...(run?.dataset === undefined ? {} : { dataset: run.dataset }),
    ...(run?.answerer === undefined ? {} : { answerer: run.answerer }),
    records: records.map((r) => ({ ...r, lang: r.lang as QueryLang })),
  };
}

/**
 * The file to commit as the baseline: a `report.json` trimmed to what a diff needs. No timings
 * and no run time, which change on every run, so re-accepting an unchanged pipeline rewrites the
 * file byte for byte; only the top of each ranked list, since only it decides correctness; one
 * record a line, so a code review sees exactly which queries flipped.
 *
 * @example await writeFileAtomically('eval/baselines/test.json', formatBaseline(await loadBaseline('eval/reports/test/report.json')));
 */
export function formatBaseline(baseline: Omit<EvalBaseline, 'file'>): string {
  const { n, accuracy, byLang, byBot } = computeMetrics(baseline.records.map((r) => ({ ...r, latencyMs: 0 })));
  const run = {
    ...(baseline.dataset === undefined ? {} : { dataset: baseline.dataset }),
    ...(baseline.answerer === undefined ? {} : { answerer: baseline.answerer }),
  };
  const cross = baseline.crossDepartment === undefined ? {} : { crossDepartment: trimCrossDepartment(baseline.crossDepartment) };
  const head = JSON.stringify({ n, accuracy, byLang, byBot, run, ...cross }, null, 2).replace(/\n}$/, '');
  const records = baseline.records.map((r) =>
    JSON.stringify({
      bot: r.bot,
      query: r.query,
      lang: r.lang,
      ...(r.history === undefined ? {} : { history: r.history }),
      expected: r.expected,
      ranked: r.ranked.slice(0, 1),
      abstained: r.abstained,
      confidence: Math.round(r.confidence * 1e4) / 1e4,
      ...(r.line === undefined ? {} : { line: r.line }),
    }),
  );
  return `${head},\n  "records": [\n${records.map((r) => `    ${r}`).join(',\n')}\n  ]\n}\n`;
}

/** Only the counts: shares are derived, and the listed answers would churn on every run. */
function trimCrossDepartment(counts: CrossDepartmentCounts): CrossDepartmentCounts {
  return {
    n: counts.n,
    answered: counts.answered,
    byBot: Object.fromEntries(Object.entries(counts.byBot).map(([bot, g]) => [bot, { n: g.n, answered: g.answered }])),
  };
}
