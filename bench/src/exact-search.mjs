import hnswlib from 'hnswlib-node';

/**
 * Exact nearest neighbours over the index's own vectors (`index.vectorData`, unit rows), the
 * ground truth for HNSW recall and the "no ANN" cost it is compared with. Two flavours:
 * - `exactTopK`: plain JavaScript, float64 sums — independent of hnswlib, so it is the truth;
 * - `createNativeBruteForce`: hnswlib's own C++ brute force — the fair speed baseline (same
 *   language, same distance code as the HNSW graph), so the speed-up is not flattered by JS.
 */

/** Top-`k` rows by cosine (dot product of unit vectors), best first. */
export function exactTopK(vectorData, dimension, query, k) {
  const rows = vectorData.length / dimension;
  const labels = new Int32Array(k).fill(-1);
  const sims = new Float64Array(k).fill(-Infinity);
  const q = Float64Array.from(query);
  for (let r = 0; r < rows; r++) {
    const offset = r * dimension;
    let dot = 0;
    for (let d = 0; d < dimension; d++) dot += vectorData[offset + d] * q[d];
    if (dot <= sims[k - 1]) continue;
    // Insertion into the small sorted top-k list.
    let i = k - 1;
    while (i > 0 && sims[i - 1] < dot) {
      sims[i] = sims[i - 1];
      labels[i] = labels[i - 1];
      i--;
    }
    sims[i] = dot;
    labels[i] = r;
  }
  return { labels, sims };
}

/** hnswlib's exact search over the same rows, labelled by row number. */
export function createNativeBruteForce(vectorData, dimension) {
  const rows = vectorData.length / dimension;
  const index = new hnswlib.BruteforceSearch('cosine', dimension);
  index.initIndex(rows);
  for (let r = 0; r < rows; r++) index.addPoint(Array.from(vectorData.subarray(r * dimension, (r + 1) * dimension)), r);
  return {
    search(query, k) {
      return index.searchKnn(Array.from(query), k).neighbors;
    },
  };
}

/**
 * Share of the true top-k that a result found. A hit whose similarity ties the k-th true one
 * (within float32 rounding) counts: which of two equal vectors comes back is not an error.
 */
export function recallAtK(truth, found, k) {
  const kth = truth.sims[k - 1];
  const trueSet = new Set(Array.from(truth.labels.subarray(0, k)));
  let hits = 0;
  for (const hit of found.slice(0, k)) {
    if (trueSet.has(hit.label) || hit.similarity >= kth - 1e-5) hits++;
  }
  return Math.min(1, hits / k);
}
