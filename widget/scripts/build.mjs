#!/usr/bin/env node
// Builds the embeddable widget: type-check, then one minified IIFE at widget/dist/widget.js, then
// the gzip size check against the budget. `npm run build -w @govchat/widget` runs this file; the
// browser tests import buildWidget() from it so they always test a fresh bundle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The size budget, gzipped, including socket.io-client: the one place it is set. */
export const GZIP_BUDGET_BYTES = 35 * 1024;

export const WIDGET_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY = join(WIDGET_DIR, 'src', 'main.ts');
export const OUTFILE = join(WIDGET_DIR, 'dist', 'widget.js');

/** Gzipped size as a server would send it (zlib's default level, like Express's `compression`). */
export function measureGzip(contents) {
  return gzipSync(contents).length;
}

/** Newest modification time (ms) of the widget's runtime sources, to tell whether dist/ is stale. */
export function newestSourceMtime(dir = join(WIDGET_DIR, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'e2e' && entry.name !== 'test-support') newest = Math.max(newest, newestSourceMtime(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Whether dist/widget.js is missing or older than a source file (or this script). */
export function isBundleStale() {
  try {
    const built = statSync(OUTFILE).mtimeMs;
    return built < Math.max(newestSourceMtime(), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return true;
  }
}

function typeCheck() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Runtime sources against the DOM lib only, then the tests (which also see Node types).
  for (const project of ['tsconfig.json', 'tsconfig.test.json']) {
    execFileSync(process.execPath, [tsc, '-p', join(WIDGET_DIR, project), '--noEmit'], { stdio: 'inherit' });
  }
}

/**
 * Builds dist/widget.js. Throws when type-checking fails or the gzipped bundle exceeds the budget
 * (the oversize file is still written, so it can be inspected). `outfile` and `budgetBytes` exist
 * for the test that proves an oversize bundle fails the build.
 */
export async function buildWidget({ typecheck = true, log = console.log, outfile = OUTFILE, budgetBytes = GZIP_BUDGET_BYTES } = {}) {
  if (typecheck) typeCheck();
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // ES2019 syntax parses on the older iPads / Safari 13 many elderly citizens still use. (A literal
    // `safari13` target is refused by esbuild over a destructuring edge case it cannot lower; the
    // emitted syntax is the same.) Runtime APIs newer than Safari 13 are avoided or feature-tested.
    target: ['es2019', 'chrome80', 'firefox78', 'safari14.1'],
    minify: true,
    legalComments: 'none',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
  });
  const contents = readFileSync(outfile);
  const gzipBytes = measureGzip(contents);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  log(`widget: ${outfile}`);
  log(`widget: ${contents.length} bytes raw (${kib(contents.length)}), ${gzipBytes} bytes gzipped (${kib(gzipBytes)}); budget ${kib(budgetBytes)} gzipped`);
  if (gzipBytes > budgetBytes) {
    throw new Error(`widget bundle is ${gzipBytes} bytes gzipped, over the ${budgetBytes}-byte budget`);
  }
  return { outfile, bytes: contents.length, gzipBytes, metafile: result.metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildWidget().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
