import { analyseText, type AnalysedText } from './analyse-text.js';
import type { BotIndex } from './bot-index.js';
import { DEFAULT_EXPANSION_WEIGHTS, expandQuery, type QueryTerm } from './expand-query.js';
import { ANSWER_WEIGHT, questionSideTerms, VECTORS_PER_FAQ } from './faq-document.js';
import { scoreConfidence, type ConfidenceFeatures, type ConfidenceWeights } from './confidence-model.js';
import { isCooccurrenceEmbedder } from './cooccurrence-embedder.js';
import { normaliseText } from './normalise-text.js';
import { RETRIEVAL_CALIBRATION } from './retrieval-calibration.js';
import { isIntentTerm } from './question-intent.js';
import { loadConceptSpace } from './concept-space.js';
import { conceptScorer } from './faq-concepts.js';
import { fitsRange, numbersIn, rangesIn, type NumberRange } from './number-ranges.js';
import { isYear } from './quantities.js';
import { buildSpellingIndex, type SpellingIndex } from './spelling-correction.js';
import type { RetrievalHit, RetrievalQuery, RetrievalResult, Retriever, RetrieveOptions } from './retriever.js';

/** Which signals rank the hits. `hybrid` is the product; the others exist for comparison. */
export type RetrievalMode = 'hybrid' | 'bm25' | 'dense';

export interface HybridOptions {
  readonly mode: RetrievalMode;
  /** `rrf`: reciprocal rank fusion; `score`: weighted sum of max-normalised BM25 and cosine. */
  readonly fusion: 'rrf' | 'score';
  /** Reciprocal-rank-fusion constant: larger flattens the difference between ranks. */
  readonly rrfK: number;
  /** Share of BM25 in fusion (the rest is dense). */
  readonly bm25Weight: number;
  /** Added to the fused score per unit of coverage (share of the query's IDF mass the FAQ holds). */
  readonly coverageWeight: number;
  /** How many candidates each signal contributes before fusion. */
  readonly candidates: number;
  /** Weights of earlier turns when a follow-up is resolved (most recent first). */
  readonly historyWeights: readonly number[];
  /** A query with at most this many informative words may lean on history. */
  readonly followUpMaxTerms: number;
  /**
   * Added to the fused score of an FAQ whose question is written for a range the question's
   * number falls in (13 → "aged 11 to 17"; see number-ranges.ts).
   */
  readonly numberFitWeight: number;
  /**
   * Weight of the general-knowledge concept similarity (WordNet + CC-CEDICT, see concept-space.ts)
   * in the fused score of the hybrid mode: it reaches paraphrases no word of the FAQ shares
   * (剷咗個戶口 → 取消帳戶, 瞒报 → false information). 0 turns it off.
   */
  readonly conceptWeight: number;
  /** Confidence model weights; default: fitted on the dev set by `npm run calibrate`. */
  readonly confidence: ConfidenceWeights;
}

export const DEFAULT_HYBRID_OPTIONS: HybridOptions = {
  mode: 'hybrid',
  fusion: 'score',
  rrfK: 10,
  bm25Weight: 0.5,
  coverageWeight: 0,
  candidates: 30,
  historyWeights: [0.6, 0.3],
  followUpMaxTerms: 4,
  numberFitWeight: 0.2,
  conceptWeight: 1,
  confidence: RETRIEVAL_CALIBRATION.weights,
};

/** Everything about one (possibly history-merged) query that scoring reads. */
interface QuerySignals {
  readonly terms: readonly QueryTerm[];
  /** A transformer embedder's vector of the text (the built-in embedder embeds `terms`). */
  readonly textVector?: number[];
  /** Quantities the question states (see number-ranges.ts). */
  readonly numbers: readonly number[];
  /** The question's concept vector (see concept-space.ts), when the hybrid mode uses one. */
  readonly concept?: Float32Array;
  /** The same without the bot's IDF weighting, for the confidence model (see faq-concepts.ts). */
  readonly topicConcept?: Float32Array;
}

interface Scored {
  readonly doc: number;
  readonly bm25: number;
  readonly dense: number;
  readonly coverage: number;
  readonly concept: number;
  readonly score: number;
}

/**
 * BM25F and the dense HNSW index, fused by score (max-normalised BM25 plus cosine: with a weak
 * dense signal, rank fusion gives its arbitrary order as much say as BM25's); the confidence comes
 * from how much of the question the best FAQ covers and how close its topic is, so an
 * out-of-scope question abstains. Query words are expanded (dictionaries, spelling, intents; see
 * expand-query.ts and question-intent.ts) and each expansion is capped at its source's weight.
 *
 * @example
 * const retriever = createHybridRetriever(await loadIndex('./data', 'housing'));
 * const { hits, confidence } = await retriever.retrieve({ text: '公屋要等幾耐' });
 */
