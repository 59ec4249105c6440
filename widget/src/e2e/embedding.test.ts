// The widget as departments embed it: on their own pages (another origin than the govchat server),
// next to hostile legacy CSS and globals, several bots on one page, and through a network outage.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithBrowser,
  ensureWidgetBuilt,
  launchBrowser,
  saveScreenshot,
  startDepartmentSite,
  startGovchatServer,
  type TestServer,
} from './browser-harness.js';

describeWithBrowser('widget embedded on department pages (Chromium + real server)', () => {
  let server: TestServer;
  let department: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;

  beforeAll(async () => {
    await ensureWidgetBuilt();
    [server, browser] = await Promise.all([startGovchatServer(), launchBrowser()]);
    context = browser.context;
    department = await startDepartmentSite({ '/hostile.html': hostilePage(server.url), '/two-bots.html': threeBotsPage(server.url) });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await department?.close();
    await server?.close();
  });

  async function openDepartmentPage(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${department.url}${path}`);
    return page;
  }

  async function waitForAnswer(page: Page, host: string): Promise<string> {
    const answer = page.locator(`${host} .msg.answer`).last();
    await answer.locator('[data-action="rate"]').first().waitFor();
    return (await answer.locator('.body').textContent()) ?? '';
  }

  it('is untouched by hostile page CSS and legacy globals, and leaks nothing back', async () => {
    const page = await openDepartmentPage('/hostile.html');
    const launcher = page.locator('govchat-widget .launcher');
    await expect.poll(() => launcher.textContent()).toBe('Chat with iAM Smart');
    const styleOf = (selector: string): Promise<Record<string, string>> =>
      page.evaluate((sel) => {
        const el = document.querySelector('govchat-widget')?.shadowRoot?.querySelector(sel);
        if (!el) return {} as Record<string, string>;
        const s = getComputedStyle(el);
        return { display: s.display, position: s.position, background: s.backgroundColor, color: s.color, fontSize: s.fontSize, visibility: s.visibility };
      }, selector);
    expect(await styleOf('.launcher')).toEqual({
      display: 'flex', // inline-flex, blockified by position: fixed
      position: 'fixed',
      background: 'rgb(31, 111, 92)',
      color: 'rgb(255, 255, 255)',
      fontSize: '16px',
      visibility: 'visible',
    });
    const box = await launcher.boundingBox();
    expect(box && box.width > 40 && box.height > 40 && box.x + box.width <= 1280 && box.y + box.height <= 800).toBe(true);

    await launcher.click();
    expect((await styleOf('.panel')).display).toBe('flex');
    const input = page.locator('govchat-widget textarea#input');
    await expect.poll(() => input.getAttribute('aria-disabled')).toBe('false');
    await input.fill('點樣登記智方便');
    await input.press('Enter');
    expect(await waitForAnswer(page, 'govchat-widget')).toContain('登記');
    expect(await page.locator('govchat-widget .msg.answer .sources a').count()).toBeGreaterThan(0);

    // Nothing leaked out: the page's own ".launcher" is untouched, its globals intact, ours is only GovChat.
    const page_ = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { __globalsBefore: string[]; jQuery: { fn: { jquery: string } } };
      const p = getComputedStyle(document.getElementById('page-launcher')!);
      const page = new Set([...w.__globalsBefore, '__globalsBefore', '$', 'jQuery', 'define']);
      return {
        added: Object.getOwnPropertyNames(window).filter((name) => !page.has(name)),
        jquery: w.jQuery.fn.jquery,
        launcherPosition: p.position,
        launcherBackground: p.backgroundColor,
      };
    });
    expect(page_).toEqual({ added: ['GovChat'], jquery: '1.12.4', launcherPosition: 'static', launcherBackground: 'rgb(255, 0, 0)' });
    await saveScreenshot(page, '09-hostile-css-page');
    await page.close();
  });

  it('runs several widgets for different bots on one page, through script tags and the custom element', async () => {
    const page = await openDepartmentPage('/two-bots.html');
    await expect.poll(() => page.evaluate(() => (window as unknown as { GovChat?: { list(): string[] } }).GovChat?.list().sort())).toEqual(['housing', 'iam-smart', 'labour']);
    const hosts = { iam: 'govchat-widget[data-bot="iam-smart"]', housing: 'govchat-widget[data-bot="housing"]', labour: 'govchat-widget[bot="labour"]' };
    await expect.poll(() => page.locator(`${hosts.housing} .launcher`).textContent()).toBe('與公共租住房屋對話');
    await expect.poll(() => page.locator(`${hosts.iam} .launcher`).textContent()).toBe('與智方便對話');
    const boxes = await Promise.all(Object.values(hosts).map((h) => page.locator(`${h} .launcher`).boundingBox()));
    // Three launchers, none overlapping another (the two on the right stack).
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `launchers ${i} and ${j} overlap`).toBe(false);
      }
    }

    // Each widget talks to its own bot.
    await page.evaluate(() => (window as unknown as { GovChat: { get(b: string): { ask(t: string): boolean } } }).GovChat.get('housing').ask('申請公屋有甚麼資格？'));
    await page.locator(`${hosts.labour} .launcher`).click();
    const labourInput = page.locator(`${hosts.labour} textarea#input`);
    await expect.poll(() => labourInput.getAttribute('aria-disabled')).toBe('false');
    await labourInput.fill('How many days of annual leave do I get?');
    await labourInput.press('Enter');
    const housingAnswer = await waitForAnswer(page, hosts.housing);
    const labourAnswer = await waitForAnswer(page, hosts.labour);
    expect(housingAnswer).toMatch(/公屋|申請/);
    expect(await page.locator(`${hosts.housing} .sources a`).first().getAttribute('href')).toMatch(/housingauthority\.gov\.hk/);
    expect(labourAnswer).toMatch(/leave/i);
    expect(await page.locator(`${hosts.iam} .msg`).count()).toBe(0);
    await saveScreenshot(page, '10-three-bots-one-page');
    await page.close();
  });

  it('shows an offline state while the network is down and recovers by itself', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/demo/iam-smart`);
    await page.locator('govchat-widget .launcher').click();
    const input = page.locator('govchat-widget textarea#input');
    const banner = page.locator('govchat-widget .banner');
    await expect.poll(() => input.getAttribute('aria-disabled')).toBe('false');

    await context.setOffline(true);
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toBe('You are offline. Reconnecting…');
    expect(await input.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('govchat-widget button.send').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('govchat-widget [aria-live]').textContent()).toBe('You are offline. Reconnecting…');
    await saveScreenshot(page, '11-offline-banner');

    await context.setOffline(false);
    await expect.poll(() => banner.isHidden(), { timeout: 40_000 }).toBe(true);
    expect(await input.getAttribute('aria-disabled')).toBe('false');
    await input.fill('What is iAM Smart?');
    await input.press('Enter');
    expect(await waitForAnswer(page, 'govchat-widget')).toMatch(/iAM Smart/);
    await page.close();
  }, 60_000);
});

/** A legacy department page: CSS that resets and hides everything, old globals, clashing class names. */
function hostilePage(govchat: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Legacy department page</title>
<style>
  * { all: unset; }
  div { display: none; }
  button, .launcher, .panel, textarea { background: red !important; color: yellow !important; font: 40px/1 serif !important; }
  body { font-size: 10px; }
</style>
<script>
  window.__globalsBefore = Object.getOwnPropertyNames(window);
  // What old department sites carry: a jQuery 1.x global, an AMD loader, a patched Array prototype.
  window.$ = window.jQuery = function (selector) { return { length: 0, selector: selector }; };
  window.jQuery.fn = { jquery: '1.12.4' };
  window.define = function () { throw new Error('UMD code must not register with the page AMD loader'); };
  window.define.amd = { jQuery: true };
  Array.prototype.remove = function () { return this; };
</script>
</head><body>
<h1>Legacy page</h1>
<p class="launcher" id="page-launcher">A page paragraph that shares the widget's class names.</p>
<div class="panel">A hidden div.</div>
<script src="${govchat}/widget.js" data-bot="iam-smart" async></script>
</body></html>`;
}

/** A page with three bots: two by script tag (so the bundle loads twice) and one custom element. */
function threeBotsPage(govchat: string): string {
  return `<!doctype html>
<html lang="zh-HK"><head><meta charset="utf-8"><title>One-stop service centre</title></head>
<body><h1>一站式服務中心</h1><p>Ask the Housing Department or iAM Smart.</p>
<govchat-widget bot="labour" data-server="${govchat}" data-position="left"></govchat-widget>
<script src="${govchat}/widget.js" data-bot="iam-smart" async></script>
<script src="${govchat}/widget.js" data-bot="housing" async></script>
</body></html>`;
}
