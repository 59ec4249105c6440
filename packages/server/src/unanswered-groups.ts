import { analyseText } from '@govchat/core';

export interface AskedQuestion {
  /** Masked question text. */
  readonly question: string;
  readonly lang: string | null;
  /** Epoch ms. */
  readonly createdAt: number;
}

export interface QuestionGroup {
  /** The wording asked most often in the group (the most recent one on a tie). */
  readonly question: string;
  readonly count: number;
  /** Other distinct wordings, most recent first. */
  readonly examples: string[];
  readonly langs: string[];
  readonly lastAskedAt: string;
}

export interface GroupOptions {
  /** Jaccard similarity of analysed terms at which two questions are "the same question". */
  readonly threshold?: number;
  readonly maxExamples?: number;
}

/**
 * Groups questions that ask the same thing, most frequent group first: a department's list of
 * missing FAQs. Similarity is the Jaccard index of core's analysed terms (Porter stems, Chinese
 * words and bigrams in Simplified), so 「點樣續期」 and 「点样续期」, or "renew" and "renewal",
 * fall together. Each question joins the group whose first question it is most similar to.
 *
 * @example groupSimilarQuestions(store.listUnanswered('housing', { since, limit: 1000 }))
 */
export function groupSimilarQuestions(questions: readonly AskedQuestion[], options: GroupOptions = {}): QuestionGroup[] {
  const threshold = options.threshold ?? 0.5;
  const maxExamples = options.maxExamples ?? 5;
  const termCache = new Map<string, ReadonlySet<string>>();
  const termsOf = (text: string): ReadonlySet<string> => {
    let terms = termCache.get(text);
    if (terms === undefined) {
      terms = new Set(analyseText(text).terms.keys());
      termCache.set(text, terms);
    }
    return terms;
  };

  interface Building {
    readonly seed: ReadonlySet<string>;
    readonly wordings: Map<string, { count: number; last: number }>;
    readonly langs: Set<string>;
    count: number;
    last: number;
  }
  const groups: Building[] = [];
  // Newest first, so a group's seed (and the examples) favour current wording.
  const ordered = [...questions].sort((a, b) => b.createdAt - a.createdAt);
  for (const asked of ordered) {
    const wording = asked.question.trim().replace(/\s+/g, ' ');
    if (wording === '') continue;
    const terms = termsOf(wording.toLowerCase());
    let best: Building | undefined;
    let bestScore = -1;
    for (const group of groups) {
      const score = group.wordings.has(wording) ? 1 : jaccard(terms, group.seed);
      if (score > bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (best === undefined || bestScore < threshold) {
      best = { seed: terms, wordings: new Map(), langs: new Set(), count: 0, last: asked.createdAt };
      groups.push(best);
    }
    const seen = best.wordings.get(wording) ?? { count: 0, last: asked.createdAt };
    seen.count++;
    best.wordings.set(wording, seen);
    if (asked.lang) best.langs.add(asked.lang);
    best.count++;
    best.last = Math.max(best.last, asked.createdAt);
  }

  return groups
    .sort((a, b) => b.count - a.count || b.last - a.last)
    .map((group) => {
      const wordings = [...group.wordings].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last);
      return {
        question: wordings[0]![0],
        count: group.count,
        examples: wordings
          .slice(1)
          .sort((a, b) => b[1].last - a[1].last)
          .slice(0, maxExamples)
          .map(([text]) => text),
        langs: [...group.langs].sort(),
        lastAskedAt: new Date(group.last).toISOString(),
      };
    });
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}