export function createHybridRetriever(index: BotIndex, overrides: Partial<HybridOptions> = {}): Retriever {
  const mode = overrides.mode ?? DEFAULT_HYBRID_OPTIONS.mode;
  // Each mode has its own fitted confidence model and threshold: one mode's weights misjudge another's
  // signals. The data dir's calibration, when it fits this index, replaces the shipped one.
  const fitted = index.calibration?.applies === true ? index.calibration.calibration : RETRIEVAL_CALIBRATION;
  const calibration = mode === 'hybrid' ? fitted : fitted.modes[mode];
  const options: HybridOptions = { ...DEFAULT_HYBRID_OPTIONS, confidence: calibration.weights, ...overrides };
  const aliases = (index.bot.aliases ?? []).map((group) => group.map((a) => normaliseText(a).written).filter((a) => a.length > 0));
  const cooccurrence = isCooccurrenceEmbedder(index.embedder) ? index.embedder : undefined;
  const hasTerm = (term: string): boolean => index.bm25.hasTerm(term) || (cooccurrence?.hasTerm(term) ?? false);
  /** A transformer embeds the text itself (async, before scoring); the built-in embedder embeds terms. */
  const textVectorOf = async (text: string): Promise<number[] | undefined> =>
    cooccurrence === undefined && options.mode !== 'bm25' ? index.embedder.embedQuery(text) : undefined;
  const suggestSpelling = (stem: string): readonly string[] => spellingIndexOf(index).suggest(stem);
  // The FAQs' concept vectors were made at ingest: usable only with the very same concept space.
  const space = options.mode === 'hybrid' && options.conceptWeight > 0 ? loadConceptSpace() : undefined;
  const concepts = space !== undefined && index.concepts !== undefined && index.manifest.concepts?.fingerprint === space.fingerprint ? space : undefined;
  const conceptScore = concepts === undefined ? undefined : conceptScorer(index.concepts!, concepts.dimension, 'idf');
  const topicConceptScore = concepts === undefined ? undefined : conceptScorer(index.concepts!, concepts.dimension, 'plain');
  /** Query text → its analysis and weighted terms: aliases first (a product name ↔ its Chinese name), then expansions. */
  const analyseQuery = (text: string): { analysed: AnalysedText; terms: QueryTerm[] } => {
    const written = normaliseText(text).written;
    const extra = aliases.flatMap((group) => (group.some((a) => mentions(written, a)) ? group.filter((a) => !mentions(written, a)) : []));
    const analysed = analyseText([text, ...extra].join(' '));
    return { analysed, terms: capExpansions(expandQuery(analysed, hasTerm, DEFAULT_EXPANSION_WEIGHTS, suggestSpelling), index) };
  };
  /**
   * The signals of a question (or of a follow-up merged with the turns it continues). Concept
   * vectors: for ranking, each word weighted by how much it tells this bot's FAQs apart; for
   * confidence, unweighted (see faq-concepts.ts).
   */
  const signalsOf = async (terms: readonly QueryTerm[], analysed: AnalysedText, text: string): Promise<QuerySignals> => {
    const textVector = await textVectorOf(text);
    const [concept, topicConcept] = concepts?.vectorsOf(analysed, (key) => index.bm25.idf(key)) ?? [];
    return {
      terms,
      numbers: numbersIn(text),
      ...(textVector === undefined ? {} : { textVector }),
      ...(concept === undefined ? {} : { concept }),
      ...(topicConcept === undefined ? {} : { topicConcept }),
    };
  };

  const score = ({ terms, textVector, numbers, concept }: QuerySignals): Scored[] => {
    const ranges = numbers.length > 0 && options.numberFitWeight > 0 ? questionRangesOf(index) : undefined;
    const limit = options.candidates;
    const bm25Hits = options.mode === 'dense' ? [] : index.bm25.search(terms, limit);
    const dense = options.mode === 'bm25' ? new Map<number, number>() : denseScores(index, terms, limit, textVector);
    const bm25 = new Map(bm25Hits.map((h) => [h.doc, h.score]));
    const bm25Rank = new Map(bm25Hits.map((h, i) => [h.doc, i]));
    const denseRank = new Map([...dense].sort((a, b) => b[1] - a[1]).map(([doc], i) => [doc, i]));
    const docs = new Set([...bm25.keys(), ...dense.keys()]);
    // An FAQ written for the question's number is a candidate even when no word of it matched.
    ranges?.forEach((r, doc) => {
      if (fitsRange(numbers, r)) docs.add(doc);
    });
    const baseWeight = baseTermWeights(index, terms);
    const out: Scored[] = [];
    const maxBm25 = Math.max(1e-9, ...bm25.values());
    for (const doc of docs) {
      const rrf = (rank: number | undefined): number => (rank === undefined ? 0 : 1 / (options.rrfK + rank + 1));
      const fused =
        options.mode === 'bm25'
          ? (bm25.get(doc) ?? 0)
          : options.mode === 'dense'
            ? (dense.get(doc) ?? 0)
            : options.fusion === 'score'
              ? options.bm25Weight * ((bm25.get(doc) ?? 0) / maxBm25) + (1 - options.bm25Weight) * Math.max(0, dense.get(doc) ?? 0)
              : options.bm25Weight * rrf(bm25Rank.get(doc)) + (1 - options.bm25Weight) * rrf(denseRank.get(doc));
      const coverage = coverageOf(index, terms, baseWeight, doc);
      const numberFit = ranges !== undefined && fitsRange(numbers, ranges[doc]!) ? options.numberFitWeight : 0;
      const conceptSimilarity = concept === undefined || conceptScore === undefined ? 0 : conceptScore(concept, doc);
      const total = fused + options.coverageWeight * coverage + numberFit + options.conceptWeight * conceptSimilarity;
      out.push({ doc, bm25: bm25.get(doc) ?? 0, dense: dense.get(doc) ?? 0, coverage, concept: conceptSimilarity, score: total });
    }
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  };

  /** The signals the confidence model reads, from the best and second-best candidates. */
  const featuresOf = (ranked: readonly Scored[], { terms, textVector, numbers, topicConcept }: QuerySignals): ConfidenceFeatures => {
    const [top, second] = ranked;
    const base = baseTermWeights(index, terms);
    let total = 0;
    let known = 0;
    for (const [term, w] of base) {
      total += w;
      if (hasTerm(term)) known += w;
    }
    // Confidence reads how close the question's *topic* is to the FAQ: intent terms rank well
    // ("who" finds "Who is eligible?") but would make "Who won the match?" look half answered.
    const topic = topicSimilarity(index, terms, textVector);
    const topDense = top === undefined ? 0 : topic(top.doc);
    const secondDense = second === undefined ? 0 : topic(second.doc);
    const bestBy = (value: (s: Scored) => number): number | undefined =>
      ranked.reduce<Scored | undefined>((b, s) => (b === undefined || value(s) > value(b) ? s : b), undefined)?.doc;
    const topicBest = bestBy((s) => topic(s.doc));
    return {
      coverage: top?.coverage ?? 0,
      dense: topDense,
      coverageMargin: (top?.coverage ?? 0) - (second?.coverage ?? 0),
      denseMargin: topDense - secondDense,
      // BM25 against the best a document could score for this query (every term saturated).
      bm25: total === 0 ? 0 : Math.min(1, (top?.bm25 ?? 0) / total),
      known: total === 0 ? 0 : known / total,
      // BM25 and the topic vector agreeing on an FAQ that explains little of the question is weak
      // evidence (an out-of-scope question often matches one FAQ on one word): weighted by coverage.
      agreement: top !== undefined && bestBy((s) => s.bm25) === top.doc && topicBest === top.doc ? top.coverage : 0,
      // The question's number falls in the range the best FAQ is written for (see number-ranges.ts).
      numberFit: top !== undefined && numbers.length > 0 && fitsRange(numbers, questionRangesOf(index)[top.doc]!) ? 1 : 0,
      // The amounts the question names ("spend 一千 and get 五百") are the ones the best FAQ states.
      amount: top === undefined ? 0 : amountMatch(index, terms, top.doc),
      // General-knowledge closeness of the best FAQ: low for a question about another subject
      // even when it shares a word or two with the FAQ.
      concept: top === undefined || topicConcept === undefined || topicConceptScore === undefined ? 0 : topicConceptScore(topicConcept, top.doc),
    };
  };

  /**
   * The built-in embedder knows only the bot's own terms: a question with none of them (nor any
   * expansion of them) gets a vector of hashed random directions, whose nearest FAQ is chance.
   * Nothing supports an answer then, whatever the calibrated model makes of that chance cosine.
   */
  const isUnsupported = (query: QuerySignals): boolean =>
    cooccurrence !== undefined && query.concept === undefined && !query.terms.some((t) => hasTerm(t.term));
  /**
   * The best FAQ is about something else when its general-language topic points away from the
   * question's (a negative cosine in the concept space, whose vectors are centred on what every
   * sentence shares). That happens when the question's words occur only in passing in an answer:
   * "When can I withdraw my MPF?" put to the housing bot meets an answer that lists MPF among
   * assets. Word overlap and margin can make the calibrated model sure of such a match; the topic
   * vetoes it. (Without a concept space, or a question it knows no word of, `concept` is 0.)
   */
  const isOffTopic = (features: ConfidenceFeatures): boolean => features.concept < 0;
  /**
   * The best FAQ is matched by its answer alone: no word of the question (nor an expansion of one)
   * is in the FAQ's question or alternates, and the built-in embedder finds the two only loosely
   * related. An answer mentions neighbouring subjects in passing ("apply online with iAM Smart"),
   * so a question about one of them lands there with full coverage and a wide margin. A paraphrase
   * the FAQ's question shares no word with is still answered when its topic is close.
   */
  const restsOnAnswerAlone = (ranked: readonly Scored[], features: ConfidenceFeatures, query: QuerySignals): boolean => {
    const top = ranked[0];
    // The product's rule: the single-signal baselines stay what they say they are.
    if (options.mode !== 'hybrid' || cooccurrence === undefined || top === undefined || features.dense >= ANSWER_ALONE_MAX_TOPIC) return false;
    const base = baseTermWeights(index, query.terms);
    const held = questionTermsOf(index, top.doc);
    return !query.terms.some((t) => base.has(t.source) && held.has(t.term));
  };
  /** The one place a ranking becomes a confidence, for a question alone or merged with its history. */
  const confidenceOf = (ranked: readonly Scored[], features: ConfidenceFeatures, query: QuerySignals): number =>
    ranked.length === 0 || isUnsupported(query) || isOffTopic(features) || restsOnAnswerAlone(ranked, features, query)
      ? 0
      : scoreConfidence(features, options.confidence);
  const judge = (query: QuerySignals): { ranked: Scored[]; features: ConfidenceFeatures; confidence: number } => {
    const ranked = score(query);
    const features = featuresOf(ranked, query);
    return { ranked, features, confidence: confidenceOf(ranked, features, query) };
  };

  return {
    name: options.mode,
    // A custom confidence model has no calibrated threshold: the engine's default applies.
    ...(overrides.confidence === undefined ? { abstainBelow: calibration.abstainBelow } : {}),
    async retrieve(query: RetrievalQuery, retrieveOptions: RetrieveOptions = {}): Promise<RetrievalResult> {
      const limit = retrieveOptions.limit ?? 5;
      const own = analyseQuery(query.text);
      const ownTerms = own.terms;
      let { ranked, features, confidence } = judge(await signalsOf(ownTerms, own.analysed, query.text));
      let usedHistory = false;
      const history = (query.history ?? []).filter((t) => t.trim() !== '');
      if (history.length > 0 && isElliptical(ownTerms, options.followUpMaxTerms)) {
        // A short follow-up ("how much?", "網上得唔得") borrows the topic of the earlier turns,
        // with less weight, so its own words still pick among that topic's FAQs.
        const merged = new Map(ownTerms.map((t) => [t.term, t]));
        [...history].reverse().forEach((turn, age) => {
          const w = options.historyWeights[age] ?? 0;
          if (w <= 0) return;
          for (const t of analyseQuery(turn).terms) {
            const existing = merged.get(t.term);
            const weight = (existing?.weight ?? 0) + t.weight * w;
            merged.set(t.term, { term: t.term, weight, source: existing?.source ?? t.source });
          }
        });
        const joined = [...history, query.text].join('\n');
        const mergedQuery = await signalsOf([...merged.values()], analyseText(joined), joined);
        const withHistory = judge(mergedQuery);
        // An elliptical question's own best match is unreliable however sure it looks ("how much
        // is the fee?" matches every fee), so the topic from history decides — but the question
        // picks within it: rank by reciprocal-rank fusion of the question alone (full weight) and
        // the history-merged query, so an FAQ matching both the facet and the topic comes first.
        // The merged query weighs a little less, so that when the two lists swap the same pair
        // ("maternity leave?" → "what about the dad?") the follow-up's own words win the tie.
        if (withHistory.ranked.length > 0) {
          const fuse = new Map<number, Scored>();
          const add = (list: readonly Scored[], weight: number): void =>
            list.forEach((s, rank) => {
              const previous = fuse.get(s.doc);
              const value = (previous?.score ?? 0) + weight / (options.rrfK + rank + 1);
              fuse.set(s.doc, { ...(withHistory.ranked.find((h) => h.doc === s.doc) ?? s), score: value });
            });
          add(ranked, 1);
          add(withHistory.ranked, 0.9);
          ranked = [...fuse.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
          features = featuresOf(ranked, mergedQuery);
          confidence = confidenceOf(ranked, features, mergedQuery);
          usedHistory = true;
        }
      }
      const hits: RetrievalHit[] = ranked.slice(0, limit).map((s) => ({
        entry: index.entries[s.doc]!,
        score: s.score,
        signals: { bm25: s.bm25, dense: s.dense, coverage: s.coverage },
      }));
      return { hits, confidence, usedHistory, features };
    },
  };
}

/**
 * Whether normalised text mentions an alias: a Latin alias as a whole word ("HA" is not in "what",
 * "LD" not in "should"), a Chinese one anywhere (Chinese has no spaces).
 */
function mentions(written: string, alias: string): boolean {
  if (!/^[a-z0-9]/.test(alias)) return written.includes(alias);
  let at = written.indexOf(alias);
  while (at !== -1) {
    const before = written[at - 1];
    const after = written[at + alias.length];
    if ((before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after))) return true;
    at = written.indexOf(alias, at + 1);
  }
  return false;
}

