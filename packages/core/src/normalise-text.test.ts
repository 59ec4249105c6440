import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise-text.js';

describe('normaliseText', () => {
  it('writes A-not-A questions as 是否, from Mandarin and from Cantonese', () => {
    expect(normaliseText('能不能网上续期').written).toBe('是否能網上續期');
    expect(normaliseText('有没有补贴').written).toBe('是否有補貼');
    expect(normaliseText('咁樣犯唔犯法？').written).toBe('這樣是否犯法');
    expect(normaliseText('需唔需要預約').written).toBe('是否需要預約');
  });

  it('leaves 不 between different characters alone', () => {
    expect(normaliseText('不得不').written).toBe('不得不');
    expect(normaliseText('交不起租').written).toBe('交不起租');
  });
});
