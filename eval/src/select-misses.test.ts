import { describe, expect, it } from 'vitest';
import { selectMisses, type EvalRecord } from '@govchat/eval';

function record(query: string, fields: Partial<EvalRecord> & Pick<EvalRecord, 'expected' | 'ranked' | 'abstained' | 'confidence'>): EvalRecord {
  return { bot: 'demo', query, lang: 'en', latencyMs: 1, ...fields };
}

describe('selectMisses', () => {
  const records = [
    record('right', { expected: ['a'], ranked: ['a'], abstained: false, confidence: 0.9 }),
    record('abstained, near', { expected: ['a'], ranked: ['a', 'b'], abstained: true, confidence: 0.45 }),
    record('wrong, unsure', { expected: ['a'], ranked: ['b', 'c', 'a'], abstained: false, confidence: 0.55, line: 3 }),
    record('out of scope, answered', { expected: [], ranked: ['b'], abstained: false, confidence: 0.8, history: ['earlier'] }),
    record('abstained, far', { expected: ['a'], ranked: [], abstained: true, confidence: 0.1 }),
    record('right abstention', { expected: [], ranked: ['b'], abstained: true, confidence: 0.2 }),
    record('wrong, tie', { expected: ['a'], ranked: ['c'], abstained: false, confidence: 0.55 }),
  ];

  it('lists only wrong decisions: answers first by confidence, then abstentions, dataset order on ties', () => {
    expect(selectMisses(records).map((m) => m.query)).toEqual([
      'out of scope, answered',
      'wrong, unsure',
      'wrong, tie',
      'abstained, near',
      'abstained, far',
    ]);
  });

  it('says what went wrong and where the right FAQ was', () => {
    const misses = selectMisses(records);
    expect(misses[0]).toMatchObject({ kind: 'should-abstain', got: 'b', expected: [], history: ['earlier'], expectedRank: 0 });
    expect(misses[1]).toMatchObject({ kind: 'wrong-answer', got: 'b', expectedRank: 3, abstained: false, line: 3 });
    expect(misses[3]).toMatchObject({ kind: 'missed-answer', got: 'a', expectedRank: 1, abstained: true });
    expect(misses[4]).toMatchObject({ kind: 'missed-answer', got: undefined, expectedRank: 0 });
  });

  it('is empty when everything is right', () => {
    expect(selectMisses(records.slice(0, 1))).toEqual([]);
  });
});
