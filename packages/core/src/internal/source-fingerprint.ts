import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Code that runs: compiled modules, or TypeScript sources when tests run from src/. */
const SOURCE = /\.(?:js|mjs|ts)$/;
/** Not code that runs: declarations, tests. */
const NOT_SOURCE = /\.(?:d\.ts|test\.ts|test\.js)$/;

/**
 * A hash of every module in `dir` (recursively, in name order): a new release of the code that
 * analyses and indexes text changes it even when no probe text would notice (a new question
 * intent, a lexicon entry), so an unchanged corpus is re-indexed rather than left with terms the
 * new query analysis no longer produces or never produced. Over-eager by design: a change that did
 * not matter costs one re-index, a missed one a silently stale index.
 */
export function hashModuleSources(dir: string): string {
  return hashFiles(dir, (name) => SOURCE.test(name) && !NOT_SOURCE.test(name));
}

/**
 * A hash of the files under `dir` that `include` accepts, names and contents, in name order;
 * 'none' when the folder does not exist (resources not built yet).
 *
 * @example hashFiles(resourcesDir, (name) => name.endsWith('.json'))
 */
export function hashFiles(dir: string, include: (name: string) => boolean): string {
  if (!existsSync(dir)) return 'none';
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter(include)
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}
