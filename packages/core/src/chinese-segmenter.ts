import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/**
 * Splits Simplified Chinese into words. jieba's dictionary is Simplified, so callers convert first
 * (Traditional input segments into single characters otherwise). Loaded on first use (~100 ms).
 *
 * @example segmentChinese('如何登记智方便') // ['如何', '登记', '智', '方便']
 */
export function segmentChinese(simplified: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(simplified, false);
}
