import { createHash, randomBytes } from 'node:crypto';
import { open, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BOT_ID_PATTERN } from './corpus-schema.js';
import { GovchatError } from './govchat-error.js';

/**
 * On-disk layout of a bot's index, built for crash safety and zero-downtime swaps:
 *
 *   <dataDir>/<botId>/CURRENT            names the live generation (replaced by rename)
 *   <dataDir>/<botId>/gen-<time>-<rand>/ one complete, immutable index
 *
 * A new generation is written in full under a `.partial` name, flushed, renamed, and only then
 * does CURRENT move to it. A crash at any point leaves CURRENT naming the old, complete
 * generation, which keeps serving. Every file's SHA-256 is in the manifest so a truncated or
 * corrupted file is caught at load, by name.
 */
export const CURRENT_FILE = 'CURRENT';
export const MANIFEST_FILE = 'manifest.json';

export interface StoredFileInfo {
  readonly bytes: number;
  readonly sha256: string;
}

/** Files of one generation besides the manifest. */
export type GenerationFiles = ReadonlyMap<string, Uint8Array | string>;

export function botDir(dataDir: string, botId: string): string {
  if (!BOT_ID_PATTERN.test(botId)) throw new GovchatError('INVALID_INPUT', `invalid bot id "${botId}"`, { field: 'bot' });
  return join(dataDir, botId);
}

/**
 * Writes a new generation and makes it current. `beforeCommit` runs after every file is on disk
 * and before CURRENT moves: tests inject failures there.
 *
 * @returns the generation's folder
 */
