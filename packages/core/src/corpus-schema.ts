import { z } from 'zod';

/**
 * The corpus format departments hand over (see docs/corpus-format.md). Other tools write these
 * files, so the shape is exact: unknown keys are rejected rather than silently ignored, which
 * catches typos such as `"questoin"` before they become unanswerable FAQs.
 */

/** The two languages a corpus is written in. */
export type CorpusLang = 'en' | 'zh-HK';
export const CORPUS_LANGS: readonly CorpusLang[] = ['en', 'zh-HK'];

const nonEmpty = z.string().trim().min(1, 'must be a non-empty string');

/** Bot ids become folder names and URL segments: keep them boring. */
export const BOT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** FAQ ids appear in citations and eval files. */
export const FAQ_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const bilingualRequired = z.strictObject({ en: nonEmpty, 'zh-HK': nonEmpty });
const bilingualOptional = z
  .strictObject({ en: nonEmpty.optional(), 'zh-HK': nonEmpty.optional() })
  .refine((value) => value.en !== undefined || value['zh-HK'] !== undefined, {
    message: 'needs at least one of "en" or "zh-HK"',
  });

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6f5c');

export const botConfigSchema = z.strictObject({
  id: z.string().regex(BOT_ID_PATTERN, 'must be lower-case letters, digits and hyphens'),
  name: bilingualRequired,
  greeting: bilingualRequired,
  contact: z.strictObject({
    phone: nonEmpty,
    url: z.url(),
    email: z.email().optional(),
  }),
  /** What the bot says when it does not know; defaults to a message built from `contact`. */
  fallback: bilingualRequired.optional(),
  /** Name pairs that mean the same (product names, abbreviations); optional help, never required. */
  aliases: z.array(z.array(nonEmpty).min(2)).max(50).optional(),
  theme: z.strictObject({ color: hexColour }).optional(),
  /** Origins whose pages may embed the widget; `["*"]` allows any. */
  allowedOrigins: z.array(nonEmpty).optional(),
  /** FAQ ids offered as starter questions. */
  suggested: z.array(nonEmpty).max(8).optional(),
  /** Per-bot answerer settings; see docs/generative.md. */
  answerer: z.record(z.string(), z.unknown()).optional(),
  /** Per-bot embedder choice; see docs/configuration.md. */
  embedder: z.record(z.string(), z.unknown()).optional(),
});

const alternatesSchema = z.strictObject({
  en: z.array(nonEmpty).optional(),
  'zh-HK': z.array(nonEmpty).optional(),
});

export const faqEntrySchema = z
  .strictObject({
    id: z.string().regex(FAQ_ID_PATTERN, 'must be letters, digits, ".", "_" or "-" (at most 128)'),
    question: bilingualOptional,
    answer: bilingualOptional,
    category: nonEmpty.optional(),
    url: z.url().optional(),
    alternates: alternatesSchema.optional(),
    updated: nonEmpty.optional(),
  })
  // An entry may lack one language, never both: some language must have its question and answer.
  .refine((e) => CORPUS_LANGS.some((lang) => e.question[lang] !== undefined && e.answer[lang] !== undefined), {
    message: 'needs a question and an answer in at least one language (en or zh-HK)',
    path: ['answer'],
  });

export type BotConfig = z.infer<typeof botConfigSchema>;
export type FaqEntry = z.infer<typeof faqEntrySchema>;

/** A validated bot: its config and entries, plus where they came from. */
export interface Corpus {
  readonly bot: BotConfig;
  readonly entries: readonly FaqEntry[];
  /** The files read, for error messages and change detection. */
  readonly source: { readonly dir: string; readonly faqFile: string };
}

/** @example if (isFaqEntry(value)) index(value) */
export function isFaqEntry(value: unknown): value is FaqEntry {
  return faqEntrySchema.safeParse(value).success;
}
