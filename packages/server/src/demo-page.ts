import type { PublicBotConfig } from '@govchat/protocol';

/**
 * Sample department pages (`/demo/<bot>`): what a department's own site looks like with the
 * widget embedded — a plain Hong Kong government page (GovHK strip, department banner, body text,
 * the usual footer) and the one script tag a department adds. No inline script, so the page runs
 * under the strict CSP in security-headers.ts.
 */

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:Arial,"Microsoft JhengHei","PingFang HK","Noto Sans HK",sans-serif;color:#222;background:#f4f4f4;line-height:1.6}
  a{color:#0b5cad}
  .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
  .govhk{background:#fff;border-bottom:1px solid #ddd;font-size:14px}
  .govhk .wrap{display:flex;justify-content:space-between;align-items:center;padding:6px 16px}
  .govhk strong{color:#c8102e;letter-spacing:.5px}
  .govhk nav a{margin-left:14px;text-decoration:none;color:#333}
  .banner{color:#fff;padding:22px 0}
  .banner h1{margin:0;font-size:26px;font-weight:normal}
  .banner p{margin:2px 0 0;font-size:18px;opacity:.92}
  .wrap{max-width:1040px;margin:0 auto;padding:0 16px}
  .crumbs{font-size:13px;color:#555;padding-top:10px;padding-bottom:10px}
  main{display:grid;grid-template-columns:1fr 300px;gap:24px;padding-bottom:40px}
  article,aside section{background:#fff;border:1px solid #e2e2e2;padding:20px 24px}
  aside section{margin-bottom:16px}
  h2{font-size:20px;margin-top:0}
  h3{font-size:16px;margin:18px 0 6px}
  .note{background:#fff8e1;border-left:4px solid #f0b400;padding:10px 14px;font-size:14px}
  footer{background:#2b2b2b;color:#ddd;font-size:13px;padding:18px 0}
  footer a{color:#ddd;margin-right:16px}
  @media (max-width:760px){main{grid-template-columns:1fr}}
`;

/**
 * @example res.type('html').send(renderDemoPage(toPublicBotConfig(bots.require('housing'))));
 */
export function renderDemoPage(bot: PublicBotConfig): string {
  const colour = bot.theme?.color ?? '#1f4e79';
  const en = escapeHtml(bot.name.en);
  const zh = escapeHtml(bot.name['zh-HK']);
  const suggested = bot.suggested.en.slice(0, 4);
  const year = new Date().getFullYear();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${en} | ${zh} — govchat demo</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">Skip to main content</a>
<div class="govhk"><div class="wrap"><strong>GovHK 香港政府一站通</strong>
<nav aria-label="Site"><a href="#content">Home</a><a href="#content" lang="zh-HK">繁體</a><a href="#content" lang="zh-CN">简体</a><a href="#contact">Contact Us</a></nav></div></div>
<header class="banner" style="background:${escapeHtml(colour)}"><div class="wrap">
<h1>${en}</h1><p lang="zh-HK">${zh}</p>
</div></header>
<div class="wrap crumbs" aria-label="Breadcrumb">Home › Services › Enquiries</div>
<div class="wrap"><main id="content">
<article>
<h2>Enquiries and frequently asked questions</h2>
<p>${escapeHtml(bot.greeting.en)}</p>
<p lang="zh-HK">${escapeHtml(bot.greeting['zh-HK'])}</p>
<p>Our virtual assistant answers from the department's published FAQs, in English, Traditional Chinese or Simplified Chinese, 24 hours a day. Open it with the chat button at the bottom right of this page. It never asks for your personal data: please do not type your identity card number or phone number.</p>
${
  suggested.length === 0
    ? ''
    : `<h3>Popular questions</h3>\n<ul>${suggested.map((q) => `<li>${escapeHtml(q.question)}</li>`).join('')}</ul>`
}
<h3>Need more help?</h3>
<p>For matters that need a person, call our hotline or visit our website. The assistant will also tell you who to contact when it cannot find an answer.</p>
<p class="note">This is a govchat demonstration page. A department adds the assistant to its own site with one line:<br><code>&lt;script src="https://&lt;govchat host&gt;/widget.js" data-bot="${escapeHtml(bot.id)}" async&gt;&lt;/script&gt;</code></p>
</article>
<aside>
<section id="contact"><h2>Contact us</h2>
<p>Hotline: <a href="tel:${escapeHtml(bot.contact.phone.replace(/\s+/g, ''))}">${escapeHtml(bot.contact.phone)}</a></p>
${bot.contact.email === undefined ? '' : `<p>Email: <a href="mailto:${escapeHtml(bot.contact.email)}">${escapeHtml(bot.contact.email)}</a></p>`}
<p>Website: <a href="${escapeHtml(bot.contact.url)}" rel="noopener">${escapeHtml(bot.contact.url.replace(/^https?:\/\//, ''))}</a></p>
</section>
<section><h2>1823</h2><p>For other government services, call the 1823 Citizen's Easy Link.</p></section>
</aside>
</main></div>
<footer><div class="wrap">
<a href="#content">Important Notices</a><a href="#content">Privacy Policy</a><a href="#content">Accessibility</a>
<span>${year} © ${en} · Last revision date: ${new Date().toISOString().slice(0, 10)}</span>
</div></footer>
<script src="/widget.js" data-bot="${escapeHtml(bot.id)}" async></script>
</body>
</html>
`;
}

/**
 * The list of demo pages (`/demo`).
 *
 * @example res.type('html').send(renderDemoIndex(bots.list().map(toPublicBotConfig)));
 */
export function renderDemoIndex(bots: readonly PublicBotConfig[]): string {
  const items = bots
    .map((b) => `<li><a href="/demo/${encodeURIComponent(b.id)}">${escapeHtml(b.name.en)}</a> <span lang="zh-HK">${escapeHtml(b.name['zh-HK'])}</span></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>govchat demo pages</title><style>${STYLE}</style></head>
<body>
<div class="govhk"><div class="wrap"><strong>GovHK 香港政府一站通</strong></div></div>
<div class="wrap"><main id="content" style="display:block;padding-top:24px"><article>
<h2>govchat demo pages</h2>
<p>Sample department pages with the chat widget embedded. The API is described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<ul>
${items}
</ul>
</article></main></div>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
