import * as OpenCC from 'opencc-js';

/**
 * Simplified ↔ Traditional conversion with OpenCC's dictionaries and opencc-js's matching rules
 * (longest phrase first, phrases segmented before characters), stored compactly.
 *
 * opencc-js builds a trie of one Map per node: about 40 MB of heap for each converter from
 * Simplified, and a server needs cn→hk and cn→tw (language detection) besides hk→cn and tw→cn.
 * Here a dictionary group is one sorted, concatenated string searched in place, about 1 MB, and
 * a group several conversions use (the Simplified phrases, the normalisation of compatibility
 * ideographs) is built once and shared. The output is opencc-js's, character for character
 * (chinese-script-converter.test.ts compares the two on every dictionary phrase).
 */

export type ScriptLocale = 'cn' | 'hk' | 'tw';
export type ScriptConverter = (text: string) => string;

/** One dictionary group (opencc-js loads it into one trie): its phrases, longest match wins. */
interface PhraseTable {
  /** The phrase that starts at `at` and is longest, as a row, or -1 when none does. */
  longestAt(text: string, at: number): number;
  keyLength(row: number): number;
  replacement(row: number): string;
  /** Whether some phrase begins with this UTF-16 code unit. */
  starts(unit: number): boolean;
}

const UNITS = 0x10000;

/*
 * Layout: every phrase sorted by UTF-16 code units and joined into `keys`, `keyStart[row]` where
 * each begins (and one past the end); the same for replacements. `firstRow[u]..firstRow[u + 1]`
 * are the rows whose first code unit is u, so a search starts among a few dozen phrases. Keys are
 * whole code points, so matching code units finds exactly the matches opencc-js's code point trie
 * finds.
 */
function buildPhraseTable(dictionaries: readonly string[]): PhraseTable {
  return phraseTable(packPhrases(dictionaries));
}

interface PackedPhrases {
  readonly keys: string;
  readonly keyStart: Uint32Array;
  readonly values: string;
  readonly valueStart: Uint32Array;
  readonly firstRow: Uint32Array;
}

function packPhrases(dictionaries: readonly string[]): PackedPhrases {
  const entries = new Map<string, string>();
  // opencc-js loads a group last dictionary first and a later line replaces an earlier one, so
  // the first dictionary that has a phrase decides it.
  for (let d = dictionaries.length - 1; d >= 0; d--) {
    for (const line of dictionaries[d]!.split('|')) {
      const [from, to] = line.split(' ');
      if (to === undefined) throw new TypeError(`OpenCC dictionary line without a replacement: "${line}"`);
      // opencc-js stores an empty phrase at the trie's root, where no match ever looks.
      if (from !== '' && from !== undefined) entries.set(from, to);
    }
  }
  const sorted = [...entries.keys()].sort();
  const keyStart = new Uint32Array(sorted.length + 1);
  const valueStart = new Uint32Array(sorted.length + 1);
  const firstRow = new Uint32Array(UNITS + 1);
  for (let row = 0; row < sorted.length; row++) {
    const key = sorted[row]!;
    keyStart[row + 1] = keyStart[row]! + key.length;
    valueStart[row + 1] = valueStart[row]! + entries.get(key)!.length;
    firstRow[key.charCodeAt(0) + 1] = row + 1;
  }
  // firstRow[u + 1] holds one past the last row starting with u (or 0): make it cumulative.
  for (let u = 1; u <= UNITS; u++) firstRow[u] = Math.max(firstRow[u]!, firstRow[u - 1]!);
  return { keys: sorted.join(''), keyStart, values: sorted.map((key) => entries.get(key)!).join(''), valueStart, firstRow };
}

// A function of its own, so that the closures hold the packed table only, not the Map and
// arrays it was made from.
function phraseTable({ keys, keyStart, values, valueStart, firstRow }: PackedPhrases): PhraseTable {
  /** First row in [lo, hi) whose unit at `depth` is ≥ `unit` (all rows there are longer than depth). */
  const lowerBound = (lo: number, hi: number, depth: number, unit: number): number => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys.charCodeAt(keyStart[mid]! + depth) < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const longestAt = (text: string, at: number): number => {
    const first = text.charCodeAt(at);
    let lo = firstRow[first]!;
    let hi = firstRow[first + 1]!;
    let best = -1;
    // Invariant: rows [lo, hi) are the phrases that begin with text[at, at + depth). The one that
    // is exactly that text, if any, sorts first.
    for (let depth = 1; lo < hi; depth++) {
      if (keyStart[lo + 1]! - keyStart[lo]! === depth) best = lo++;
      if (lo >= hi || at + depth >= text.length) break;
      const unit = text.charCodeAt(at + depth);
      lo = lowerBound(lo, hi, depth, unit);
      hi = lowerBound(lo, hi, depth, unit + 1);
    }
    return best;
  };

  return {
    longestAt,
    keyLength: (row) => keyStart[row + 1]! - keyStart[row]!,
    replacement: (row) => values.slice(valueStart[row], valueStart[row + 1]),
    starts: (unit) => firstRow[unit]! < firstRow[unit + 1]!,
  };
}

