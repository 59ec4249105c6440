/**
 * Shared set-up of the widget's browser tests: a real govchat server on the bundled corpora, a
 * freshly built widget bundle, and Debian's headless Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findBotDirs, ingestCorpus, loadCorpus } from '@govchat/core';
import { createServer } from '@govchat/server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { buildWidget, isBundleStale, OUTFILE } from '../../scripts/build.mjs';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/** Where Debian puts Chromium (see DEVELOPERS.md); overridable for other machines. */
export const CHROMIUM_PATH = process.env.GOVCHAT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless Chromium in containers and CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Screenshots for humans to look at (git-ignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts', 'widget');

/**
 * `describe` for browser tests. Without Chromium they cannot run: under CI=true that is a failing
 * test (never a silent pass); elsewhere the suite is skipped with a visible warning.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set GOVCHAT_CHROMIUM)`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs a browser: CI=true makes a missing Chromium a failure', () => {
        throw new Error(`${reason}; the widget's browser tests cannot run`);
      });
    });
    return;
  }
  console.warn(`\n⚠  SKIPPED widget browser tests "${name}": ${reason}.\n`);
  describe.skip(name, body);
}

/**
 * Builds dist/widget.js when it is missing or older than its sources, with the build script's own
 * function. Test files run in parallel, so a lock directory makes one of them build and the
 * others wait for it.
 */
export async function ensureWidgetBuilt(): Promise<void> {
  if (!isBundleStale()) return;
  const lock = `${OUTFILE}.lock`;
  mkdirSync(join(OUTFILE, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a crashed run is taken over after a minute.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      if (!isBundleStale()) return;
    }
  }
  try {
    if (isBundleStale()) await buildWidget({ typecheck: false, log: () => undefined });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A running govchat server on a temporary data dir with every bundled corpus ingested. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real server. Answers stream with a small delay between deltas so the tests can see
 * streaming happen (the order of what appears, never how long it takes).
 */
export async function startGovchatServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govchat-widget-e2e-'));
  const corporaDir = join(REPO_ROOT, 'corpora');
  for (const dir of await findBotDirs(corporaDir)) await ingestCorpus(await loadCorpus(dir), { dataDir });
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    corporaDir,
    widgetFile: OUTFILE,
    logLevel: 'warn',
    streamDelayMs: 20,
  });
  const url = await server.listen();
  return {
    url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A department's own website: a plain HTTP server on another port, i.e. another origin than the
 * govchat server, as in production. (Pages intercepted with `page.route` will not do: Chromium
 * treats them as public and blocks them from loading scripts off loopback.)
 */
export async function startDepartmentSite(pages: Record<string, string>): Promise<TestServer> {
  const site = createHttpServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}

/** A headless Chromium with a fresh profile; `close()` also deletes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'govchat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-viewport screenshot as test-artifacts/widget/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Starts recording, inside the page, how a widget's transcript changes: whether the typing
 * indicator showed, each distinct answer text, and every text put into the live region. Read it
 * back with readRecording(). Order is recorded, never time.
 */
export async function startRecording(page: Page, hostSelector = 'govchat-widget'): Promise<void> {
  await page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const root = host?.shadowRoot;
    if (!root) throw new Error(`no widget at ${selector}`);
    const log = { events: [] as string[], announcements: [] as string[] };
    (window as unknown as { __govchatRecording: typeof log }).__govchatRecording = log;
    const live = root.querySelector('[aria-live]');
    const observe = (): void => {
      const answers = root.querySelectorAll('.msg.answer');
      const last = answers[answers.length - 1];
      if (!last) return;
      const body = last.querySelector('.body')?.textContent ?? '';
      const event = last.querySelector('.typing') ? 'typing' : `text:${body}`;
      if (log.events[log.events.length - 1] !== event) log.events.push(event);
    };
    new MutationObserver(observe).observe(root, { subtree: true, childList: true, characterData: true });
    if (live) {
      new MutationObserver(() => {
        const text = live.textContent ?? '';
        if (text !== '') log.announcements.push(text);
      }).observe(live, { subtree: true, childList: true, characterData: true });
    }
  }, hostSelector);
}

/** What startRecording() saw so far. */
export async function readRecording(page: Page): Promise<{ events: string[]; announcements: string[] }> {
  return page.evaluate(() => (window as unknown as { __govchatRecording: { events: string[]; announcements: string[] } }).__govchatRecording);
}

/** Resolves when the widget's CSS animations (panel slide-in) have finished, so colours are final. */
export async function waitForAnimations(page: Page, hostSelector = 'govchat-widget'): Promise<void> {
  await page.evaluate(async (selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const running = root ? Array.from(root.querySelectorAll('*')).flatMap((el) => el.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)) : [];
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  }, hostSelector);
}
