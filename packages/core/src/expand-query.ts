import type { AnalysedText } from './analyse-text.js';
import { hongKongWordsIn } from './chinese-colloquial.js';
import { segmentChinese } from './chinese-segmenter.js';
import { formalWords } from './english-colloquial.js';
import { irregularLemma } from './english-lemmas.js';
import {
  chineseWordsForStem,
  englishGlossWords,
  englishHypernyms,
  englishRelatedForms,
  englishSynonyms,
  stemEnglish,
} from './language-bridge.js';
import { ENGLISH_STOP_WORDS } from './stop-words.js';

/** A query term and the base term it stands in for (itself, unless it is an expansion). */
export interface QueryTerm {
  readonly term: string;
  readonly weight: number;
  readonly source: string;
}

export interface ExpansionWeights {
  /** Chinese word → English gloss, English word → Chinese word (CC-CEDICT). */
  readonly translation: number;
  /** English word (or phrasal verb: "turn down") → WordNet synonym. */
  readonly synonym: number;
  /** Misspelt English word unknown to the bot → a known term one edit away (continous → continuous). */
  readonly spelling: number;
  /** Irregular English form → its base form (took → take). */
  readonly lemma: number;
  /**
   * Everyday word or phrase → the official word: English (boss → employer, sign up → register),
   * and mainland or colloquial Mandarin (医保 → 医疗, 不见 → 遗失).
   */
  readonly colloquial: number;
  /** English word → WordNet derivationally related form or pertainym (expire → expiration). */
  readonly related: number;
  /** English word → WordNet hypernym of its most frequent sense (grandmother → grandparent). */
  readonly hypernym: number;
  /** Chinese → English → Chinese: bridges mainland and Hong Kong vocabulary (驾照 → 駕駛執照). */
  readonly twoHop: number;
}

export const DEFAULT_EXPANSION_WEIGHTS: ExpansionWeights = {
  translation: 0.35,
  synonym: 0.3,
  spelling: 0.7,
  lemma: 0.8,
  colloquial: 0.8,
  related: 0.3,
  hypernym: 0.15,
  twoHop: 0.25,
};

/**
 * Adds general-language expansions of a query's words that the bot's vocabulary holds: a citizen's
 * words rarely equal the FAQ's. Only terms the index knows are added, so noise from
 * dictionaries costs nothing. Base terms keep their weights.
 *
 * @example
 * expandQuery(analyseText('驾照过期'), vocab) // + 'licens', 'expir', '駕駛執照'… when the FAQs use them
 * expandQuery(analyseText('continous contract'), vocab, DEFAULT_EXPANSION_WEIGHTS, spelling.suggest) // + 'continu'
 */
export function expandQuery(
  analysed: AnalysedText,
  hasTerm: (term: string) => boolean,
  weights: ExpansionWeights = DEFAULT_EXPANSION_WEIGHTS,
  suggestSpelling: (stem: string) => readonly string[] = () => [],
): QueryTerm[] {
  const out = new Map<string, QueryTerm>();
  for (const [term, weight] of analysed.terms) out.set(term, { term, weight, source: term });
  const offer = (term: string, weight: number, source: string): void => {
    if (!hasTerm(term)) return;
    const existing = out.get(term);
    // A base term is never demoted to an expansion; among expansions the strongest wins.
    if (existing === undefined || (existing.source !== existing.term && existing.weight < weight)) out.set(term, { term, weight, source });
  };

  for (const word of analysed.englishWords) {
    if (/^\d+$/.test(word)) continue;
    const source = stemEnglish(word);
    if (!hasTerm(source)) for (const fixed of suggestSpelling(source)) offer(fixed, weights.spelling, source);
    const lemma = irregularLemma(word);
    if (lemma !== undefined) offer(stemEnglish(lemma), weights.lemma, source);
    for (const formal of formalWords(word)) offer(stemEnglish(formal), weights.colloquial, source);
    for (const synonym of englishSynonyms(word)) offer(stemEnglish(synonym), weights.synonym, source);
    for (const form of englishRelatedForms(word)) offer(stemEnglish(form), weights.related, source);
    for (const broader of englishHypernyms(word)) offer(stemEnglish(broader), weights.hypernym, source);
    for (const chinese of chineseWordsForStem(source)) offer(chinese, weights.translation, source);
  }
  // Phrasal verbs ("sign up", "turn down"): their particle is a stop word, so the phrase is
  // credited to its first informative word.
  for (const phrase of analysed.englishPhrases) {
    const synonyms = englishSynonyms(phrase);
    const formal = formalWords(phrase);
    if (synonyms.length === 0 && formal.length === 0) continue;
    const head = phrase.split(' ').find((w) => !ENGLISH_STOP_WORDS.has(w));
    if (head === undefined) continue;
    for (const synonym of synonyms) offer(stemEnglish(synonym), weights.synonym, stemEnglish(head));
    for (const word of formal) offer(stemEnglish(word), weights.colloquial, stemEnglish(head));
  }
  for (const [word, formal] of hongKongWordsIn(analysed.normalised.simplified, analysed.chineseWords)) {
    // A Hong Kong word may be one jieba keeps whole (公屋) or splits (外籍家庭佣工): offer both.
    for (const hk of formal) for (const term of new Set([hk, ...segmentChinese(hk)])) offer(term, weights.colloquial, word);
  }
  for (const word of analysed.chineseWords) {
    // A lone character has too many senses (本, 人, 去) for a dictionary to pick the right one.
    if ([...word].length < 2) continue;
    for (const gloss of englishGlossWords(word)) {
      if (ENGLISH_STOP_WORDS.has(gloss)) continue;
      const stem = stemEnglish(gloss);
      offer(stem, weights.translation, word);
      if (hasTerm(word)) continue;
      // The Chinese word is unknown to this bot: try the bot's own word for the same meaning.
      for (const chinese of chineseWordsForStem(stem)) if (chinese !== word) offer(chinese, weights.twoHop, word);
    }
  }
  return [...out.values()];
}