/**
 * An expansion stands in for its source word, so it may not weigh more than the source would:
 * "wage" is in every labour FAQ (low IDF) but its translation 欠薪 is in one (high IDF), and
 * uncapped that one FAQ would outscore the one whose own question says "wages". Scaling the
 * expansion by idf(source) / idf(expansion) when the expansion is the rarer lets it carry the
 * source's informativeness, not its own. An unknown source has the highest IDF, so expansions of
 * words the bot never uses (mainland vocabulary, typos) keep their full weight.
 */
function capExpansions(terms: QueryTerm[], index: BotIndex): QueryTerm[] {
  return terms.map((t) => {
    if (t.term === t.source) return t;
    const ratio = index.bm25.idf(t.source) / index.bm25.idf(t.term);
    return ratio >= 1 ? t : { ...t, weight: t.weight * ratio };
  });
}

const questionRanges = new WeakMap<BotIndex, NumberRange[][]>();

/** The numeric ranges each FAQ's question and alternates are written for, per document. */
function questionRangesOf(index: BotIndex): NumberRange[][] {
  let ranges = questionRanges.get(index);
  if (ranges === undefined) {
    ranges = index.entries.map((e) =>
      [e.question.en, e.question['zh-HK'], ...Object.values(e.alternates ?? {}).flat()].flatMap((q) => (q === undefined ? [] : rangesIn(q))),
    );
    questionRanges.set(index, ranges);
  }
  return ranges;
}

