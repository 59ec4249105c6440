/** Column alignment in a terminal table. */
export type Align = 'left' | 'right';

/**
 * Terminal columns a string occupies: Chinese characters and full-width punctuation take two, so
 * tables of Cantonese queries still line up.
 *
 * @example displayWidth('智方便 app') // 10
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

/**
 * Cuts text to at most `width` terminal columns, ending with `…` when cut; newlines become spaces.
 *
 * @example truncateToWidth('點樣登記智方便', 7) // '點樣登…'
 */
export function truncateToWidth(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (displayWidth(flat) <= width) return flat;
  let out = '';
  let used = 0;
  for (const char of flat) {
    const w = charWidth(char.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/**
 * Lays out rows under a header, columns padded to their widest cell by display width.
 *
 * @example formatTextTable(['lang', 'acc %'], [['yue', '92.9']], ['left', 'right'])
 * // 'lang  acc %\n----  -----\nyue    92.9'
 */
export function formatTextTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    widths
      .map((w, i) => {
        const cell = cells[i] ?? '';
        const pad = ' '.repeat(w - displayWidth(cell));
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}
