/**
 * How much a number measured on a few hundred queries can be trusted. A language has about 40
 * queries in a bundled set, so one query is 2.4 points: without an interval a maintainer cannot
 * tell a real drop from a coin flip, and "what got worse" needs that distinction.
 */

/** A two-sided 95% interval of a share, both ends 0–1. */
export interface ShareInterval {
  readonly low: number;
  readonly high: number;
}

/** z of a two-sided 95% normal interval. */
const Z95 = 1.959964;

/**
 * Wilson score interval of `successes` out of `n` (95% by default). Unlike the textbook p ± z·se it
 * stays inside 0–1 and is honest at 0 or n successes, which small per-language groups often hit.
 * With n = 0 nothing is known: the whole range. Ends are rounded to 4 decimals like every metric.
 *
 * @example wilsonInterval(22, 42) // { low: 0.3772, high: 0.6664 }
 */
export function wilsonInterval(successes: number, n: number, z = Z95): ShareInterval {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need whole numbers 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact ends at 0 and n successes, so rounding never shows 0.0001 for "no query right".
  return { low: successes === 0 ? 0 : round(centre - half), high: successes === n ? 1 : round(centre + half) };
}

/**
 * Two-sided p-value of the exact McNemar test: with both runs over the same queries, only the
 * queries that flipped say anything, and if the change made no difference each flip is equally
 * likely to be a fix or a regression. Small p: the change, not chance, moved accuracy. No flip at
 * all: p = 1.
 *
 * @example pairedChangePValue(6, 1) // 0.125  (7 flips, 6 of them one way: could still be chance)
 * @example pairedChangePValue(12, 1) // 0.0034
 */
export function pairedChangePValue(regressions: number, fixes: number): number {
  if (!Number.isInteger(regressions) || regressions < 0 || !Number.isInteger(fixes) || fixes < 0) {
    throw new RangeError(`pairedChangePValue: need whole counts ≥ 0, got ${regressions} regressions and ${fixes} fixes`);
  }
  const flips = regressions + fixes;
  if (flips === 0) return 1;
  const fewer = Math.min(regressions, fixes);
  // P(X ≤ fewer) for X ~ Binomial(flips, ½), summed in log space so 1,000 flips do not overflow.
  let tail = 0;
  let logChoose = 0; // log C(flips, 0)
  for (let k = 0; k <= fewer; k++) {
    if (k > 0) logChoose += Math.log(flips - k + 1) - Math.log(k);
    tail += Math.exp(logChoose - flips * Math.LN2);
  }
  return round(Math.min(1, 2 * tail));
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
