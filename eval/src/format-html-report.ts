import { FULL_PIPELINE, leadOverBaselines } from './compare-configs.js';
import type { CrossDepartmentChange, CrossDepartmentResult } from './cross-department.js';
import { escapeHtml } from './escape-html.js';
import type { EvalReport, ReportChanges } from './eval-report.js';
import {
  accuracyChangeTable,
  accuracyInterval,
  botTable,
  changeLists,
  changesHeadline,
  compareTable,
  crossDepartmentChangeSection,
  crossDepartmentSection,
  formatLeadDetail,
  formatPercent,
  formatScore,
  langsOf,
  langTable,
  missesTable,
  overallTable,
  sharesNoQuery,
  type ReportTable,
} from './report-tables.js';
import type { ShareInterval } from './significance.js';
import { renderBarChart } from './svg-bar-chart.js';

/** The issue's per-language target, drawn on the charts. */
const TARGET_ACCURACY = 0.9;

/**
 * `report.html`: one self-contained file — inline CSS, inline SVG charts, no script, no external
 * resource — so it opens from disk with no network (e.g. as a CI artefact). A Content Security
 * Policy forbids everything but inline styles, so even a query that slipped past escaping could
 * not load or run anything.
 *
 * @example await writeFile('report.html', formatHtmlReport(report));
 */
