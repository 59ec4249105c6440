import { z } from 'zod';
import { GovchatError, isQueryLang, type QueryLang } from '@govchat/core';
import { readInputFile } from './internal/read-input-file.js';

/** One evaluation query (the dataset format maintainers keep their own sets in). */
export interface EvalQuery {
  readonly bot: string;
  readonly query: string;
  readonly lang: QueryLang;
  /** FAQ ids that answer it; empty means the bot must abstain. */
  readonly expected: readonly string[];
  readonly history?: readonly string[];
  /** 1-based line in the dataset file. */
  readonly line: number;
  /** The dataset file, for error messages. */
  readonly file?: string;
}

const querySchema = z.strictObject({
  bot: z.string().min(1),
  query: z.string().min(1),
  lang: z.string().refine(isQueryLang, 'must be one of en, zh-HK, yue, zh-CN, mixed'),
  expected: z.array(z.string().min(1)),
  history: z.array(z.string()).optional(),
  // Free-form notes maintainers keep beside a query.
  note: z.string().optional(),
});

/**
 * Reads a JSONL dataset; errors name file, line and field.
 *
 * @example const queries = await loadDataset('eval/datasets/test.jsonl');
 */
export async function loadDataset(file: string): Promise<EvalQuery[]> {
  const text = await readInputFile(file, 'dataset');
  return parseDataset(text, file);
}

/**
 * Parses JSONL dataset text; blank lines are skipped, and a line that is not valid JSON or not a
 * valid query throws an `INVALID_INPUT` error naming file, line and field.
 *
 * @example parseDataset('{"bot":"housing","query":"幾時抽居屋","lang":"yue","expected":["hos-sale"]}')[0]?.line // 1
 */
export function parseDataset(text: string, file = 'dataset.jsonl'): EvalQuery[] {
  const out: EvalQuery[] = [];
  // Spreadsheet exports often start with a byte-order mark, which JSON.parse rejects.
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new GovchatError('INVALID_INPUT', 'not valid JSON', { file, line, cause });
    }
    const result = querySchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      // An unknown key (a typo such as "expeted") is reported under its own name, not the line's.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      throw new GovchatError('INVALID_INPUT', issue.message, { file, line, field: path.map(String).join('.') || undefined });
    }
    const { note: _note, ...q } = result.data;
    out.push({ ...q, lang: q.lang as QueryLang, line, file });
  });
  return out;
}
