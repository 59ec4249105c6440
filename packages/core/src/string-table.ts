/**
 * A read-only string → string table held as two long strings and two offset arrays. The language
 * resources map 300k words to their glosses and synonyms; as plain objects (or Maps) each entry
 * costs two string objects and a hash-table slot, about three times the characters themselves.
 * Here an entry costs its characters and eight bytes, and a look-up is a binary search that
 * compares characters in place (no string is made until a value is returned).
 */
export interface StringTable {
  readonly size: number;
  /** The value of `key`, or undefined when the table has no such key. */
  get(key: string): string | undefined;
}

/**
 * @example
 * const table = createStringTable({ passport: '护照', visa: '签证' });
 * table.get('visa'); // '签证'
 * table.get('toString'); // undefined: only the record's own keys
 */
export function createStringTable(record: Readonly<Record<string, string>>): StringTable {
  return searchable(pack(record));
}

interface Packed {
  readonly count: number;
  /** Every key, sorted by UTF-16 code units, back to back; keyStart[row] is where each begins. */
  readonly keyText: string;
  readonly keyStart: Uint32Array;
  readonly valueText: string;
  readonly valueStart: Uint32Array;
}

function pack(record: Readonly<Record<string, string>>): Packed {
  const keys = Object.keys(record).sort();
  const keyStart = new Uint32Array(keys.length + 1);
  const valueStart = new Uint32Array(keys.length + 1);
  for (let row = 0; row < keys.length; row++) {
    keyStart[row + 1] = keyStart[row]! + keys[row]!.length;
    valueStart[row + 1] = valueStart[row]! + record[keys[row]!]!.length;
  }
  return { count: keys.length, keyText: keys.join(''), keyStart, valueText: keys.map((key) => record[key]!).join(''), valueStart };
}

// A function of its own, so that the look-up's closure holds the packed table only, not the
// record and key array it was made from.
function searchable({ count, keyText, keyStart, valueText, valueStart }: Packed): StringTable {
  /** Negative when row's key sorts before `key`, 0 when equal, positive after. */
  const compare = (row: number, key: string): number => {
    const start = keyStart[row]!;
    const length = keyStart[row + 1]! - start;
    const shared = Math.min(length, key.length);
    for (let i = 0; i < shared; i++) {
      const difference = keyText.charCodeAt(start + i) - key.charCodeAt(i);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  };

  return {
    size: count,
    get(key) {
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const order = compare(mid, key);
        if (order === 0) return valueText.slice(valueStart[mid], valueStart[mid + 1]);
        if (order < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
}
