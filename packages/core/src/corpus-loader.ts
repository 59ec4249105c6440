import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { botConfigSchema, faqEntrySchema, type BotConfig, type Corpus, type FaqEntry } from './corpus-schema.js';
import { GovchatError } from './govchat-error.js';
import { CsvSyntaxError, parseCsv } from './internal/csv-parser.js';

/** Header columns of `faq.csv`, in the order departments' spreadsheets use. */
export const CSV_COLUMNS = ['id', 'question_en', 'question_zh', 'answer_en', 'answer_zh', 'category', 'url'] as const;
/** Optional extra columns; alternates are separated by `|`. */
const CSV_OPTIONAL_COLUMNS = ['alternates_en', 'alternates_zh', 'updated'] as const;

export interface LoadCorpusOptions {
  /** Paths in error messages are shown relative to this folder (default: the current directory). */
  readonly relativeTo?: string;
}

/**
 * Reads and validates one bot folder (`bot.json` + `faq.jsonl` or `faq.csv`). Throws a
 * `GovchatError('CORPUS_INVALID')` naming file, line and field on the first problem found.
 *
 * @example
 * const corpus = await loadCorpus('corpora/iam-smart');
 * console.log(corpus.bot.name.en, corpus.entries.length);
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const show = (path: string): string => relative(options.relativeTo ?? process.cwd(), path) || path;
  const botFile = join(dir, 'bot.json');
  const botText = await readText(botFile, show(botFile));
  const bot = parseBotConfig(botText, show(botFile));
  const folderName = basename(dir);
  if (bot.id !== folderName) {
    throw new GovchatError('CORPUS_INVALID', `bot id "${bot.id}" must match its folder name "${folderName}"`, {
      file: show(botFile),
      field: 'id',
    });
  }

  const jsonl = join(dir, 'faq.jsonl');
  const csv = join(dir, 'faq.csv');
  const [hasJsonl, hasCsv] = await Promise.all([isFile(jsonl), isFile(csv)]);
  if (hasJsonl && hasCsv) {
    throw new GovchatError('CORPUS_INVALID', 'holds both faq.jsonl and faq.csv; keep one', { file: show(dir) });
  }
  if (!hasJsonl && !hasCsv) {
    throw new GovchatError('CORPUS_NOT_FOUND', 'no faq.jsonl or faq.csv found', { file: show(dir) });
  }
  const faqFile = hasJsonl ? jsonl : csv;
  const text = await readText(faqFile, show(faqFile));
  const entries = hasJsonl ? parseFaqJsonl(text, show(faqFile)) : parseFaqCsv(text, show(faqFile));
  if (entries.length === 0) throw new GovchatError('CORPUS_INVALID', 'holds no FAQ entries', { file: show(faqFile) });

  const ids = new Set(entries.map((e) => e.id));
  bot.suggested?.forEach((id, i) => {
    if (!ids.has(id)) {
      throw new GovchatError('CORPUS_INVALID', `suggested FAQ "${id}" is not in ${basename(faqFile)}`, {
        file: show(botFile),
        field: `suggested.${i}`,
      });
    }
  });
  return { bot, entries, source: { dir, faqFile } };
}

/** Validates the text of a `bot.json`. */
export function parseBotConfig(text: string, file = 'bot.json'): BotConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new GovchatError('CORPUS_INVALID', `not valid JSON (${(cause as Error).message})`, { file, cause });
  }
  return validate(botConfigSchema, value, file, undefined);
}

/**
 * Validates the text of a `faq.jsonl`: one entry a line, blank lines ignored, ids unique.
 *
 * @example parseFaqJsonl('{"id":"a","question":{"en":"Q?"},"answer":{"en":"A."}}\n', 'faq.jsonl')
 */
export function parseFaqJsonl(text: string, file = 'faq.jsonl'): FaqEntry[] {
  const rows: Array<{ line: number; value: unknown }> = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      rows.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (cause) {
      throw new GovchatError('CORPUS_INVALID', `not valid JSON (${(cause as Error).message})`, { file, line: i + 1, cause });
    }
  });
  return validateEntries(rows, file);
}

/**
 * Validates the text of a `faq.csv` with header `id,question_en,question_zh,answer_en,answer_zh,category,url`
 * (optional `alternates_en`, `alternates_zh` separated by `|`, and `updated`). Empty cells mean "absent".
 */
