import { leadOverBaselines } from './compare-configs.js';
import type { EvalReport, ReportChanges } from './eval-report.js';
import {
  accuracyChangeTable,
  botTable,
  CHANGE_QUERY_COLUMN,
  changeLists,
  changesHeadline,
  compareTable,
  CROSS_QUERY_COLUMN,
  crossDepartmentChangeSection,
  crossDepartmentSection,
  formatLeadDetail,
  langTable,
  MISS_QUERY_COLUMN,
  missesTable,
  overallTable,
  sharesNoQuery,
  type ReportTable,
} from './report-tables.js';
import { formatTextTable, truncateToWidth } from './text-table.js';

export interface TextReportOptions {
  /** How many of the worst misses to list (default 10). */
  readonly missLimit?: number;
  /** Terminal columns a query may take in the misses table (default 48). */
  readonly queryWidth?: number;
}

/**
 * The readable report `govchat eval` prints: overall, per language, per bot, the changes since
 * the baseline when run with `--baseline` (every regression and fix, not just the worst: each is a
 * query a maintainer must look at), the comparison when run with `--compare`, and the worst misses. The gate's verdict is left to the caller (the CLI
 * writes it to stderr, where CI logs look for failures).
 *
 * @example io.out(formatTextReport(report));
 */
export function formatTextReport(report: EvalReport, options: TextReportOptions = {}): string {
  const missLimit = options.missLimit ?? 10;
  const queryWidth = options.queryWidth ?? 48;
  const scope = report.bot === undefined ? '' : ` · bot ${report.bot}`;
  const parts = [
    `govchat eval · ${report.dataset}${scope} · ${report.metrics.n} queries · answerer ${report.answerer}${report.calibration === undefined ? '' : `\ncalibration: ${report.calibration}`}`,
    section('Overall (full pipeline)', overallTable(report.metrics)),
    section('By language', langTable(report.metrics)),
    section('By bot', botTable(report.metrics)),
  ];
  if (report.changes !== undefined) parts.push(...changeSections(report.changes, queryWidth));
  if (report.compare !== undefined) {
    const lead = leadOverBaselines(report.compare);
    const leadLine = lead === undefined ? '' : `\nfull pipeline vs best baseline (${lead.baseline}): ${lead.points >= 0 ? '+' : ''}${lead.points.toFixed(1)} points${formatLeadDetail(lead)}`;
    parts.push(`${section('Compared (same dataset, same corpora)', compareTable(report.compare))}${leadLine}`);
  }
  if (report.crossDepartment !== undefined) {
    const { summary, table, answers } = crossDepartmentSection(report.crossDepartment);
    parts.push(`${section("Other departments' questions (should be declined)", table)}\n${summary}`);
    if (answers !== undefined) parts.push(section(answers.title, truncateColumn(answers.table, CROSS_QUERY_COLUMN, queryWidth)));
  }
  if (report.misses.length === 0) parts.push('No misses.');
  else {
    const shown = report.misses.slice(0, missLimit);
    const table = missesTable(shown);
    parts.push(section(`Worst misses (${shown.length} of ${report.misses.length})`, truncateColumn(table, MISS_QUERY_COLUMN, queryWidth)));
  }
  return `${parts.join('\n\n')}\n`;
}

function changeSections(changes: ReportChanges, queryWidth: number): string[] {
  const parts = [`Changes since baseline (${changes.baseline})\n${changesHeadline(changes)}\n\n${section('Accuracy', accuracyChangeTable(changes))}`];
  for (const { title, table, count } of changeLists(changes)) {
    parts.push(count === 0 ? `${title}: none.` : section(`${title} (${count})`, truncateColumn(table, CHANGE_QUERY_COLUMN, queryWidth)));
  }
  if (sharesNoQuery(changes)) parts.push(`No query in common with the baseline: is ${changes.baseline} a run of another dataset?`);
  if (changes.crossDepartment !== undefined) {
    const { line, table } = crossDepartmentChangeSection(changes.crossDepartment);
    parts.push(section(line, table));
  }
  return parts;
}

function truncateColumn(table: ReportTable, column: number, width: number): ReportTable {
  return { ...table, rows: table.rows.map((r) => r.map((cell, i) => (i === column ? truncateToWidth(cell, width) : cell))) };
}

function section(title: string, table: ReportTable): string {
  return `${title}\n${formatTextTable(table.header, table.rows, table.numeric.map((n) => (n ? 'right' : 'left')))}`;
}
