/**
 * A small seeded PRNG, so every synthetic corpus and query set is the same on every machine and
 * every run: figures from two runs then differ only by the code and the machine, not the data.
 */

/** mulberry32: 32-bit state, good enough statistics for test data, and fast. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** One element of a non-empty array. */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** True with probability p. */
    chance: (p) => next() < p,
  };
}

/** Mixes a seed with an integer, for per-item streams that do not depend on generation order. */
export function mixSeed(seed, n) {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The first `count` elements of a seeded permutation of 0..size-1 (partial Fisher–Yates). A
 * prefix of the same permutation, so a smaller corpus is a subset of a larger one.
 */
export function samplePermutation(size, count, seed) {
  if (count > size) throw new Error(`cannot draw ${count} distinct items from ${size}`);
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  const random = createRandom(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (size - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.subarray(0, count);
}
