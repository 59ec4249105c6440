import { analyseText } from './analyse-text.js';
import type { BotIndex } from './bot-index.js';
import { expandQuery, type QueryTerm } from './expand-query.js';
import { ANSWER_WEIGHT, VECTORS_PER_FAQ } from './faq-document.js';
import { scoreConfidence, type ConfidenceFeatures, type ConfidenceWeights } from './confidence-model.js';
import { normaliseText } from './normalise-text.js';
import { RETRIEVAL_CALIBRATION } from './retrieval-calibration.js';
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
  /** How many candidates each signal contributes before fusion. */
  readonly candidates: number;
  /** Weights of earlier turns when a follow-up is resolved (most recent first). */
  readonly historyWeights: readonly number[];
  /** A query with at most this many informative words may lean on history. */
  readonly followUpMaxTerms: number;
  /** Confidence model weights; default: fitted on the dev set by `npm run calibrate`. */
  readonly confidence: ConfidenceWeights;
}

export const DEFAULT_HYBRID_OPTIONS: HybridOptions = {
  mode: 'hybrid',
  fusion: 'rrf',
  rrfK: 10,
  bm25Weight: 0.5,
  candidates: 30,
  historyWeights: [0.6, 0.3],
  followUpMaxTerms: 4,
  confidence: RETRIEVAL_CALIBRATION.weights,
};

interface Scored {
  readonly doc: number;
  readonly bm25: number;
  readonly dense: number;
  readonly coverage: number;
  readonly score: number;
}

/**
 * BM25F and the dense HNSW index, fused by reciprocal rank; the confidence comes from how much of
 * the question the best FAQ covers and how close it is, so an out-of-scope question abstains.
 *
 * @example
 * const retriever = createHybridRetriever(await loadIndex('./data', 'housing'));
 * const { hits, confidence } = await retriever.retrieve({ text: '公屋要等幾耐' });
 */
