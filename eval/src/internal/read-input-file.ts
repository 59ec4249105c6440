import { readFile } from 'node:fs/promises';
import { GovchatError } from '@govchat/core';

/**
 * A maintainer's input file (a dataset, a baseline) as text, or a NOT_FOUND error naming it.
 *
 * @example const text = await readInputFile('eval/datasets/dev.jsonl', 'dataset');
 */
export async function readInputFile(file: string, kind: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new GovchatError('NOT_FOUND', `${kind} file not found`, { file, cause });
  }
}