const codePointLength = (text: string, at: number): number => (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** How many operands an ideographic description character (⿰, ⿱, …) takes; 0 for any other. */
function idsArity(codePoint: number | undefined): number {
  if (codePoint === undefined) return 0;
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

/** End of the ideographic description sequence at `at`, or 0 when there is none (as opencc-js). */
function idsEnd(text: string, at: number): number {
  const arity = idsArity(text.codePointAt(at));
  if (arity === 0) return 0;
  let end = at + codePointLength(text, at);
  for (let n = 0; n < arity; n++) {
    if (end >= text.length) return 0;
    end = idsEnd(text, end) || end + codePointLength(text, end);
  }
  return end;
}

/** opencc-js steps over unmatched text a code point, or a whole description sequence, at a time. */
function unmatchedLength(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  // Neither a description character nor the first half of a surrogate pair: one code unit.
  if ((unit < 0x2ff0 || unit > 0x2fff) && (unit < 0xd800 || unit > 0xdbff)) return 1;
  const end = idsEnd(text, at);
  return end > at ? end - at : codePointLength(text, at);
}

function convertWith(table: PhraseTable, text: string): string {
  let out = '';
  let unmatchedFrom = -1;
  for (let i = 0; i < text.length; ) {
    const row = table.starts(text.charCodeAt(i)) ? table.longestAt(text, i) : -1;
    if (row >= 0) {
      if (unmatchedFrom >= 0) out += text.slice(unmatchedFrom, i);
      unmatchedFrom = -1;
      out += table.replacement(row);
      i += table.keyLength(row);
    } else {
      if (unmatchedFrom < 0) unmatchedFrom = i;
      i += unmatchedLength(text, i);
    }
  }
  return unmatchedFrom >= 0 ? out + text.slice(unmatchedFrom) : out;
}

/** Phrases and the runs between them: later dictionaries convert each piece on its own. */
function segmentWith(table: PhraseTable, text: string): string[] {
  const pieces: string[] = [];
  let unmatchedFrom = -1;
  for (let i = 0; i < text.length; ) {
    const row = table.starts(text.charCodeAt(i)) ? table.longestAt(text, i) : -1;
    if (row >= 0) {
      if (unmatchedFrom >= 0) pieces.push(text.slice(unmatchedFrom, i));
      unmatchedFrom = -1;
      const end = i + table.keyLength(row);
      pieces.push(text.slice(i, end));
      i = end;
    } else {
      if (unmatchedFrom < 0) unmatchedFrom = i;
      i += unmatchedLength(text, i);
    }
  }
  if (unmatchedFrom >= 0) pieces.push(text.slice(unmatchedFrom));
  return pieces;
}

// Tables are keyed by their dictionaries (the same string objects in every opencc-js config), so
// converters that share a group share its table.
const dictionaryIds = new Map<string, number>();
const tables = new Map<string, PhraseTable>();

function tableFor(dictionaries: readonly string[]): PhraseTable {
  const key = dictionaries
    .map((dictionary) => {
      let id = dictionaryIds.get(dictionary);
      if (id === undefined) dictionaryIds.set(dictionary, (id = dictionaryIds.size));
      return id;
    })
    .join(',');
  let table = tables.get(key);
  if (table === undefined) tables.set(key, (table = buildPhraseTable(dictionaries)));
  return table;
}

/** opencc-js's name for a conversion's configuration (its ConverterBuilder does the same). */
const configName = (from: ScriptLocale, to: ScriptLocale): string => (from === 'cn' ? `s2${to}` : to === 'cn' ? `${from}2s` : `${from}2${to}`);

/**
 * A converter between two of OpenCC's locales, built on first call and sharing dictionary tables
 * with the other converters. Same output as opencc-js `Converter({ from, to })`.
 *
 * @example
 * const toTraditional = scriptConverter('cn', 'hk');
 * toTraditional('我想办理身份证'); // '我想辦理身份證'
 */
export function scriptConverter(from: ScriptLocale, to: ScriptLocale): ScriptConverter {
  let convert: ScriptConverter | undefined;
  return (text) => {
    convert ??= buildConverter(from, to);
    return convert(text);
  };
}

function buildConverter(from: ScriptLocale, to: ScriptLocale): ScriptConverter {
  const config = OpenCC.Locale.configs[configName(from, to)];
  if (config === undefined) throw new Error(`opencc-js has no ${from} → ${to} configuration`);
  const normalisation = (config.normalizationChain ?? []).map(tableFor);
  const segmentation = config.segmentation === undefined ? undefined : tableFor(config.segmentation);
  const chain = config.conversionChain.map(tableFor);
  const all = [...normalisation, ...(segmentation === undefined ? [] : [segmentation]), ...chain];
  // Code units that begin a phrase of any table: text without one (English, digits, most
  // punctuation) comes out of every step unchanged, so it is returned as it is.
  const active = new Uint8Array(UNITS);
  for (let unit = 0; unit < UNITS; unit++) if (all.some((table) => table.starts(unit))) active[unit] = 1;
  const inert = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) if (active[text.charCodeAt(i)] === 1) return false;
    return true;
  };
  return (text) => {
    if (inert(text)) return text;
    const normalised = normalisation.reduce((result, table) => convertWith(table, result), text);
    let pieces = segmentation === undefined ? [normalised] : segmentWith(segmentation, normalised);
    for (const table of chain) pieces = pieces.map((piece) => convertWith(table, piece));
    return pieces.join('');
  };
}
