import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { AnalysedText } from './analyse-text.js';
import { stemEnglish } from './language-bridge.js';

/**
 * A cross-lingual word space: one vector per English Porter stem and per Simplified Chinese word,
 * built offline from WordNet and CC-CEDICT by scripts/build-resources.mjs (see buildConceptSpace
 * there). Words of one meaning sit close whatever their language, so 取消帳戶, "cancel my account"
 * and 剷咗個戶口 meet where BM25 sees no shared term. Nothing in it is written for the bundled
 * corpora.
 */
/** What a concept vector is made of: the analyser's English words and Chinese words. */
export type ConceptWords = Pick<AnalysedText, 'englishWords' | 'chineseWords'>;

export interface ConceptSpace {
  readonly dimension: number;
  /** How many words have a vector. */
  readonly words: number;
  /** How many of those vectors have been read from the file so far: the rest take no memory. */
  readonly wordsRead: number;
  /** Identifies this build of the space: indexes store FAQ vectors made with it. */
  readonly fingerprint: string;
  /**
   * Unit vector of the text's words, or undefined when none is known. weightOf(key) multiplies
   * each word's SIF weight (the retriever passes the bot's IDF); keys are the analyser's terms: an
   * English word's stem (stemEnglish) or a Simplified Chinese jieba word.
   */
  vectorOf(analysed: ConceptWords, weightOf?: (key: string) => number): Float32Array | undefined;
  /**
   * Both views in one pass over the words: [weighted by weightOf, unweighted]. Retrieval ranks with
   * the first and judges confidence with the second.
   */
  vectorsOf(analysed: ConceptWords, weightOf: (key: string) => number): readonly [Float32Array | undefined, Float32Array | undefined];
}

/*
 * File layout (little-endian), written by buildConceptSpace in scripts/build-resources.mjs:
 *   'GCCS', u32 header length, header JSON (space-padded to a 4-byte boundary), then
 *   f32 centre[dim]        mean of typical sentence vectors, subtracted from every text vector
 *   f32 weights[words]     SIF weight (already raised to header.sifPower) of each word
 *   u32 offsets[words + 1] where each word's UTF-16 code units start in chars
 *   u32 table[slots]       open-addressing hash (conceptHash) of word → row + 1, 0 = empty
 *   u16 chars[chars]       all words' UTF-16 code units, back to back
 *   i8  matrix[words × dim] unit word vectors / scale
 * Viewing typed arrays keeps 120k words out of the JS heap: no strings, no Map, no per-word
 * objects. Everything before the matrix (3 MB) is read at once; the matrix (47 MB) stays in the
 * file and a word's row is read the first time it is needed, since a server only ever looks up the
 * words of its questions (FAQ vectors are computed at ingest) and an ingest only its corpus's words.
 */
interface Header {
  readonly format: string;
  readonly version: number;
  readonly dim: number;
  readonly words: number;
  /** int8 step (vector component = byte × scale); unused here as text vectors are normalised. */
  readonly scale: number;
  readonly slots: number;
  readonly chars: number;
  /** sha256 (16 hex digits) of everything after the header: via the fingerprint, a rebuilt space re-embeds indexes. */
  readonly digest?: string;
}

const MAGIC = 'GCCS';
/** Rows are kept in chunks of this many (96 KB at 384 dimensions), filled in the order read. */
const CHUNK_SHIFT = 8;
const CHUNK_ROWS = 1 << CHUNK_SHIFT;
// null: looked and found nothing usable, so later calls do not read the disk again.
let cached: ConceptSpace | null | undefined;

/**
 * The concept space built by `npm run build`, opened on first call and cached. Undefined (not a
 * throw) when the resource is missing or unreadable: it sharpens retrieval but answers must not
 * depend on it. The file stays open: word vectors are read from it as they are first needed.
 * @example
 * const space = loadConceptSpace();
 * const v = space?.vectorOf(analyseText('如何取消帳戶')); // unit Float32Array(384), or undefined
 */
export function loadConceptSpace(): ConceptSpace | undefined {
  if (cached === undefined) {
    // Both src/ (tests) and dist/ sit one level below the package root.
    const url = new URL('../resources/concept-space.bin', import.meta.url);
    let fd: number | undefined;
    try {
      fd = openSync(url, 'r');
      cached = openConceptSpace(fd) ?? null;
    } catch {
      cached = null;
    }
    if (cached === null && fd !== undefined) closeSync(fd);
  }
  return cached ?? undefined;
}

