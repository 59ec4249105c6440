/**
 * Turns answer text from the server into DOM nodes *without ever parsing it as HTML*: the text is
 * split into paragraphs, bullet / numbered lists and http(s) links, and every piece becomes a text
 * node or an element we create ourselves. Whatever the server (or an injected FAQ) sends, at worst
 * it shows up as literal text.
 */

/** A run of plain text or a link inside a line. */
export type InlinePart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** A paragraph (lines kept as line breaks) or a list of items. */
export type AnswerBlock =
  | { kind: 'paragraph'; lines: InlinePart[][] }
  | { kind: 'list'; ordered: boolean; items: InlinePart[][] };

// Stops at whitespace, quotes, angle brackets and full-width CJK punctuation, which never belong to
// a URL in these answers but often follow one directly (「…www.iamsmart.gov.hk。」).
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/;
const BULLET = /^\s*[-•*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Removes a trailing `)` only when it is unbalanced, so `(see https://x.hk/a)` works but wiki-style `…_(b)` too. */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return url;
}

/** Whether `href` is a URL we are willing to link to (http or https, parseable). */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Splits one line into text and link parts. `www.` links get an https:// target. */
export function linkifyLine(line: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const text = trimUrl(match[0]);
    const href = /^www\./i.test(text) ? `https://${text}` : text;
    // "www." alone, or a scheme with nothing after it, stays text.
    if (text.length <= 'https://'.length || !isSafeHref(href)) continue;
    if (start > last) parts.push({ kind: 'text', text: line.slice(last, start) });
    parts.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}

/** Parses answer text into blocks: blank lines separate paragraphs; `- `, `• `, `* ` and `1. ` lines form lists. */
export function parseAnswer(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  let current: AnswerBlock | undefined;
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet?.[1] ?? numbered?.[1];
    if (item !== undefined) {
      const ordered = numbered !== null;
      if (current?.kind !== 'list' || current.ordered !== ordered) {
        current = { kind: 'list', ordered, items: [] };
        blocks.push(current);
      }
      current.items.push(linkifyLine(item));
      continue;
    }
    if (current?.kind !== 'paragraph') {
      current = { kind: 'paragraph', lines: [] };
      blocks.push(current);
    }
    current.lines.push(linkifyLine(line.trim()));
  }
  return blocks;
}

/** Options for rendering links. */
export interface RenderAnswerOptions {
  /** Visually hidden suffix on links that open a new tab, in the UI language. */
  newTabHint?: string;
}

function appendInline(doc: Document, parent: Node, parts: InlinePart[], options: RenderAnswerOptions): void {
  for (const part of parts) {
    if (part.kind === 'text') {
      parent.appendChild(doc.createTextNode(part.text));
      continue;
    }
    parent.appendChild(createExternalLink(doc, part.href, part.text, options.newTabHint));
  }
}

/**
 * Creates a link that opens in a new tab (the citizen keeps the chat), with `rel=noopener` so the
 * target cannot script the host page, and a visually hidden hint for screen-reader users.
 */
export function createExternalLink(doc: Document, href: string, text: string, newTabHint?: string): HTMLAnchorElement {
  const link = doc.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = text;
  if (newTabHint) {
    const hint = doc.createElement('span');
    hint.className = 'sr-only';
    hint.textContent = ` ${newTabHint}`;
    link.appendChild(hint);
  }
  return link;
}

/** Renders answer text as safe DOM (paragraphs, lists, links) in a fragment. */
export function renderAnswer(doc: Document, text: string, options: RenderAnswerOptions = {}): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const block of parseAnswer(text)) {
    if (block.kind === 'paragraph') {
      const p = doc.createElement('p');
      block.lines.forEach((line, i) => {
        if (i > 0) p.appendChild(doc.createElement('br'));
        appendInline(doc, p, line, options);
      });
      fragment.appendChild(p);
      continue;
    }
    const list = doc.createElement(block.ordered ? 'ol' : 'ul');
    for (const item of block.items) {
      const li = doc.createElement('li');
      appendInline(doc, li, item, options);
      list.appendChild(li);
    }
    fragment.appendChild(list);
  }
  return fragment;
}