export function parseFaqCsv(text: string, file = 'faq.csv'): FaqEntry[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (cause) {
    if (cause instanceof CsvSyntaxError) {
      throw new GovchatError('CORPUS_INVALID', cause.message, { file, line: cause.line, cause });
    }
    throw cause;
  }
  const [header, ...body] = records;
  if (header === undefined) throw new GovchatError('CORPUS_INVALID', 'is empty (expected a header row)', { file, line: 1 });
  const columns = header.fields.map((f) => f.trim());
  const known = new Set<string>([...CSV_COLUMNS, ...CSV_OPTIONAL_COLUMNS]);
  columns.forEach((name) => {
    if (!known.has(name)) {
      throw new GovchatError('CORPUS_INVALID', `unknown column "${name}" (expected ${CSV_COLUMNS.join(',')})`, {
        file,
        line: header.line,
        field: name,
      });
    }
  });
  for (const required of CSV_COLUMNS) {
    if (!columns.includes(required)) {
      throw new GovchatError('CORPUS_INVALID', `missing column "${required}" in the header`, {
        file,
        line: header.line,
        field: required,
      });
    }
  }
  const rows = body.map((record) => {
    if (record.fields.length !== columns.length) {
      throw new GovchatError(
        'CORPUS_INVALID',
        `has ${record.fields.length} fields, the header has ${columns.length} (an unquoted comma?)`,
        { file, line: record.line },
      );
    }
    const cell = (name: string): string | undefined => {
      const index = columns.indexOf(name);
      const value = index < 0 ? undefined : record.fields[index]?.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    const list = (name: string): string[] | undefined =>
      cell(name)
        ?.split('|')
        .map((s) => s.trim())
        .filter(Boolean);
    const value = prune({
      id: cell('id'),
      question: prune({ en: cell('question_en'), 'zh-HK': cell('question_zh') }),
      answer: prune({ en: cell('answer_en'), 'zh-HK': cell('answer_zh') }),
      category: cell('category'),
      url: cell('url'),
      alternates: prune({ en: list('alternates_en'), 'zh-HK': list('alternates_zh') }, true),
      updated: cell('updated'),
    });
    return { line: record.line, value };
  });
  return validateEntries(rows, file, csvFieldName);
}

/** Maps a schema path back to the spreadsheet column a department would look at. */
function csvFieldName(path: string): string {
  return (
    {
      'question.en': 'question_en',
      'question.zh-HK': 'question_zh',
      'answer.en': 'answer_en',
      'answer.zh-HK': 'answer_zh',
      question: 'question_en/question_zh',
      answer: 'answer_en/answer_zh',
    }[path] ?? path.replace(/^alternates\.en.*/, 'alternates_en').replace(/^alternates\.zh-HK.*/, 'alternates_zh')
  );
}

function validateEntries(
  rows: ReadonlyArray<{ line: number; value: unknown }>,
  file: string,
  fieldName: (path: string) => string = (p) => p,
): FaqEntry[] {
  const seen = new Map<string, number>();
  return rows.map(({ line, value }) => {
    const entry = validate(faqEntrySchema, value, file, line, fieldName);
    const first = seen.get(entry.id);
    if (first !== undefined) {
      throw new GovchatError('CORPUS_INVALID', `duplicate id "${entry.id}" (first used on line ${first})`, {
        file,
        line,
        field: 'id',
      });
    }
    seen.set(entry.id, line);
    return entry;
  });
}

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  line: number | undefined,
  fieldName: (path: string) => string = (p) => p,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return fail(file, line, path === '' ? undefined : fieldName(path), message);
}

function fail(file: string, line: number | undefined, field: string | undefined, message: string): never {
  throw new GovchatError('CORPUS_INVALID', message, {
    file,
    ...(line === undefined ? {} : { line }),
    ...(field === undefined ? {} : { field }),
  });
}

/** Drops undefined keys; with `dropEmpty`, returns undefined for an object left empty. */
function prune<T extends Record<string, unknown>>(value: T, dropEmpty = false): T | undefined {
  const out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return dropEmpty && Object.keys(out).length === 0 ? undefined : out;
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new GovchatError(code === 'ENOENT' ? 'CORPUS_NOT_FOUND' : 'CORPUS_INVALID', code === 'ENOENT' ? 'file not found' : `cannot read (${code})`, {
      file: shown,
      cause,
    });
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Finds the bot folders at `path`: the folder itself when it holds a `bot.json`, otherwise each
 * sub-folder that does (other files and folders are ignored).
 */
export async function findBotDirs(path: string): Promise<string[]> {
  if (await isFile(join(path, 'bot.json'))) return [path];
  let names: string[];
  try {
    names = await readdir(path);
  } catch (cause) {
    throw new GovchatError('CORPUS_NOT_FOUND', 'folder not found', { file: path, cause });
  }
  const dirs: string[] = [];
  for (const name of names.sort()) {
    if (await isFile(join(path, name, 'bot.json'))) dirs.push(join(path, name));
  }
  if (dirs.length === 0) throw new GovchatError('CORPUS_NOT_FOUND', 'holds no bot folder (a folder with bot.json)', { file: path });
  return dirs;
}