/**
 * Topic similarity (built-in embedder) below which an FAQ matched by its answer alone is no answer.
 * Chosen on dev (accuracy unchanged from 0.3 to 0.7, lower from 0.75) and on other departments'
 * questions among the dev bots (the higher, the more declined): the middle of that range.
 */
const ANSWER_ALONE_MAX_TOPIC = 0.5;

const questionTerms = new WeakMap<BotIndex, Map<number, ReadonlySet<string>>>();

/** The best FAQ's question-side terms, analysed the first time it is the best and kept with its index. */
function questionTermsOf(index: BotIndex, doc: number): ReadonlySet<string> {
  let byDoc = questionTerms.get(index);
  if (byDoc === undefined) questionTerms.set(index, (byDoc = new Map()));
  let terms = byDoc.get(doc);
  if (terms === undefined) byDoc.set(doc, (terms = questionSideTerms(index.entries[doc]!)));
  return terms;
}

const spellingIndexes = new WeakMap<BotIndex, SpellingIndex>();

/** The bot's spelling index, built on its first misspelt word and shared by its retrievers. */
function spellingIndexOf(index: BotIndex): SpellingIndex {
  let spelling = spellingIndexes.get(index);
  if (spelling === undefined) spellingIndexes.set(index, (spelling = buildSpellingIndex(index.bm25.terms())));
  return spelling;
}

