type Cell = string | number | boolean | null | undefined;

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so Excel shows Chinese correctly) and CRLF line
 * ends. Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) are prefixed
 * with `'`: these files hold citizens' text and are opened by department staff.
 *
 * @example toCsv(['count', 'question'], [[3, '點樣申請護照']]) // '\uFEFFcount,question\r\n3,點樣申請護照\r\n'
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n')}\r\n`;
}

function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