export function createHybridRetriever(index: BotIndex, overrides: Partial<HybridOptions> = {}): Retriever {
  const options: HybridOptions = { ...DEFAULT_HYBRID_OPTIONS, ...overrides };
  const aliases = (index.bot.aliases ?? []).map((group) => group.map((a) => normaliseText(a).written));
  const hasTerm = (term: string): boolean => index.bm25.hasTerm(term) || index.embedder.hasTerm(term);

  /** Query text → weighted terms: aliases first (a product name ↔ its Chinese name), then expansions. */
  const toTerms = (text: string): QueryTerm[] => {
    const written = normaliseText(text).written;
    const extra = aliases.flatMap((group) => (group.some((a) => a.length > 0 && written.includes(a)) ? group.filter((a) => !written.includes(a)) : []));
    return expandQuery(analyseText([text, ...extra].join(' ')), hasTerm);
  };

  const score = (terms: readonly QueryTerm[]): Scored[] => {
    const limit = options.candidates;
    const bm25Hits = options.mode === 'dense' ? [] : index.bm25.search(terms, limit);
    const dense = options.mode === 'bm25' ? new Map<number, number>() : denseScores(index, terms, limit);
    const bm25 = new Map(bm25Hits.map((h) => [h.doc, h.score]));
    const bm25Rank = new Map(bm25Hits.map((h, i) => [h.doc, i]));
    const denseRank = new Map([...dense].sort((a, b) => b[1] - a[1]).map(([doc], i) => [doc, i]));
    const docs = new Set([...bm25.keys(), ...dense.keys()]);
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
      out.push({
        doc,
        bm25: bm25.get(doc) ?? 0,
        dense: dense.get(doc) ?? 0,
        coverage: coverageOf(index, terms, baseWeight, doc),
        score: fused,
      });
    }
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  };

  /** The signals the confidence model reads, from the best and second-best candidates. */
  const featuresOf = (ranked: readonly Scored[], terms: readonly QueryTerm[]): ConfidenceFeatures => {
    const [top, second] = ranked;
    const base = baseTermWeights(index, terms);
    let total = 0;
    let known = 0;
    for (const [term, w] of base) {
      total += w;
      if (hasTerm(term)) known += w;
    }
    const best = (key: 'bm25' | 'dense'): number | undefined =>
      [...ranked].sort((a, b) => b[key] - a[key])[0]?.doc;
    return {
      coverage: top?.coverage ?? 0,
      dense: top?.dense ?? 0,
      coverageMargin: (top?.coverage ?? 0) - (second?.coverage ?? 0),
      denseMargin: (top?.dense ?? 0) - (second?.dense ?? 0),
      // BM25 against the best a document could score for this query (every term saturated).
      bm25: total === 0 ? 0 : Math.min(1, (top?.bm25 ?? 0) / total),
      known: total === 0 ? 0 : known / total,
      agreement: top !== undefined && best('bm25') === top.doc && best('dense') === top.doc ? 1 : 0,
    };
  };

  const judge = (terms: readonly QueryTerm[]): { ranked: Scored[]; features: ConfidenceFeatures; confidence: number } => {
    const ranked = score(terms);
    const features = featuresOf(ranked, terms);
    return { ranked, features, confidence: ranked.length === 0 ? 0 : scoreConfidence(features, options.confidence) };
  };

  return {
    name: options.mode,
    async retrieve(query: RetrievalQuery, retrieveOptions: RetrieveOptions = {}): Promise<RetrievalResult> {
      const limit = retrieveOptions.limit ?? 5;
      const ownTerms = toTerms(query.text);
      let { ranked, features, confidence } = judge(ownTerms);
      let usedHistory = false;
      const history = (query.history ?? []).filter((t) => t.trim() !== '');
      if (history.length > 0 && isElliptical(ownTerms, options.followUpMaxTerms)) {
        // A short follow-up ("how much?", "網上得唔得") borrows the topic of the earlier turns,
        // with less weight, so its own words still pick among that topic's FAQs.
        const merged = new Map(ownTerms.map((t) => [t.term, t]));
        [...history].reverse().forEach((turn, age) => {
          const w = options.historyWeights[age] ?? 0;
          if (w <= 0) return;
          for (const t of toTerms(turn)) {
            const existing = merged.get(t.term);
            const weight = (existing?.weight ?? 0) + t.weight * w;
            merged.set(t.term, { term: t.term, weight, source: existing?.source ?? t.source });
          }
        });
        const withHistory = judge([...merged.values()]);
        // An elliptical question's own best match is unreliable however sure it looks ("how much
        // is the fee?" matches every fee), so the topic from history decides — but the question
        // picks within it: rank by reciprocal-rank fusion of the question alone (full weight) and
        // the history-merged query, so an FAQ matching both the facet and the topic comes first.
        if (withHistory.ranked.length > 0) {
          const fuse = new Map<number, Scored>();
          const add = (list: readonly Scored[], weight: number): void =>
            list.forEach((s, rank) => {
              const previous = fuse.get(s.doc);
              const value = (previous?.score ?? 0) + weight / (options.rrfK + rank + 1);
              fuse.set(s.doc, { ...(withHistory.ranked.find((h) => h.doc === s.doc) ?? s), score: value });
            });
          add(ranked, 1);
          add(withHistory.ranked, 1);
          ranked = [...fuse.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
          features = featuresOf(ranked, [...merged.values()]);
          confidence = scoreConfidence(features, options.confidence);
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

/** A follow-up names little of its own: few informative words beyond stop words. */
function isElliptical(terms: readonly QueryTerm[], maxTerms: number): boolean {
  const words = terms.filter((t) => t.source === t.term && t.weight >= 1);
  return words.length <= maxTerms;
}

/** Cosine of the query to each candidate FAQ: the better of its question side and (discounted) answer side. */
function denseScores(index: BotIndex, terms: readonly QueryTerm[], limit: number): Map<number, number> {
  const vector = index.embedder.embedTerms(terms);
  const out = new Map<number, number>();
  for (const hit of index.vectors.search(vector, limit * VECTORS_PER_FAQ)) {
    const doc = Math.floor(hit.label / VECTORS_PER_FAQ);
    const isAnswer = hit.label % VECTORS_PER_FAQ === 1;
    const sim = isAnswer ? hit.similarity * (0.5 + ANSWER_WEIGHT / 2) : hit.similarity;
    if (sim > (out.get(doc) ?? -Infinity)) out.set(doc, sim);
  }
  return out;
}

/** IDF-weighted importance of each base term; unknown words weigh the most, as they should. */
function baseTermWeights(index: BotIndex, terms: readonly QueryTerm[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) if (t.source === t.term) out.set(t.term, t.weight * index.bm25.idf(t.term));
  return out;
}

/** Share of the query's informative mass an FAQ holds; an expansion counts for less than the word itself. */
function coverageOf(index: BotIndex, terms: readonly QueryTerm[], base: ReadonlyMap<string, number>, doc: number): number {
  let total = 0;
  for (const w of base.values()) total += w;
  if (total === 0) return 0;
  const credit = new Map<string, number>();
  for (const t of terms) {
    if (!index.bm25.docHasTerm(doc, t.term)) continue;
    const c = t.source === t.term ? 1 : 0.7;
    if (c > (credit.get(t.source) ?? 0)) credit.set(t.source, c);
  }
  let covered = 0;
  for (const [term, w] of base) covered += w * (credit.get(term) ?? 0);
  return covered / total;
}