/** A follow-up names little of its own: few informative words beyond stop words. */
function isElliptical(terms: readonly QueryTerm[], maxTerms: number): boolean {
  const words = terms.filter((t) => t.source === t.term && t.weight >= 1 && !isIntentTerm(t.term));
  return words.length <= maxTerms;
}

/** The built-in embedder embeds the analysed terms; any other embedder's vector of the text was computed up front. */
function queryVector(index: BotIndex, terms: readonly QueryTerm[], textVector: number[] | undefined): number[] {
  if (isCooccurrenceEmbedder(index.embedder)) return index.embedder.embedTerms(terms);
  return textVector ?? new Array<number>(index.embedder.info.dimension).fill(0);
}

/** Cosine of the query to each candidate FAQ: the better of its question side and (discounted) answer side. */
function denseScores(index: BotIndex, terms: readonly QueryTerm[], limit: number, textVector?: number[]): Map<number, number> {
  const vector = queryVector(index, terms, textVector);
  const out = new Map<number, number>();
  for (const hit of index.vectors.search(vector, limit * VECTORS_PER_FAQ)) {
    const doc = Math.floor(hit.label / VECTORS_PER_FAQ);
    const isAnswer = hit.label % VECTORS_PER_FAQ === 1;
    const sim = isAnswer ? hit.similarity * (0.5 + ANSWER_WEIGHT / 2) : hit.similarity;
    if (sim > (out.get(doc) ?? -Infinity)) out.set(doc, sim);
  }
  return out;
}

