// The widget as citizens meet it: on the server's sample department page /demo/iam-smart, in real
// headless Chromium, against the real server answering from the bundled iAM Smart FAQs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithBrowser,
  ensureWidgetBuilt,
  launchBrowser,
  readRecording,
  saveScreenshot,
  startGovchatServer,
  startRecording,
  type TestServer,
  waitForAnimations,
} from './browser-harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Frequent characters that differ between the scripts (the iAM Smart answers use several of them).
const TRADITIONAL_ONLY = /[請證書時機後們會個應過這將帳號碼簽隨資]/;
const SIMPLIFIED_ONLY = /[请证书时机后们会个应过这将帐号码签随资]/;

describeWithBrowser('widget on /demo/iam-smart (Chromium + real server)', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;

  beforeAll(async () => {
    await ensureWidgetBuilt();
    [server, browser] = await Promise.all([startGovchatServer(), launchBrowser()]);
    context = browser.context;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new tab (so a fresh sessionStorage) on the demo page, with the widget's launcher ready. */
  async function openDemo(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`${server.url}/demo/iam-smart`);
    await page.locator('govchat-widget .launcher').waitFor();
    // The config (bot name) has arrived once the launcher names the bot.
    await expect.poll(() => page.locator('govchat-widget .launcher').textContent()).toBe('Chat with iAM Smart');
    return page;
  }

  async function ask(page: Page, text: string): Promise<void> {
    const input = page.locator('govchat-widget textarea#input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** Waits for the last answer to finish (its feedback buttons appear) and returns its text. */
  async function lastAnswer(page: Page): Promise<string> {
    const answer = page.locator('govchat-widget .msg.answer').last();
    await answer.locator('[data-action="rate"]').first().waitFor();
    return (await answer.locator('.body').textContent()) ?? '';
  }

  it('answers a Cantonese question with a streamed answer and its source link', async () => {
    const page = await openDemo();
    await saveScreenshot(page, '01-demo-page-launcher');
    await page.locator('govchat-widget .launcher').click();
    await expect.poll(() => page.locator('govchat-widget #title').textContent()).toBe('iAM Smart');
    await expect.poll(() => page.locator('govchat-widget .greeting').textContent()).toContain('Hi! Ask me about iAM Smart');
    expect(await page.locator('govchat-widget .intro .chips button').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('govchat-widget .banner').isHidden()).toBe(true);

    await startRecording(page);
    await ask(page, '點樣登記智方便');
    const text = await lastAnswer(page);
    expect(text).toContain('登記');
    expect(text).toMatch(TRADITIONAL_ONLY);
    expect(await page.locator('govchat-widget .msg.answer .body').last().getAttribute('lang')).toBe('zh-HK');

    const { events, announcements } = await readRecording(page);
    // Typing indicator first, then the text growing delta by delta to the full answer.
    expect(events[0]).toBe('typing');
    const texts = events.filter((e) => e.startsWith('text:')).map((e) => e.slice(5));
    expect(texts.length).toBeGreaterThan(2);
    texts.slice(1).forEach((t, i) => expect(t.startsWith(texts[i] ?? '')).toBe(true));
    expect(texts.at(-1)).toBe(text);
    // Announced once, complete — not per delta.
    await expect.poll(async () => (await readRecording(page)).announcements).toEqual([text]);
    expect(announcements.length).toBeLessThanOrEqual(1);

    const source = page.locator('govchat-widget .msg.answer .sources a').first();
    expect(await source.getAttribute('href')).toMatch(/^https:\/\/www\.iamsmart\.gov\.hk\//);
    expect(await source.getAttribute('target')).toBe('_blank');
    expect(await source.textContent()).toContain('登記');
    expect(await page.locator('govchat-widget .msg.answer .related button').count()).toBeGreaterThan(0);
    await saveScreenshot(page, '02-cantonese-answer');

    // 简: UI strings, suggestions and the answer script all change.
    await page.locator('govchat-widget button[data-lang="zh-CN"]').click();
    expect(await page.locator('govchat-widget textarea#input').getAttribute('placeholder')).toBe('请输入您的问题…');
    const config = (await (await fetch(`${server.url}/api/bots/iam-smart`)).json()) as { suggested: Record<string, { question: string }[]> };
    expect(await page.locator('govchat-widget .intro .chips button').allTextContents()).toEqual(config.suggested['zh-CN']?.map((q) => q.question));
    await ask(page, '點樣登記智方便');
    await expect.poll(() => page.locator('govchat-widget .msg.answer').count()).toBe(2);
    const simplified = await lastAnswer(page);
    expect(await page.locator('govchat-widget .msg.answer .body').last().getAttribute('lang')).toBe('zh-CN');
    expect(simplified).toMatch(SIMPLIFIED_ONLY);
    expect(simplified).not.toMatch(TRADITIONAL_ONLY);
    await page.locator('govchat-widget .msg.answer').last().scrollIntoViewIfNeeded();
    await saveScreenshot(page, '03-simplified-answer');
    await page.close();
  });

  it('works by keyboard alone: launcher, question, rating with comment, language, Escape', async () => {
    const page = await openDemo();
    await page.evaluate(() => {
      const w = window as unknown as { GovChat: { on(e: string, f: (p: unknown) => void): void }; __feedback: unknown[] };
      w.__feedback = [];
      w.GovChat.on('feedback', (p) => w.__feedback.push(p));
    });
    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        const el = inner ?? host;
        return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}${el.id ? `#${el.id}` : ''}` : '';
      });
    const focusOutline = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement?.shadowRoot?.activeElement;
        return el ? getComputedStyle(el).outlineStyle : 'none';
      });

    // Tab through the department page until the launcher has focus.
    for (let i = 0; i < 40 && (await focused()) !== 'button.launcher'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('button.launcher');
    expect(await focusOutline()).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('textarea#input');

    await page.keyboard.type('How do I register for iAM Smart?');
    await page.keyboard.press('Enter');
    await lastAnswer(page);

    // Backwards from the input: 👎, then 👍 of the answer.
    const focusedData = (key: string): Promise<string | undefined> =>
      page.evaluate((k) => (document.activeElement?.shadowRoot?.activeElement as HTMLElement | null)?.dataset[k], key);
    for (let i = 0; i < 30 && (await focusedData('rating')) !== 'up'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedData('rating')).toBe('up');
    expect(await focusOutline()).not.toBe('none');
    await page.keyboard.press('Space');
    expect(await page.locator('govchat-widget [data-rating="up"]').last().getAttribute('aria-pressed')).toBe('true');
    // Focus stayed on the (re-rendered) button; the comment field is next but one (after 👎).
    expect(await focusedData('rating')).toBe('up');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^textarea#comment-/);
    await page.keyboard.type('Clear, thank you');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __feedback: unknown[] }).__feedback)).toEqual([
      { bot: 'iam-smart', id: expect.any(String), rating: 'up' },
      { bot: 'iam-smart', id: expect.any(String), rating: 'up', comment: 'Clear, thank you' },
    ]);

    // Language switch by keyboard: Shift+Tab back up to the header.
    for (let i = 0; i < 40 && (await focusedData('lang')) !== 'zh-HK'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedData('lang')).toBe('zh-HK');
    await page.keyboard.press('Enter');
    expect(await page.locator('govchat-widget .root').getAttribute('lang')).toBe('zh-HK');
    await saveScreenshot(page, '04-keyboard-focus-language');

    await page.keyboard.press('Escape');
    expect(await page.locator('govchat-widget .panel').isHidden()).toBe(true);
    expect(await focused()).toBe('button.launcher');
    await page.close();
  });

  it('passes an axe-core scan (no serious or critical violations) closed, open, answered and with contact details', async () => {
    const page = await openDemo();
    // Evaluated over the DevTools protocol: the demo page's CSP (script-src 'self') forbids inline scripts.
    await page.evaluate(AXE_SOURCE);
    const scan = async (): Promise<{ id: string; impact: string; nodes: string[] }[]> =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const result = await axe.run(document.querySelector('govchat-widget'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
      });
    const serious = (violations: { impact: string }[]): unknown[] => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

    expect(serious(await scan())).toEqual([]);
    await page.locator('govchat-widget .launcher').click();
    // Mid-slide the panel is translucent, which axe would rightly measure as low contrast.
    await waitForAnimations(page);
    expect(serious(await scan())).toEqual([]);
    await ask(page, 'What is iAM Smart?');
    await lastAnswer(page);
    await page.locator('govchat-widget [data-rating="down"]').last().click();
    await page.locator('govchat-widget .contact-toggle').click();
    expect(await page.locator('govchat-widget .contact a[href^="tel:"]').textContent()).toBe('182 123');
    const all = await scan();
    expect(serious(all)).toEqual([]);
    await saveScreenshot(page, '05-axe-scanned-contact-feedback');
    await page.close();
  });

  it('goes full screen on a phone and at 200 % zoom, and respects reduced motion', async () => {
    const phone = await openDemo({ width: 375, height: 700 });
    await phone.locator('govchat-widget .launcher').click();
    const box = async (): Promise<number[]> => {
      const b = await phone.locator('govchat-widget .panel').boundingBox();
      return b ? [b.x, b.y, b.width, b.height].map(Math.round) : [];
    };
    // Polled: the panel slides in (unless reduced motion is asked for).
    await expect.poll(box).toEqual([0, 0, 375, 700]);
    expect(await phone.locator('govchat-widget .launcher').isHidden()).toBe(true);
    await ask(phone, 'I lost my phone');
    await lastAnswer(phone);
    await saveScreenshot(phone, '06-phone-full-screen');
    await phone.close();

    // 1280 × 800 at 200 % zoom lays out like a 640 × 400 CSS-pixel window.
    const zoomed = await openDemo({ width: 640, height: 400 });
    await zoomed.emulateMedia({ reducedMotion: 'reduce' });
    await zoomed.locator('govchat-widget .launcher').click();
    for (const selector of ['textarea#input', 'button.send', 'button.close', 'button[data-lang="zh-CN"]']) {
      const b = await zoomed.locator(`govchat-widget ${selector}`).boundingBox();
      expect(b, selector).not.toBeNull();
      expect(b!.x >= 0 && b!.y >= 0 && b!.x + b!.width <= 640 && b!.y + b!.height <= 400, selector).toBe(true);
    }
    await ask(zoomed, 'Can I register on my phone?');
    await expect.poll(() => zoomed.locator('govchat-widget .msg.answer').count()).toBe(1);
    const animation = await zoomed.evaluate(() => {
      const root = document.querySelector('govchat-widget')?.shadowRoot;
      return root ? getComputedStyle(root.querySelector('.panel')!).animationName : '';
    });
    expect(animation).toBe('none');
    await lastAnswer(zoomed);
    await saveScreenshot(zoomed, '07-zoom-200-percent');
    await zoomed.close();
  });

  it('keeps the conversation across page navigation and resumes the server session', async () => {
    const page = await openDemo();
    await page.locator('govchat-widget .launcher').click();
    await ask(page, 'What is iAM Smart?');
    const answer = await lastAnswer(page);
    const stored = async (): Promise<{ session?: string }> => JSON.parse((await page.evaluate(() => sessionStorage.getItem('govchat:iam-smart'))) ?? '{}');
    const session = (await stored()).session;
    expect(session).toBeTruthy();

    await page.goto(`${server.url}/demo/iam-smart?page=2`);
    await page.locator('govchat-widget .msg.answer').waitFor();
    expect(await page.locator('govchat-widget .panel').isVisible()).toBe(true);
    expect(await page.locator('govchat-widget .msg.question').textContent()).toContain('What is iAM Smart?');
    expect(await page.locator('govchat-widget .msg.answer .body').textContent()).toBe(answer);
    // The server knew the session and kept it (an unknown one would have been replaced).
    await expect.poll(() => page.locator('govchat-widget .banner').isHidden()).toBe(true);
    expect((await stored()).session).toBe(session);
    // A follow-up in the resumed conversation still gets answered.
    await ask(page, 'How do I upgrade to iAM Smart+?');
    await expect.poll(() => page.locator('govchat-widget .msg.answer').count()).toBe(2);
    await lastAnswer(page);
    await saveScreenshot(page, '08-after-navigation');
    await page.close();
  });
});
