// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isSafeHref, linkifyLine, parseAnswer, renderAnswer } from './format-answer.js';

describe('linkifyLine', () => {
  it('finds http(s) links and leaves the rest as text', () => {
    expect(linkifyLine('See https://www.iamsmart.gov.hk/en/reg.html for details.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://www.iamsmart.gov.hk/en/reg.html', href: 'https://www.iamsmart.gov.hk/en/reg.html' },
      { kind: 'text', text: ' for details.' },
    ]);
  });

  it('stops before Chinese punctuation and trailing full stops', () => {
    expect(linkifyLine('請瀏覽 www.iamsmart.gov.hk。')).toEqual([
      { kind: 'text', text: '請瀏覽 ' },
      { kind: 'link', text: 'www.iamsmart.gov.hk', href: 'https://www.iamsmart.gov.hk' },
      { kind: 'text', text: '。' },
    ]);
    expect(linkifyLine('（網址：https://www.gov.hk/tc/）')).toContainEqual({ kind: 'link', text: 'https://www.gov.hk/tc/', href: 'https://www.gov.hk/tc/' });
    expect(linkifyLine('Go to http://a.gov.hk.')[1]).toEqual({ kind: 'link', text: 'http://a.gov.hk', href: 'http://a.gov.hk' });
  });

  it('keeps balanced parentheses in a URL but not an enclosing one', () => {
    expect(linkifyLine('(see https://x.hk/a_(b))')[1]).toMatchObject({ text: 'https://x.hk/a_(b)' });
    expect(linkifyLine('(see https://x.hk/a)')[1]).toMatchObject({ text: 'https://x.hk/a' });
  });

  it('never links other schemes', () => {
    const parts = linkifyLine('javascript:alert(1) data:text/html,<b>x</b> ftp://x.hk');
    expect(parts.every((p) => p.kind === 'text')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('https://')).toBe(false);
    expect(isSafeHref('https://www.gov.hk')).toBe(true);
  });
});

describe('parseAnswer', () => {
  it('turns "- " lines into a list between paragraphs', () => {
    const blocks = parseAnswer('You need:\n- your HKID\n- a smartphone\n\nThen register.');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = blocks[1];
    expect(list?.kind === 'list' && list.items.map((item) => item.map((p) => p.text).join(''))).toEqual(['your HKID', 'a smartphone']);
  });

  it('keeps numbered steps as an ordered list, separate from bullets', () => {
    const blocks = parseAnswer('1. Download\n2. Register\n• Note');
    expect(blocks).toMatchObject([{ kind: 'list', ordered: true }, { kind: 'list', ordered: false }]);
  });

  it('keeps consecutive lines in one paragraph and ignores blank noise', () => {
    expect(parseAnswer('a\nb\r\n\n\n c ')).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'c' }]] },
    ]);
    expect(parseAnswer('  \n')).toEqual([]);
  });
});

describe('renderAnswer', () => {
  it('renders HTML from the server as literal text, never as markup', () => {
    const host = document.createElement('div');
    host.appendChild(renderAnswer(document, '<img src=x onerror="alert(1)"><script>alert(2)</script> **hi**'));
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('script')).toBeNull();
    expect(host.textContent).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script> **hi**');
  });

  it('builds paragraphs, lists and new-tab links with a hidden hint', () => {
    const host = document.createElement('div');
    host.appendChild(renderAnswer(document, 'Steps:\n- open https://x.gov.hk/a\n- done\nmore', { newTabHint: '(opens in a new tab)' }));
    expect(host.querySelectorAll('p')).toHaveLength(2);
    expect(Array.from(host.querySelectorAll('ul > li')).map((li) => li.textContent)).toEqual(['open https://x.gov.hk/a (opens in a new tab)', 'done']);
    const link = host.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://x.gov.hk/a');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
    expect(link?.querySelector('.sr-only')?.textContent).toBe(' (opens in a new tab)');
  });

  it('keeps line breaks inside a paragraph', () => {
    const host = document.createElement('div');
    host.appendChild(renderAnswer(document, 'line one\nline two'));
    expect(host.querySelectorAll('p')).toHaveLength(1);
    expect(host.querySelectorAll('br')).toHaveLength(1);
  });
});
