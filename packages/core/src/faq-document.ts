import { analyseText } from './analyse-text.js';
import type { ConceptWords } from './concept-space.js';
import type { Bm25Document } from './bm25-index.js';
import { CORPUS_LANGS, type FaqEntry } from './corpus-schema.js';
import { sha256 } from './index-store.js';

/**
 * How an FAQ is seen by the retrievers. It is reachable by its question in both languages, its
 * alternates and, with less weight, its answer; the two dense vectors are its question side and
 * its answer side.
 */
export interface FaqDocument {
  readonly fields: Bm25Document;
  /** All the entry's terms, field-weighted: the unit of co-occurrence for the built-in embedder. */
  readonly bag: ReadonlyMap<string, number>;
  /** The words of its question side (question and alternates) and answer side, for concept vectors. */
  readonly conceptWords: { readonly question: ConceptWords; readonly answer: ConceptWords };
  /** Texts for the dense vectors, in label order: [question side, answer side]. */
  readonly denseTexts: readonly [string, string];
  /** Changes whenever anything that reaches the index changes. */
  readonly hash: string;
}

/** Vectors per FAQ, in label order. */
export const VECTORS_PER_FAQ = 2;
/** Weight of the answer side (vector and bag) against the question side. */
export const ANSWER_WEIGHT = 0.5;

/**
 * @example
 * const doc = toFaqDocument(entry);
 * doc.fields.question // Map { '登记' => 1, 'regist' => 1, … }
 */
export function toFaqDocument(entry: FaqEntry): FaqDocument {
  const { questions, alternates, question, alternate } = analyseQuestionSide(entry);
  const answers = CORPUS_LANGS.map((l) => entry.answer[l]).filter(isText);
  const answer = analyseText(answers.join('\n'), { intents: false });
  const fields: Bm25Document = {
    question: question.terms,
    alternates: alternate.terms,
    answer: answer.terms,
    ...(entry.category === undefined ? {} : { category: analyseText(entry.category, { intents: false }).terms }),
  };
  const bag = new Map<string, number>();
  const merge = (terms: ReadonlyMap<string, number> | undefined, weight: number): void => {
    if (terms !== undefined) for (const [t, w] of terms) bag.set(t, (bag.get(t) ?? 0) + w * weight);
  };
  merge(fields.question, 1);
  merge(fields.alternates, 1);
  merge(fields.answer, ANSWER_WEIGHT);
  merge(fields.category, ANSWER_WEIGHT);
  return {
    fields,
    bag,
    conceptWords: {
      question: {
        englishWords: [...question.englishWords, ...alternate.englishWords],
        chineseWords: [...question.chineseWords, ...alternate.chineseWords],
      },
      answer,
    },
    denseTexts: [[...questions, ...alternates].join('\n'), answers.join('\n')],
    hash: hashEntry(entry),
  };
}

/**
 * The terms of an FAQ's question side: its question and alternates in every language, analysed as
 * the index analyses them. Retrieval asks it of the best FAQ only, so the index does not store it.
 *
 * @example questionSideTerms(entry).has('renew') // true
 */
export function questionSideTerms(entry: FaqEntry): Set<string> {
  const { question, alternate } = analyseQuestionSide(entry);
  return new Set([...question.terms.keys(), ...alternate.terms.keys()]);
}

function analyseQuestionSide(entry: FaqEntry) {
  const questions = CORPUS_LANGS.map((l) => entry.question[l]).filter(isText);
  const alternates = CORPUS_LANGS.flatMap((l) => entry.alternates?.[l] ?? []);
  return { questions, alternates, question: analyseText(questions.join('\n')), alternate: analyseText(alternates.join('\n')) };
}

/** A stable content hash (key order does not matter). */
export function hashEntry(entry: FaqEntry): string {
  return sha256(stableStringify(entry)).slice(0, 32);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function isText(value: string | undefined): value is string {
  return value !== undefined;
}
