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
    expect(md).toContain('| mixed | 2 | 50.0 | 50.0 |');
  });

  it('keeps a miss on one table row, escaping pipes and markup', () => {
    const row = md.split('\n').find((l) => l.startsWith('| labour | mixed |'));
    expect(row).toBe('| labour | mixed | annual leave \\| 有幾多日? &lt;script&gt;x&lt;/script&gt; second line | annual-leave | sick-leave | 0.610 |');
  });
});
