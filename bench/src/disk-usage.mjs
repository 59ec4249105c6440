import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes of the files in a folder (not recursive: a generation folder is flat). */
export async function folderBytes(dir) {
  let total = 0;
  const files = {};
  for (const name of await readdir(dir)) {
    const info = await stat(join(dir, name));
    if (!info.isFile()) continue;
    files[name] = info.size;
    total += info.size;
  }
  return { total, files };
}

export function toMB(bytes) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
