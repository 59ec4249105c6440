import { describe, expect, it } from 'vitest';
import { hongKongWordsIn, normaliseText, segmentChinese } from '@govchat/core';

/** The table's matches for a citizen's text, keyed by the mainland word. */
function matches(text: string): Record<string, readonly string[]> {
  const simplified = normaliseText(text).simplified;
  return Object.fromEntries(hongKongWordsIn(simplified, segmentChinese(simplified)));
}

describe('hongKongWordsIn', () => {
  it.each([
    ['怎么登录网上账号', { 登录: ['登入'], 账号: ['帐户', '户口'] }],
    ['驾驶证过期了怎么补办', { 驾驶证: ['驾驶执照'], 过期: ['到期', '期限'], 补办: ['补领'] }],
    ['交个税要带什么材料', { 个税: ['薪俸税'], 材料: ['文件', '证明文件'] }],
  ])('finds the mainland words of %s with their Hong Kong words', (text, expected) => {
    expect(matches(text)).toEqual(expected);
  });

  it('reads a word inside a longer one as part of it: 公租房 is public housing, not renting a flat (租房)', () => {
    expect(matches('公租房怎么申请')).toEqual({ 公租房: ['公屋', '公共租住房屋'] });
    expect(matches('我想租房')).toEqual({ 租房: ['租住', '租金'] });
  });

  it('takes a one-character word only when segmentation keeps it a word: 印刷 is not paying by card', () => {
    expect(matches('可以用八达通刷吗')).toHaveProperty('刷');
    expect(matches('印刷费多少')).not.toHaveProperty('刷');
  });

  it('finds nothing in Hong Kong written Chinese', () => {
    expect(matches('如何申請公屋？')).toEqual({});
  });
});