/*
 * sum += scale × matrix[base, base + sum.length), four components a step: V8 does not vectorise,
 * and unrolled this ingest's hottest loop runs about twice as fast. Every component still gets
 * the same one addition in the same order as in a plain loop, so the sums are exactly the same.
 */
function addRow(sum: Float32Array, scale: number, matrix: Int8Array, base: number): void {
  const n = sum.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    sum[i]! += scale * matrix[base + i]!;
    sum[i + 1]! += scale * matrix[base + i + 1]!;
    sum[i + 2]! += scale * matrix[base + i + 2]!;
    sum[i + 3]! += scale * matrix[base + i + 3]!;
  }
  for (; i < n; i++) sum[i]! += scale * matrix[base + i]!;
}

/** addRow into two sums (same length) at once, reading the row once. */
function addRowToBoth(a: Float32Array, scaleA: number, b: Float32Array, scaleB: number, matrix: Int8Array, base: number): void {
  const n = a.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const x0 = matrix[base + i]!;
    const x1 = matrix[base + i + 1]!;
    const x2 = matrix[base + i + 2]!;
    const x3 = matrix[base + i + 3]!;
    a[i]! += scaleA * x0;
    b[i]! += scaleB * x0;
    a[i + 1]! += scaleA * x1;
    b[i + 1]! += scaleB * x1;
    a[i + 2]! += scaleA * x2;
    b[i + 2]! += scaleB * x2;
    a[i + 3]! += scaleA * x3;
    b[i + 3]! += scaleB * x3;
  }
  for (; i < n; i++) {
    const x = matrix[base + i]!;
    a[i]! += scaleA * x;
    b[i]! += scaleB * x;
  }
}

