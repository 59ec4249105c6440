import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

let jieba: Jieba | undefined;

/**
 * jieba's default dictionary, read once for the segmenter and then let go. Not
 * `@node-rs/jieba/dict.js`: that module also reads idf.txt, which the segmenter never uses, and
 * keeps both files (11 MB) alive as its exports for the life of the process.
 */
function readDefaultDictionary(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
}

/**
 * Splits Simplified Chinese into words. jieba's dictionary is Simplified, so callers convert first
 * (Traditional input segments into single characters otherwise). Loaded on first use (~100 ms).
 *
 * @example segmentChinese('如何登记智方便') // ['如何', '登记', '智', '方便']
 */
export function segmentChinese(simplified: string): string[] {
  jieba ??= Jieba.withDict(readDefaultDictionary());
  return jieba.cut(simplified, false);
}
