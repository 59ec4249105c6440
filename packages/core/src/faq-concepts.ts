import { analyseText } from './analyse-text.js';
import type { BotIndex } from './bot-index.js';
import type { ConceptSpace } from './concept-space.js';

/** An FAQ's concept vectors: each wording of its question, and each language of its answer. */
interface FaqConcepts {
  readonly questions: readonly Float32Array[];
  readonly answers: readonly Float32Array[];
}

/** Per index, per weighting ('idf' or 'plain'): each FAQ's vectors, computed on first use. */
const cache = new WeakMap<BotIndex, Map<string, Map<number, FaqConcepts>>>();

/**
 * How close a question's concept vector is to each FAQ of a bot (`idf`: words weighted by how
 * much they tell this bot's FAQs apart, for ranking; `plain`: by general-language informativeness
 * only, which tells an off-topic question better — a word rare in this bot is not what makes a
 * question about the weather look like an FAQ): the best of the FAQ's question
 * wordings (both languages, alternates included) averaged with the best of its answers — the
 * question says what the FAQ is about, the answer says it in more words. An FAQ's vectors are
 * computed the first time retrieval considers it and kept with the index, so a query costs a
 * few dot products per candidate, whatever the corpus size.
 *
 * @example
 * const similarity = conceptScorerOf(index, loadConceptSpace()!);
 * similarity(space.vectorOf(analyseText('點樣剷咗個戶口'))!, 3) // 0.41
 */
export function conceptScorerOf(
  index: BotIndex,
  space: ConceptSpace,
  weighting: 'idf' | 'plain' = 'idf',
): (query: Float32Array, doc: number) => number {
  let byWeighting = cache.get(index);
  if (byWeighting === undefined) cache.set(index, (byWeighting = new Map()));
  let docs = byWeighting.get(weighting);
  if (docs === undefined) byWeighting.set(weighting, (docs = new Map()));
  const weightOf = weighting === 'idf' ? (key: string): number => index.bm25.idf(key) : undefined;
  const vectorsOf = (texts: ReadonlyArray<string | undefined>): Float32Array[] =>
    texts.flatMap((text) => {
      const vector = text === undefined || text === '' ? undefined : space.vectorOf(analyseText(text, { intents: false }), weightOf);
      return vector === undefined ? [] : [vector];
    });
  const conceptsOf = (doc: number): FaqConcepts => {
    let concepts = docs.get(doc);
    if (concepts === undefined) {
      const entry = index.entries[doc]!;
      concepts = {
        questions: vectorsOf([entry.question.en, entry.question['zh-HK'], ...Object.values(entry.alternates ?? {}).flat()]),
        answers: vectorsOf([entry.answer.en, entry.answer['zh-HK']]),
      };
      docs.set(doc, concepts);
    }
    return concepts;
  };
  return (query, doc) => {
    const { questions, answers } = conceptsOf(doc);
    return (bestCosine(query, questions) + bestCosine(query, answers)) / 2;
  };
}

/** Both are unit vectors, so the dot product is the cosine; 0 when there is nothing to compare. */
function bestCosine(query: Float32Array, vectors: readonly Float32Array[]): number {
  if (vectors.length === 0) return 0;
  let best = -1;
  for (const v of vectors) {
    let dot = 0;
    for (let k = 0; k < query.length; k++) dot += query[k]! * v[k]!;
    if (dot > best) best = dot;
  }
  return best;
}
