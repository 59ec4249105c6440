import { leadOverBaselines } from './compare-configs.js';
import type { EvalReport, ReportChanges } from './eval-report.js';
import {
  accuracyChangeTable,
  botTable,
  changeLists,
  changesHeadline,
  compareTable,
  crossDepartmentChangeSection,
  crossDepartmentSection,
  formatLeadDetail,
  langTable,
  missesTable,
  overallTable,
  sharesNoQuery,
  type ReportTable,
} from './report-tables.js';

/**
 * `report.md`: the same tables as the terminal, as GitHub-flavoured Markdown (for a PR comment or
 * the issue note), with every regression and fix since the baseline and every miss rather than
 * the worst ten.
 *
 * @example await writeFile('report.md', formatMarkdownReport(report));
 */
export function formatMarkdownReport(report: EvalReport): string {
  const scope = report.bot === undefined ? '' : `, bot \`${escapeCode(report.bot)}\``;
  const parts = [
    '# govchat eval',
    `Dataset \`${escapeCode(report.dataset)}\`${scope}: ${report.metrics.n} queries, answerer \`${escapeCode(report.answerer)}\`, run ${report.generatedAt}.`,
  ];
  if (report.calibration !== undefined) parts.push(`Calibration: ${escapeCell(report.calibration)}.`);
  if (report.gate !== undefined) parts.push(`**Gate ${report.gate.passed ? 'passed' : 'FAILED'}:** ${escapeCell(report.gate.message)}`);
  parts.push('## Overall (full pipeline)', table(overallTable(report.metrics)));
  parts.push('## By language', table(langTable(report.metrics)));
  parts.push('## By bot', table(botTable(report.metrics)));
  if (report.changes !== undefined) parts.push(...changeSections(report.changes));
  if (report.compare !== undefined) {
    parts.push('## Compared configurations', 'Same dataset, same corpora, one run. Shares in %.', table(compareTable(report.compare)));
    parts.push(report.compare.map((c) => `- \`${escapeCode(c.name)}\`: ${escapeCell(c.description)}`).join('\n'));
    const lead = leadOverBaselines(report.compare);
    if (lead !== undefined) parts.push(`Full pipeline vs best baseline (\`${lead.baseline}\`): **${lead.points >= 0 ? '+' : ''}${lead.points.toFixed(1)} points**${formatLeadDetail(lead)}.`);
  }
  if (report.crossDepartment !== undefined) {
    const cross = crossDepartmentSection(report.crossDepartment);
    parts.push("## Other departments' questions", escapeCell(cross.summary), table(cross.table));
    if (cross.answers !== undefined) parts.push(`### ${cross.answers.title}`, table(cross.answers.table));
  }
  parts.push(`## Misses (${report.misses.length})`);
  parts.push(report.misses.length === 0 ? 'None.' : table(missesTable(report.misses)));
  return `${parts.join('\n\n')}\n`;
}

function changeSections(changes: ReportChanges): string[] {
  const parts = ['## Changes since baseline', `Baseline \`${escapeCode(changes.baseline)}\`: ${escapeCell(changesHeadline(changes))}.`, table(accuracyChangeTable(changes))];
  for (const list of changeLists(changes)) parts.push(`### ${list.title} (${list.count})`, list.count === 0 ? 'None.' : table(list.table));
  if (sharesNoQuery(changes)) parts.push('No query in common with the baseline: is it a run of another dataset?');
  if (changes.crossDepartment !== undefined) {
    const cross = crossDepartmentChangeSection(changes.crossDepartment);
    parts.push("### Other departments' questions", `${escapeCell(cross.line)}.`, table(cross.table));
  }
  return parts;
}

function table(t: ReportTable): string {
  const row = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  return [row(t.header), rule, ...t.rows.map(row)].join('\n');
}

/**
 * Dataset text is written by citizens (and attackers): it must not break the table, start
 * formatting, or become HTML when the Markdown is rendered.
 */
function escapeCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
