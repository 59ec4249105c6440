import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, writeReport, type EvalRecord } from '@govchat/eval';

const records: EvalRecord[] = [
  { bot: 'housing', query: '居屋幾時抽', lang: 'yue', expected: ['hos-sale'], ranked: ['hos-sale'], abstained: false, latencyMs: 1, confidence: 0.9 },
];

describe('writeReport', () => {
  it('writes report.md, report.json and report.html into a new folder, leaving no temporary files', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'govchat-report-')), 'nested', 'out');
    const files = await writeReport(dir, buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records }));
    expect(files).toEqual({ markdown: join(dir, 'report.md'), json: join(dir, 'report.json'), html: join(dir, 'report.html') });
    expect((await readdir(dir)).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const json = JSON.parse(await readFile(files.json, 'utf8')) as Record<string, unknown>;
    for (const key of ['n', 'accuracy', 'hitAt1', 'hitAt3', 'mrr', 'abstain', 'byLang', 'byBot', 'latencyMs', 'records', 'misses']) expect(json).toHaveProperty(key);
    expect(await readFile(files.html, 'utf8')).toContain('<svg class="chart"');
    expect(await readFile(files.markdown, 'utf8')).toContain('| yue | 1 | 100.0 | 20.6–100.0 | 100.0 |');
  });

  it('replaces an earlier report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govchat-report-'));
    await writeFile(join(dir, 'report.md'), 'stale');
    await writeReport(dir, buildReport({ dataset: 'set.jsonl', answerer: 'extractive', records }));
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(/^# govchat eval/);
  });

  it('fails without leaving a partial file when the folder cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govchat-report-'));
    await writeFile(join(dir, 'report.md'), 'a file where a folder is expected');
    await expect(writeReport(join(dir, 'report.md'), buildReport({ dataset: 's', answerer: 'extractive', records }))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['report.md']);
  });
});
