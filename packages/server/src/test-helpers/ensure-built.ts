import { execFile } from 'node:child_process';
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The CLI launcher child-process tests run: it imports the compiled packages/cli/dist. */
export const GOVCHAT_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'govchat.js');

const PACKAGES = ['protocol', 'core', 'server', 'cli'];
const LOCK = join(tmpdir(), 'govchat-test-build.lock');
const run = promisify(execFile);

/**
 * Child-process tests run `packages/cli/bin/govchat.js`, which needs dist/ as new as the sources.
 * `npm test` builds first, so in CI this is one look at some timestamps; after a local edit it runs
 * `tsc -b` once. A lock folder keeps two test files that start together from building over each
 * other.
 */
export async function ensureBuilt(): Promise<void> {
  if (!(await isStale())) return;
  await acquireLock();
  try {
    if (!(await isStale())) return;
    await run(process.execPath, [join(REPO_ROOT, 'packages/core/scripts/build-resources.mjs')], { cwd: REPO_ROOT, timeout: 120_000 });
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      await run(process.execPath, [tsc, '-b'], { cwd: REPO_ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`"tsc -b" failed, so the CLI cannot be started:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`);
    }
  } finally {
    await rmdir(LOCK).catch(() => {});
  }
}

async function isStale(): Promise<boolean> {
  for (const name of PACKAGES) {
    const dir = join(REPO_ROOT, 'packages', name);
    const built = await stat(join(dir, 'tsconfig.tsbuildinfo')).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    if (built === 0 || (await newestSource(join(dir, 'src'))) > built) return true;
  }
  return false;
}

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-helpers') newest = Math.max(newest, await newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, (await stat(path)).mtimeMs);
    }
  }
  return newest;
}

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build that died holding the lock: older than any real build.
      const age = Date.now() - (await stat(LOCK).then((s) => s.mtimeMs, () => Date.now()));
      if (age > 300_000) await rmdir(LOCK).catch(() => {});
      if (Date.now() > deadline) throw new Error(`waited 5 minutes for ${LOCK}; remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
