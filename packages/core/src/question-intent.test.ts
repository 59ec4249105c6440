import { describe, expect, it } from 'vitest';
import { detectIntents, intentTerm, isIntentTerm } from './question-intent.js';

describe('detectIntents', () => {
  it.each([
    ['How much does a passport cost?', 'amount'],
    ['換護照要幾多錢？', 'amount'],
    ['换护照要多少钱', 'amount'],
    ['How long does processing take?', 'duration'],
    ['審批要幾耐？', 'duration'],
    ['How often are datasets updated?', 'frequency'],
    ['資料集多久更新一次？', 'frequency'],
    ['When can I withdraw my MPF?', 'when'],
    ['幾時可以攞新證？', 'when'],
    ['Where can I hand in the form?', 'where'],
    ['喺邊度交表？', 'where'],
    ['Who is eligible?', 'who'],
    ['邊個可以幫我簽名？', 'who'],
    ['Why was my application rejected?', 'why'],
    ['點解我嘅申請被拒絕？', 'why'],
    ['What happens if I refuse the offer?', 'consequence'],
    ['虛報資料會有甚麼後果？', 'consequence'],
    ['What is iAM Smart?', 'definition'],
    ['智方便到底是干什么用的', 'definition'],
    ['My employer has not paid me. What can I do?', 'remedy'],
    ['張卡唔見咗點算好？', 'remedy'],
    ['How do I renew my passport?', 'procedure'],
    ['點樣續期？', 'procedure'],
    ['Can I use vouchers at a dentist?', 'permission'],
    ['Is it possible to apply online?', 'permission'],
    ['可唔可以網上申請？', 'permission'],
    ['可否由他人代領？', 'permission'],
    ['医疗券可以给家人用吗', 'permission'],
  ] as const)('%s → %s', (question, intent) => {
    expect(detectIntents(question)).toContain(intent);
  });

  it('does not read a statement of ability or a how-question as asking permission', () => {
    expect(detectIntents('How can I find a clinic?')).not.toContain('permission');
    expect(detectIntents('I can no longer work. What are my options?')).not.toContain('permission');
    expect(detectIntents('如何申請？')).not.toContain('permission');
  });

  it('does not read a condition as a question about time', () => {
    expect(detectIntents('Do I have to go to work when typhoon signal 8 is up?')).not.toContain('when');
  });

  it('does not call a question about a limit or fee a definition', () => {
    expect(detectIntents('What is the income limit for public housing?')).not.toContain('definition');
    expect(detectIntents('What are the fees?')).toEqual(['amount']);
    expect(detectIntents('怎么办')).not.toContain('procedure');
  });

  it('recognises the start of every sentence, not only the first', () => {
    expect(detectIntents('I have a question. What is e-ME?')).toContain('definition');
  });

  it('finds nothing in a statement', () => {
    expect(detectIntents('I lost my passport')).toEqual([]);
  });
});

describe('intentTerm', () => {
  it('makes a term no analysed word can equal', () => {
    expect(intentTerm('where')).toBe('?where');
    expect(isIntentTerm(intentTerm('amount'))).toBe(true);
    expect(isIntentTerm('where')).toBe(false);
  });
});
