import { firstRelevantRank, isCorrect, type EvalRecord } from './eval-metrics.js';

/**
 * How a query went wrong. `wrong-answer`: in scope, answered from the wrong FAQ.
 * `should-abstain`: out of scope, answered anyway. `missed-answer`: in scope, but abstained.
 */
export type MissKind = 'wrong-answer' | 'should-abstain' | 'missed-answer';

/** One query the pipeline got wrong, with what it did instead. */
export interface EvalMiss {
  readonly kind: MissKind;
  readonly bot: string;
  readonly lang: string;
  readonly query: string;
  readonly history?: readonly string[];
  /** Empty: the bot should have abstained. */
  readonly expected: readonly string[];
  /** The FAQ it answered from, or its best candidate when it abstained (undefined if none). */
  readonly got: string | undefined;
  readonly abstained: boolean;
  readonly confidence: number;
  /** 1-based rank of the first expected FAQ among the candidates (0: not retrieved). */
  readonly expectedRank: number;
  /** The query's line in its dataset file, when known. */
  readonly line?: number;
}

/**
 * The queries answered wrongly, worst first: a confident wrong answer misleads a citizen, while an
 * abstention only sends them to the hotline, so answers come before abstentions, and within each,
 * higher confidence first. Dataset order breaks ties, so reports are stable between runs.
 *
 * @example selectMisses(records).slice(0, 10)
 */
export function selectMisses(records: readonly EvalRecord[]): EvalMiss[] {
  return records
    .map((r, order) => ({ r, order }))
    .filter(({ r }) => !isCorrect(r))
    .sort((a, b) => Number(a.r.abstained) - Number(b.r.abstained) || b.r.confidence - a.r.confidence || a.order - b.order)
    .map(({ r }) => toMiss(r));
}

function toMiss(r: EvalRecord): EvalMiss {
  const kind: MissKind = r.expected.length === 0 ? 'should-abstain' : r.abstained ? 'missed-answer' : 'wrong-answer';
  return {
    kind,
    bot: r.bot,
    lang: r.lang,
    query: r.query,
    ...(r.history === undefined ? {} : { history: r.history }),
    expected: r.expected,
    got: r.ranked[0],
    abstained: r.abstained,
    confidence: r.confidence,
    expectedRank: firstRelevantRank(r),
    ...(r.line === undefined ? {} : { line: r.line }),
  };
}