export function formatHtmlReport(report: EvalReport): string {
  const m = report.metrics;
  const configs = report.compare ?? [{ name: FULL_PIPELINE, description: 'full pipeline', metrics: m }];
  const langs = langsOf(configs.map((c) => c.metrics));
  const body: string[] = [];
  const scope = report.bot === undefined ? '' : ` · bot <code>${escapeHtml(report.bot)}</code>`;
  body.push(
    '<header>',
    '<h1>govchat eval</h1>',
    `<p class="meta">Dataset <code>${escapeHtml(report.dataset)}</code>${scope} · ${m.n} queries · answerer <code>${escapeHtml(report.answerer)}</code> · ${escapeHtml(report.generatedAt)}</p>`,
    ...(report.calibration === undefined ? [] : [`<p class="meta">Calibration: ${escapeHtml(report.calibration)}</p>`]),
    '</header>',
  );
  if (report.gate !== undefined) {
    body.push(`<p class="gate ${report.gate.passed ? 'pass' : 'fail'}"><strong>Gate ${report.gate.passed ? 'passed' : 'failed'}:</strong> ${escapeHtml(report.gate.message)}</p>`);
  }
  body.push(
    ...(report.changes === undefined ? [] : changeSection(report.changes)),
    '<section class="cards">',
    card('Accuracy', `${formatPercent(m.accuracy)}%`),
    card('Hit@1', `${formatPercent(m.hitAt1)}%`),
    card('Hit@3', `${formatPercent(m.hitAt3)}%`),
    card('MRR', formatScore(m.mrr)),
    card('Abstain F1', formatScore(m.abstain.f1)),
    card('Latency p50 / p95', `${m.latencyMs.p50.toFixed(1)} / ${m.latencyMs.p95.toFixed(1)} ms`),
    '</section>',
    '<section>',
    '<h2>Overall (full pipeline)</h2>',
    table(overallTable(m)),
    '</section>',
    '<section>',
    '<h2>Accuracy per language</h2>',
    renderBarChart({
      title: 'Accuracy per language',
      series: configs.map((c) => c.name),
      groups: langs.map((lang) => ({
        label: lang,
        values: configs.map((c) => c.metrics.byLang[lang]?.accuracy ?? 0),
        intervals: configs.map((c) => intervalOf(c.metrics.byLang[lang])),
      })),
      target: TARGET_ACCURACY,
    }),
    `<p class="note">Dashed line: the ${formatPercent(TARGET_ACCURACY)}% target. Whiskers: 95% interval (about 40 queries a language: one query is 2.4 points).</p>`,
    table(langTable(m)),
    '</section>',
  );
  if (report.compare !== undefined) {
    const lead = leadOverBaselines(report.compare);
    body.push(
      '<section>',
      '<h2>Accuracy per configuration</h2>',
      renderBarChart({
        title: 'Accuracy per configuration',
        series: ['accuracy'],
        groups: report.compare.map((c) => ({ label: c.name, values: [c.metrics.accuracy], intervals: [intervalOf(c.metrics)] })),
        target: TARGET_ACCURACY,
      }),
      '<p class="note">Same dataset, same corpora, one run. Shares in %.</p>',
      table(compareTable(report.compare)),
      `<ul>${report.compare.map((c) => `<li><code>${escapeHtml(c.name)}</code>: ${escapeHtml(c.description)}</li>`).join('')}</ul>`,
      lead === undefined
        ? ''
        : `<p>Full pipeline vs best baseline (<code>${escapeHtml(lead.baseline)}</code>): <strong>${lead.points >= 0 ? '+' : ''}${lead.points.toFixed(1)} points</strong>${escapeHtml(formatLeadDetail(lead))}.</p>`,
      '</section>',
    );
  }
  body.push(
    '<section>',
    '<h2>Accuracy per bot</h2>',
    renderBarChart({
      title: 'Accuracy per bot',
      series: ['accuracy'],
      groups: Object.entries(m.byBot).map(([bot, g]) => ({ label: bot, values: [g.accuracy], intervals: [intervalOf(g)] })),
    }),
    table(botTable(m)),
    '</section>',
    ...(report.crossDepartment === undefined ? [] : crossDepartmentHtml(report.crossDepartment)),
    '<section>',
    `<h2>Misses (${report.misses.length})</h2>`,
    '<p class="note">Worst first: wrong answers before abstentions, then by confidence. Earlier turns of a follow-up are shown in brackets.</p>',
    report.misses.length === 0 ? '<p>None.</p>' : table(missesTable(report.misses), 'misses'),
    '</section>',
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>govchat eval · ${escapeHtml(report.dataset)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter((part) => part !== ''),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Right after the gate's verdict: when a change is under review, what got worse is the first question. */
function changeSection(changes: ReportChanges): string[] {
  return [
    '<section>',
    '<h2>Changes since baseline</h2>',
    `<p>Baseline <code>${escapeHtml(changes.baseline)}</code>: ${escapeHtml(changesHeadline(changes))}.</p>`,
    table(accuracyChangeTable(changes)),
    ...changeLists(changes).map((l) => `<h3>${escapeHtml(l.title)} (${l.count})</h3>${l.count === 0 ? '<p>None.</p>' : table(l.table, 'queries')}`),
    ...(sharesNoQuery(changes) ? ['<p class="note">No query in common with the baseline: is it a run of another dataset?</p>'] : []),
    ...(changes.crossDepartment === undefined ? [] : crossDepartmentChange(changes.crossDepartment)),
    '</section>',
  ];
}

function crossDepartmentChange(change: CrossDepartmentChange): string[] {
  const { line, table: shares } = crossDepartmentChangeSection(change);
  return ["<h3>Other departments' questions</h3>", `<p>${escapeHtml(line)}.</p>`, table(shares)];
}

function crossDepartmentHtml(result: CrossDepartmentResult): string[] {
  const { summary, table: perBot, answers } = crossDepartmentSection(result);
  return [
    '<section>',
    "<h2>Other departments' questions</h2>",
    `<p>${escapeHtml(summary)}</p>`,
    table(perBot),
    ...(answers === undefined ? [] : [`<h3>${escapeHtml(answers.title)}</h3>`, table(answers.table, 'queries')]),
    '</section>',
  ];
}

function card(label: string, value: string): string {
  return `<div class="card"><div class="card-label">${escapeHtml(label)}</div><div class="card-value">${escapeHtml(value)}</div></div>`;
}

function table(t: ReportTable, className = ''): string {
  const cell = (tag: 'th' | 'td', text: string, i: number): string => `<${tag}${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${t.header.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const rows = t.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table${className === '' ? '' : ` class="${className}"`}><thead>${head}</thead><tbody>\n${rows}\n</tbody></table></div>`;
}

// System fonts only: a web font would be a network request.
const STYLE = `
:root { color-scheme: light; --ink: #1d2329; --muted: #5d6670; --line: #d9dee3; --accent: #1f6f5c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK TC", "PingFang HK", "Microsoft JhengHei", sans-serif; color: var(--ink); background: #f6f7f8; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 0 0 12px; font-size: 19px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.meta, .note { color: var(--muted); }
.note { font-size: 13px; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 13px; background: #eef1f3; padding: 1px 4px; border-radius: 3px; }
.gate { padding: 10px 14px; border-radius: 6px; font-weight: 500; }
.gate.pass { background: #e3f4ec; border: 1px solid #9fd3b8; }
.gate.fail { background: #fbe7e7; border: 1px solid #e3a3a3; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card-label { color: var(--muted); font-size: 13px; }
.card-value { font-size: 22px; font-weight: 600; color: var(--accent); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 10px; text-align: left; vertical-align: top; }
th { background: #f0f3f5; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.misses td:nth-child(3), table.queries td:nth-child(3) { max-width: 460px; overflow-wrap: anywhere; }
table.misses td:nth-child(-n+2), table.queries td:nth-child(-n+2) { white-space: nowrap; }
h3 { margin: 16px 0 4px; font-size: 16px; }
.chart { max-width: 100%; height: auto; display: block; margin: 4px 0 8px; }
.chart text { font-size: 12px; fill: var(--ink); }
.chart .tick, .chart .value { fill: var(--muted); font-size: 11px; }
.chart .grid { stroke: #e6e9ec; }
.chart .target { stroke: #b3261e; stroke-dasharray: 4 3; stroke-width: 1.5; }
.chart .ci { stroke: #1b1f23; stroke-width: 1.2; fill: none; }
@media print { body { background: #fff; } section { break-inside: avoid; } }
`;

/** A group's 95% interval, none for a group without queries. */
function intervalOf(group: { readonly n: number; readonly accuracy: number } | undefined): ShareInterval | undefined {
  return group === undefined || group.n === 0 ? undefined : accuracyInterval(group);
}
