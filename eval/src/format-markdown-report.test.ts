import { describe, expect, it } from 'vitest';
import { buildReport, formatMarkdownReport, type EvalRecord } from '@govchat/eval';

const record = (query: string, fields: Partial<EvalRecord> = {}): EvalRecord => ({
  bot: 'labour',
  query,
  lang: 'mixed',
  expected: ['annual-leave'],
  ranked: ['sick-leave'],
  abstained: false,
  latencyMs: 1,
  confidence: 0.61,
  ...fields,
});

describe('formatMarkdownReport', () => {
  const records = [record('annual leave | 有幾多日? <script>x</script>\nsecond line'), record('fine', { ranked: ['annual-leave'] })];
  const md = formatMarkdownReport(buildReport({ dataset: 'test.jsonl', answerer: 'extractive', records, minAccuracy: 0.9 }));

  it('has the overall, language, bot and misses tables, and the gate verdict', () => {
    expect(md).toContain('**Gate FAILED:** accuracy 0.5000 is below --min-accuracy 0.9000 by 0.4000 (40.0 points)');
    for (const heading of ['## Overall (full pipeline)', '## By language', '## By bot', '## Misses (1)']) expect(md).toContain(heading);
    // 1 of 2 right: Wilson 95% interval 0.0945–0.9055.
    expect(md).toContain('| mixed | 2 | 50.0 | 9.4–90.5 | 50.0 |');
  });

  it('keeps a miss on one table row, escaping pipes and markup', () => {
    const row = md.split('\n').find((l) => l.startsWith('| labour | mixed |'));
    expect(row).toBe('| labour | mixed | annual leave \\| 有幾多日? &lt;script&gt;x&lt;/script&gt; second line | annual-leave | sick-leave | 0.610 |');
  });

  it('has a changes section with the deltas and every regression and fix, escaped', () => {
    const baseline = [{ ...records[0]!, ranked: ['annual-leave'], confidence: 0.9 }, { ...records[1]!, ranked: ['sick-leave'] }];
    const withChanges = formatMarkdownReport(buildReport({ dataset: 'test.jsonl', answerer: 'extractive', records: records.slice().reverse(), baseline: { file: 'eval/baselines/test.json', records: baseline } }));
    const section = withChanges.slice(withChanges.indexOf('## Changes since baseline'), withChanges.indexOf('## Misses'));
    expect(section).toContain('Baseline `eval/baselines/test.json`: accuracy 50.0% → 50.0% (0.0 points): 1 regression, 1 fix, 0 unchanged; p = 1.00, could be chance.');
    expect(section).toContain('| bot labour | 2 | 50.0 | 50.0 | 0.0 |');
    expect(section.indexOf('### Regressions: right in the baseline, wrong now (1)')).toBeLessThan(section.indexOf('### Fixes: wrong in the baseline, right now (1)'));
    expect(section).toContain('| labour | mixed | annual leave \\| 有幾多日? &lt;script&gt;x&lt;/script&gt; second line | annual-leave | annual-leave | sick-leave | 0.900 → 0.610 |');
    expect(section).toContain('| labour | mixed | fine | annual-leave | sick-leave | annual-leave | 0.610 → 0.610 |');
    expect(md).not.toContain('Changes since baseline');
  });
});