export async function writeGeneration(
  dataDir: string,
  botId: string,
  manifest: Record<string, unknown>,
  files: GenerationFiles,
  hooks: { beforeCommit?: () => void | Promise<void> } = {},
): Promise<string> {
  const dir = botDir(dataDir, botId);
  await mkdir(dir, { recursive: true });
  const name = `gen-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  // The writer's pid in the name lets a later ingest tell a crashed writer's leftovers from a live one's.
  const partial = join(dir, `${name}.${process.pid}.partial`);
  await mkdir(partial);
  let wasLive: string | undefined;
  try {
    const checksums: Record<string, StoredFileInfo> = {};
    for (const [file, content] of files) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      await writeDurably(join(partial, file), bytes);
      checksums[file] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
    }
    const manifestBytes = Buffer.from(JSON.stringify({ ...manifest, files: checksums }, null, 2));
    await writeDurably(join(partial, MANIFEST_FILE), manifestBytes);
    await rename(partial, join(dir, name));
    await hooks.beforeCommit?.();
    // Remember what was live: it is the one generation a reader may still be loading.
    wasLive = await readCurrent(dataDir, botId).then(
      (c) => basename(c.dir),
      () => undefined,
    );
    const pointer = join(dir, `${CURRENT_FILE}.${process.pid}.tmp`);
    // CURRENT also holds the manifest's checksum: the manifest vouches for every other file, and
    // this line vouches for the manifest.
    await writeDurably(pointer, Buffer.from(`${name}\n${sha256(manifestBytes)}\n`));
    await rename(pointer, join(dir, CURRENT_FILE));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    await rm(join(dir, name), { recursive: true, force: true });
    throw error;
  }
  await pruneGenerations(dir, name, wasLive);
  return join(dir, name);
}

/** The live generation's folder, or INDEX_NOT_FOUND. */
export async function currentGeneration(dataDir: string, botId: string): Promise<string> {
  return (await readCurrent(dataDir, botId)).dir;
}

/** CURRENT's two lines: the live generation and the SHA-256 of its manifest. */
async function readCurrent(dataDir: string, botId: string): Promise<{ dir: string; manifestSha256: string | undefined }> {
  const dir = botDir(dataDir, botId);
  let lines: string[];
  try {
    lines = (await readFile(join(dir, CURRENT_FILE), 'utf8')).split('\n').map((l) => l.trim());
  } catch (cause) {
    throw new GovchatError('INDEX_NOT_FOUND', `no index for bot "${botId}" in ${dataDir}; run "govchat ingest" first`, {
      file: join(dir, CURRENT_FILE),
      cause,
    });
  }
  const [name = '', checksum] = lines;
  if (!/^gen-[a-z0-9]+-[0-9a-f]+$/.test(name) || (checksum !== undefined && checksum !== '' && !/^[0-9a-f]{64}$/.test(checksum))) {
    throw new GovchatError('INDEX_CORRUPT', `does not name a generation; run "govchat ingest" to rebuild`, { file: join(dir, CURRENT_FILE) });
  }
  return { dir: join(dir, name), manifestSha256: checksum === '' ? undefined : checksum };
}

/** Opens the live generation of a bot, checking its manifest against CURRENT. */
export async function openCurrentGeneration(dataDir: string, botId: string): ReturnType<typeof openGeneration> {
  const { dir, manifestSha256 } = await readCurrent(dataDir, botId);
  return openGeneration(dir, manifestSha256);
}

/** Reads a generation's manifest and returns a reader that verifies each file's checksum. */
export async function openGeneration(
  genDir: string,
  manifestSha256?: string,
): Promise<{
  dir: string;
  manifest: Record<string, unknown> & { files: Record<string, StoredFileInfo> };
  read(file: string): Promise<Buffer>;
}> {
  const manifestPath = join(genDir, MANIFEST_FILE);
  let manifest: Record<string, unknown> & { files: Record<string, StoredFileInfo> };
  try {
    const bytes = await readFile(manifestPath);
    if (manifestSha256 !== undefined && sha256(bytes) !== manifestSha256) {
      throw new GovchatError('INDEX_CORRUPT', 'manifest does not match the checksum in CURRENT; run "govchat ingest" to rebuild', {
        file: manifestPath,
      });
    }
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    if (cause instanceof GovchatError) throw cause;
    throw new GovchatError('INDEX_CORRUPT', `unreadable manifest; run "govchat ingest" to rebuild`, { file: manifestPath, cause });
  }
  return {
    dir: genDir,
    manifest,
    async read(file) {
      const path = join(genDir, file);
      const expected = manifest.files?.[file];
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (cause) {
        throw new GovchatError('INDEX_CORRUPT', `missing index file; run "govchat ingest" to rebuild`, { file: path, cause });
      }
      if (expected === undefined || expected.bytes !== bytes.byteLength || expected.sha256 !== sha256(bytes)) {
        throw new GovchatError(
          'INDEX_CORRUPT',
          `index file is truncated or corrupted (${bytes.byteLength} bytes, expected ${expected?.bytes ?? '?'}); run "govchat ingest" to rebuild`,
          { file: path },
        );
      }
      return bytes;
    },
  };
}

/** Bot ids with a live index in `dataDir`. */
export async function listIndexedBots(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.sort()) {
    if (!BOT_ID_PATTERN.test(name)) continue;
    const ok = await stat(join(dataDir, name, CURRENT_FILE)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (ok) out.push(name);
  }
  return out;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Keeps the live generation and the one that was live a moment ago (a reader may still be loading
 * it). Everything else goes: older generations, ones that never went live (their ingest died
 * before switching), and leftovers of writers that are no longer running.
 */
async function pruneGenerations(dir: string, live: string, wasLive: string | undefined): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('gen-') && n !== live && n !== wasLive);
  for (const name of names) {
    // A .partial of a writer still running (another ingest) is not ours to remove.
    const pid = /\.(\d+)\.partial$/.exec(name)?.[1];
    if (pid !== undefined && isAlive(Number(pid))) continue;
    await rm(join(dir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes a file beside its final name, then renames it into place: a reader sees the old file or
 * the new one, never half of one; on failure the temporary file is removed and the old one stays.
 *
 * @example await writeFileAtomically('corpora/housing/faq.jsonl', text);
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  // Same folder, so the rename stays on one file system and is atomic.
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