/**
 * Cosine of the query without its intent terms to an FAQ's stored vectors (question side, and the
 * discounted answer side as in ranking): exact, from the FAQ's own rows, so it costs one dot
 * product per side whatever the corpus size.
 */
function topicSimilarity(index: BotIndex, terms: readonly QueryTerm[], textVector?: number[]): (doc: number) => number {
  const vector = queryVector(index, terms.filter((t) => !isIntentTerm(t.term)), textVector);
  const dimension = vector.length;
  const dot = (row: number): number => {
    let sum = 0;
    const offset = row * dimension;
    for (let k = 0; k < dimension; k++) sum += vector[k]! * index.vectorData[offset + k]!;
    return sum;
  };
  return (doc) => Math.max(dot(doc * VECTORS_PER_FAQ), dot(doc * VECTORS_PER_FAQ + 1) * (0.5 + ANSWER_WEIGHT / 2));
}

/**
 * IDF-weighted importance of each base term; unknown words weigh the most, as they should.
 * Intent terms (?amount…) are left out: they say what kind of answer is wanted, not what about,
 * so "what is the weather" must not look half-covered by every "What is …?" FAQ.
 */
function baseTermWeights(index: BotIndex, terms: readonly QueryTerm[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) if (t.source === t.term && !isIntentTerm(t.term)) out.set(t.term, t.weight * index.bm25.idf(t.term));
  return out;
}

/** Share of the query's informative mass an FAQ holds; an expansion counts for less than the word itself. */
function coverageOf(index: BotIndex, terms: readonly QueryTerm[], base: ReadonlyMap<string, number>, doc: number): number {
  let total = 0;
  for (const w of base.values()) total += w;
  if (total === 0) return 0;
  const credit = new Map<string, number>();
  const sourceWeight = new Map(terms.filter((t) => t.term === t.source).map((t) => [t.term, t.weight]));
  for (const t of terms) {
    if (!index.bm25.docHasTerm(doc, t.term)) continue;
    // An expansion covers its source word as much as it weighs against it: a base form (0.8) almost
    // fully, a translation (0.35) or a synonym (0.3) partly, a broader word (0.15) little, so a
    // stray sense of an unknown word ("weather" → "conditions") cannot make a question look answered.
    const c = t.source === t.term ? 1 : Math.min(1, t.weight / (sourceWeight.get(t.source) ?? 1));
    if (c > (credit.get(t.source) ?? 0)) credit.set(t.source, c);
  }
  let covered = 0;
  for (const [term, w] of base) covered += w * (credit.get(term) ?? 0);
  return covered / total;
}

/**
 * Share of the amounts a question names (numbers as analysed: 一千 and 1,000 are both "1000")
 * that an FAQ states; 0 when the question names none. Years are not amounts.
 */
function amountMatch(index: BotIndex, terms: readonly QueryTerm[], doc: number): number {
  const amounts = terms.filter((t) => t.term === t.source && /^\d+$/.test(t.term) && !isYear(Number(t.term)));
  if (amounts.length === 0) return 0;
  return amounts.filter((t) => index.bm25.docHasTerm(doc, t.term)).length / amounts.length;
}
