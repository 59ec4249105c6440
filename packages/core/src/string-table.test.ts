import { describe, expect, it } from 'vitest';
import { createStringTable } from './string-table.js';

describe('createStringTable', () => {
  const record: Record<string, string> = { passport: '护照', pass: 'go by', 护照: 'passport', a: '', 'turn down': 'refuse reject', '𠮶': 'that' };

  it('finds every key of the record, whatever its script, length or value', () => {
    const table = createStringTable(record);
    expect(table.size).toBe(6);
    for (const [key, value] of Object.entries(record)) expect(table.get(key), key).toBe(value);
  });

  it('finds nothing for a prefix, an extension or a neighbour of a key', () => {
    const table = createStringTable(record);
    for (const key of ['', 'p', 'passports', 'pas', 'passpor', 'turn', '护', 'b', 'zzz']) expect(table.get(key), key).toBeUndefined();
  });

  it('has only the record’s own keys, not what every object inherits', () => {
    const table = createStringTable(JSON.parse('{"__proto__":"proto","x":"y"}') as Record<string, string>);
    expect(table.get('__proto__')).toBe('proto');
    expect(table.get('constructor')).toBeUndefined();
    expect(table.get('toString')).toBeUndefined();
    expect(createStringTable({}).get('x')).toBeUndefined();
  });

  it('agrees with the record on many keys', () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) big[`w${(i * 7919) % 10007}`] = `v${i}`;
    const table = createStringTable(big);
    for (let i = 0; i < 10007; i++) expect(table.get(`w${i}`)).toBe(big[`w${i}`]);
  });
});
