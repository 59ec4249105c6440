import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '@govchat/core';
import { toReportJson, type EvalReport } from './eval-report.js';
import { formatHtmlReport } from './format-html-report.js';
import { formatMarkdownReport } from './format-markdown-report.js';

/** The three files `--report DIR` writes. */
export interface ReportFiles {
  readonly markdown: string;
  readonly json: string;
  readonly html: string;
}

/**
 * Writes `report.md`, `report.json` and `report.html` into `dir` (created if missing). Each file is
 * written beside its final name and renamed into place, so a reader — a CI artefact upload, a
 * browser refreshing — never sees half a report, and a failed run leaves the previous one intact.
 *
 * @example const files = await writeReport('eval-report', report); // files.html → 'eval-report/report.html'
 */
export async function writeReport(dir: string, report: EvalReport): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const files: ReportFiles = { markdown: join(dir, 'report.md'), json: join(dir, 'report.json'), html: join(dir, 'report.html') };
  await writeFileAtomically(files.markdown, formatMarkdownReport(report));
  await writeFileAtomically(files.json, `${JSON.stringify(toReportJson(report), null, 2)}\n`);
  await writeFileAtomically(files.html, formatHtmlReport(report));
  return files;
}