/** FNV-1a over UTF-16 code units with a murmur finaliser; the build script hashes the same way. */
function conceptHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Fills `into` from the file at `position`; false when the file is shorter. */
function readFully(fd: number, into: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

function openConceptSpace(fd: number): ConceptSpace | undefined {
  const fileBytes = fstatSync(fd).size;
  const prefix = Buffer.alloc(8);
  if (!readFully(fd, prefix, 0) || prefix.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const headerLength = prefix.readUInt32LE(4);
  const headerBytes = Buffer.alloc(headerLength);
  if (!readFully(fd, headerBytes, 8)) return undefined;
  const header = JSON.parse(new TextDecoder().decode(headerBytes)) as Header;
  if (header.format !== 'govchat-concept-space' || header.version !== 1) return undefined;
  const { dim, words, slots, chars } = header;
  // Read into a buffer of its own, where every section starts at a multiple of its element size.
  const lookupStart = 8 + headerLength;
  const lookupBytes = dim * 4 + words * 4 + (words + 1) * 4 + slots * 4 + chars * 2;
  const matrixStart = lookupStart + lookupBytes;
  if (matrixStart + words * dim !== fileBytes) return undefined;
  const lookup = new Uint8Array(lookupBytes);
  if (!readFully(fd, lookup, lookupStart)) return undefined;
  let at = 0;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, size: number): T => {
    const view = make(lookup.buffer, at, length);
    at += length * size;
    return view;
  };
  const centre = take((b, o, n) => new Float32Array(b, o, n), dim, 4);
  const weights = take((b, o, n) => new Float32Array(b, o, n), words, 4);
  const offsets = take((b, o, n) => new Uint32Array(b, o, n), words + 1, 4);
  const table = take((b, o, n) => new Uint32Array(b, o, n), slots, 4);
  const text = take((b, o, n) => new Uint16Array(b, o, n), chars, 2);

  // slotOfRow[row]: where a row read so far sits in `chunks`, -1 before it is read.
  const slotOfRow = new Int32Array(words).fill(-1);
  const chunks: Int8Array[] = [];
  let rowsRead = 0;
  /** The row's place in `chunks`, reading it from the file first if needed. */
  const slotOf = (row: number): number => {
    let slot = slotOfRow[row]!;
    if (slot >= 0) return slot;
    slot = rowsRead;
    if ((slot & (CHUNK_ROWS - 1)) === 0) chunks.push(new Int8Array(CHUNK_ROWS * dim));
    const chunk = chunks[slot >>> CHUNK_SHIFT]!;
    const into = new Uint8Array(chunk.buffer, (slot & (CHUNK_ROWS - 1)) * dim, dim);
    // The build replaces the file by renaming, so the open descriptor keeps reading this build.
    if (!readFully(fd, into, matrixStart + row * dim)) throw new Error('concept-space.bin was truncated while in use');
    rowsRead++;
    slotOfRow[row] = slot;
    return slot;
  };
  const mask = slots - 1;

  const rowOf = (key: string): number => {
    for (let s = conceptHash(key) & mask; ; s = (s + 1) & mask) {
      const entry = table[s]!;
      if (entry === 0) return -1;
      const row = entry - 1;
      const start = offsets[row]!;
      if (offsets[row + 1]! - start !== key.length) continue;
      let i = 0;
      while (i < key.length && text[start + i] === key.charCodeAt(i)) i++;
      if (i === key.length) return row;
    }
  };

  /** Sums each word's vector into `weighted` (SIF × weightOf) and, when given, `plain` (SIF only). */
  const accumulate = (analysed: ConceptWords, weighted: Float32Array, plain: Float32Array | undefined, weightOf?: (key: string) => number): boolean => {
    let found = false;
    const add = (row: number, sif: number, weight: number): void => {
      const slot = slotOf(row);
      const matrix = chunks[slot >>> CHUNK_SHIFT]!;
      const base = (slot & (CHUNK_ROWS - 1)) * dim;
      const w = sif * weight;
      const toPlain = plain !== undefined && sif > 0;
      // One pass for both sums when both take the word (the usual case at ingest).
      if (w > 0 && toPlain) addRowToBoth(weighted, w, plain, sif, matrix, base);
      else if (w > 0) addRow(weighted, w, matrix, base);
      else if (toPlain) addRow(plain, sif, matrix, base);
      if (w > 0) found = true;
    };
    for (const word of analysed.englishWords) {
      const key = stemEnglish(word);
      const row = rowOf(key);
      if (row >= 0) add(row, weights[row]!, weightOf?.(key) ?? 1);
    }
    for (const word of analysed.chineseWords) {
      const row = rowOf(word);
      if (row >= 0) {
        add(row, weights[row]!, weightOf?.(word) ?? 1);
        continue;
      }
      // A word CC-CEDICT lacks (粵語 coinages, jieba compounds) still means roughly what its
      // characters mean. Each character's SIF weight is divided by the square root of how many
      // there are (as measured on dev), so the word counts about once, not once per character.
      const rows: number[] = [];
      for (const c of word) {
        const r = rowOf(c);
        if (r >= 0) rows.push(r);
      }
      const share = 1 / Math.sqrt(rows.length);
      for (const r of rows) add(r, weights[r]! * share, weightOf?.(word) ?? 1);
    }
    return found || (plain !== undefined && plain.some((x) => x !== 0));
  };

  /**
   * Centring removes what every sentence shares (the space's dominant direction), so cosines
   * measure what a question is about rather than that it is a question at all.
   */
  const finish = (sum: Float32Array): Float32Array | undefined => {
    let length = 0;
    for (let i = 0; i < dim; i++) length += sum[i]! * sum[i]!;
    length = Math.sqrt(length);
    if (!(length > 0)) return undefined;
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      const x = sum[i]! / length - centre[i]!;
      sum[i] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0)) return undefined;
    for (let i = 0; i < dim; i++) sum[i]! /= norm;
    return sum;
  };

  const vectorOf = (analysed: ConceptWords, weightOf?: (key: string) => number): Float32Array | undefined => {
    const sum = new Float32Array(dim);
    return accumulate(analysed, sum, undefined, weightOf) ? finish(sum) : undefined;
  };

  const vectorsOf = (analysed: ConceptWords, weightOf: (key: string) => number): readonly [Float32Array | undefined, Float32Array | undefined] => {
    const weighted = new Float32Array(dim);
    const plain = new Float32Array(dim);
    accumulate(analysed, weighted, plain, weightOf);
    return [finish(weighted), finish(plain)];
  };

  return {
    dimension: dim,
    words,
    get wordsRead() {
      return rowsRead;
    },
    fingerprint: `${header.version}-${dim}-${words}-${fileBytes}-${conceptHash(JSON.stringify(header))}`,
    vectorOf,
    vectorsOf,
  };
}
