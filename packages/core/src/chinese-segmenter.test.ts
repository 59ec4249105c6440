import { describe, expect, it } from 'vitest';
import { segmentChinese } from './chinese-segmenter.js';

describe('segmentChinese', () => {
  it('cuts with jieba’s default dictionary (an empty one would give single characters)', () => {
    expect(segmentChinese('如何登记智方便')).toEqual(['如何', '登记', '智', '方便']);
    expect(segmentChinese('申请护照续期')).toEqual(['申请', '护照', '续期']);
  });
});
