import { leadOverBaselines } from './compare-configs.js';
import type { EvalReport } from './eval-report.js';
import { botTable, compareTable, langTable, MISS_QUERY_COLUMN, missesTable, overallTable, type ReportTable } from './report-tables.js';
import { formatTextTable, truncateToWidth } from './text-table.js';

export interface TextReportOptions {
  /** How many of the worst misses to list (default 10). */
  readonly missLimit?: number;
  /** Terminal columns a query may take in the misses table (default 48). */
  readonly queryWidth?: number;
}

/**
 * The readable report `govchat eval` prints: overall, per language, per bot, the comparison when
 * run with `--compare`, and the worst misses. The gate's verdict is left to the caller (the CLI
 * writes it to stderr, where CI logs look for failures).
 *
 * @example io.out(formatTextReport(report));
 */
export function formatTextReport(report: EvalReport, options: TextReportOptions = {}): string {
  const missLimit = options.missLimit ?? 10;
  const queryWidth = options.queryWidth ?? 48;
  const scope = report.bot === undefined ? '' : ` · bot ${report.bot}`;
  const parts = [
    `govchat eval · ${report.dataset}${scope} · ${report.metrics.n} queries · answerer ${report.answerer}`,
    section('Overall (full pipeline)', overallTable(report.metrics)),
    section('By language', langTable(report.metrics)),
    section('By bot', botTable(report.metrics)),
  ];
  if (report.compare !== undefined) {
    const lead = leadOverBaselines(report.compare);
    const leadLine = lead === undefined ? '' : `\nfull pipeline vs best baseline (${lead.baseline}): ${lead.points >= 0 ? '+' : ''}${lead.points.toFixed(1)} points`;
    parts.push(`${section('Compared (same dataset, same corpora)', compareTable(report.compare))}${leadLine}`);
  }
  if (report.misses.length === 0) parts.push('No misses.');
  else {
    const shown = report.misses.slice(0, missLimit);
    const table = missesTable(shown);
    const rows = table.rows.map((r) => r.map((cell, i) => (i === MISS_QUERY_COLUMN ? truncateToWidth(cell, queryWidth) : cell)));
    parts.push(section(`Worst misses (${shown.length} of ${report.misses.length})`, { ...table, rows }));
  }
  return `${parts.join('\n\n')}\n`;
}

function section(title: string, table: ReportTable): string {
  return `${title}\n${formatTextTable(table.header, table.rows, table.numeric.map((n) => (n ? 'right' : 'left')))}`;
}
