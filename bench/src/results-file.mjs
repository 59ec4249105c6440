import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

/**
 * `bench/results/<YYYY-MM-DD>.json`. A quick run never replaces a full run's file of the same
 * day (it writes `<date>-quick.json` instead): the full figures are the ones worth committing.
 */
export function resultsPath(dir, date, mode) {
  const main = join(dir, `${date}.json`);
  if (mode === 'quick' && existsSync(main) && readMode(main) === 'full') return join(dir, `${date}-quick.json`);
  return main;
}

/** Written beside, then renamed: a reader never sees half a file, a crash leaves only a .tmp. */
export async function writeResults(path, results) {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(results, null, 2)}\n`);
  await rename(tmp, path);
}

function readMode(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).mode;
  } catch {
    return undefined;
  }
}
