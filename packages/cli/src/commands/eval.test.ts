import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, loadCorpus } from '@govchat/core';
import { isCorrect, type EvalRecord } from '@govchat/eval';
import { startFakeOpenAiServer, streamReply } from '../../../core/src/test-helpers/fake-openai-server.js';
import type { CliIo } from '../cli-context.js';
import { main } from '../main.js';

const corpusDir = fileURLToPath(new URL('../../../../corpora/iam-smart', import.meta.url));
let cwd: string;

const queries = [
  { bot: 'iam-smart', query: 'Does iAM Smart cost anything?', lang: 'en', expected: ['fees'] },
  { bot: 'iam-smart', query: '如何取消「智方便」帳戶？', lang: 'zh-HK', expected: ['cancel-account'] },
  { bot: 'iam-smart', query: 'xyzzyq plughq', lang: 'en', expected: [] },
  // Expects the wrong FAQ on purpose: no pipeline gets it right, so accuracy is below 1 whatever retrieval does.
  { bot: 'iam-smart', query: 'Does iAM Smart cost anything?', lang: 'mixed', expected: ['cancel-account'] },
];

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-eval-'));
  await ingestCorpus(await loadCorpus(corpusDir), { dataDir: join(cwd, 'data') });
  await writeFile(join(cwd, 'set.jsonl'), `${queries.map((q) => JSON.stringify(q)).join('\n')}\n`);
});

async function run(args: string[], isTTY = false, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), cwd, env, isTTY };
  const code = await main(['eval', ...args], io);
  return { code, out, err };
}

const METRIC_KEYS = ['n', 'accuracy', 'hitAt1', 'hitAt3', 'mrr', 'abstain', 'byLang', 'byBot', 'latencyMs'];

function expectMetrics(m: Record<string, unknown>): void {
  for (const key of METRIC_KEYS) expect(m).toHaveProperty(key);
  for (const key of ['accuracy', 'hitAt1', 'hitAt3', 'mrr']) expect(typeof m[key]).toBe('number');
  expect(Object.keys(m.abstain as object).sort()).toEqual(['f1', 'precision', 'recall']);
  expect(Object.keys(m.latencyMs as object).sort()).toEqual(['p50', 'p95']);
}

describe('govchat eval', () => {
  it('--json prints exactly one JSON object with every required key, and nothing else on stdout', async () => {
    const { code, out } = await run(['--dataset', 'set.jsonl', '--json'], true);
    expect(code).toBe(0);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(out) as Record<string, unknown>;
    expectMetrics(summary);
    expect(summary.n).toBe(4);
    expect(Object.keys(summary.byLang as object)).toEqual(['en', 'zh-HK', 'mixed']);
    expect((summary.byLang as Record<string, object>).en).toEqual({ n: 2, accuracy: expect.any(Number), hitAt1: expect.any(Number), hitAt3: expect.any(Number), ceilingAt3: expect.any(Number) });
    expect(summary.byBot).toEqual({ 'iam-smart': { n: 4, accuracy: expect.any(Number) } });
    expect(summary.compare).toBeUndefined();
  });

  it('--cross-departments puts the other departments\' questions to the dataset\'s bots: a section, and "crossDepartment" under --json', async () => {
    const dataDir = join(cwd, 'two-bots');
    for (const bot of ['iam-smart', 'open-data']) await ingestCorpus(await loadCorpus(join(corpusDir, '..', bot)), { dataDir });
    const json = await run(['--dataset', 'set.jsonl', '--data-dir', 'two-bots', '--json', '--cross-departments']);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.out) as Record<string, unknown> & { crossDepartment: { n: number; answered: number; byBot: Record<string, { n: number }> } };
    expectMetrics(summary);
    // Only the dataset's bot is judged; the other bot's FAQ questions are what it is asked.
    expect(Object.keys(summary.crossDepartment.byBot)).toEqual(['iam-smart']);
    expect(summary.crossDepartment.n).toBeGreaterThan(60);
    const text = await run(['--dataset', 'set.jsonl', '--data-dir', 'two-bots', '--cross-departments']);
    expect(text.out).toContain(`answered ${summary.crossDepartment.answered} (`);
    expect((await run(['--dataset', 'set.jsonl', '--json'])).out).not.toContain('crossDepartment');
    // With --compare, each configuration is asked too; the full pipeline's count is the one above.
    const compared = JSON.parse((await run(['--dataset', 'set.jsonl', '--data-dir', 'two-bots', '--json', '--compare', '--cross-departments'])).out) as {
      compare: Record<string, { crossDepartment?: { answered: number } }>;
    };
    expect(compared.compare.full?.crossDepartment?.answered).toBe(summary.crossDepartment.answered);
    expect(Object.values(compared.compare).every((c) => c.crossDepartment !== undefined)).toBe(true);
  });

  it('--min-accuracy sets the exit code and says by how much accuracy fell short', async () => {
    const pass = await run(['--dataset', 'set.jsonl', '--json', '--min-accuracy', '0']);
    expect(pass.code).toBe(0);
    expect(pass.err).toContain('gate passed');
    const fail = await run(['--dataset', 'set.jsonl', '--json', '--min-accuracy', '1']);
    expect(fail.code).toBe(1);
    const accuracy = (JSON.parse(fail.out) as { accuracy: number }).accuracy;
    expect(fail.err).toContain(`gate failed: accuracy ${accuracy.toFixed(4)} is below --min-accuracy 1.0000 by ${(1 - accuracy).toFixed(4)}`);
  });

  it('--compare runs the full pipeline and three baselines in one JSON object', async () => {
    const { code, out } = await run(['--dataset', 'set.jsonl', '--json', '--compare']);
    expect(code).toBe(0);
    const summary = JSON.parse(out) as Record<string, unknown> & { compare: Record<string, Record<string, unknown>> };
    expectMetrics(summary);
    expect(Object.keys(summary.compare)).toEqual(['full', 'bm25', 'dense', 'minisearch']);
    for (const metrics of Object.values(summary.compare)) expectMetrics(metrics);
    expect(summary.accuracy).toBe(summary.compare.full?.accuracy);
  });

  it('prints readable tables, with the comparison, and a progress bar on stderr only on a terminal', async () => {
    const plain = await run(['--dataset', 'set.jsonl', '--compare']);
    expect(plain.code).toBe(0);
    for (const heading of ['Overall (full pipeline)', 'By language', 'By bot', 'Compared (same dataset, same corpora)']) expect(plain.out).toContain(heading);
    expect(plain.out).toMatch(/^minisearch\s+\d/m);
    expect(plain.out).toMatch(/Worst misses \(\d+ of \d+\)/);
    expect(plain.err).toBe('');
    const tty = await run(['--dataset', 'set.jsonl', '--compare'], true);
    expect(tty.err).toContain('16/16 100%');
    expect(tty.err.endsWith('\r\x1b[2K')).toBe(true);
    expect(tty.out).not.toContain('\r');
  });

  it('--report writes the three files; under --json the note goes to stderr', async () => {
    const { code, out, err } = await run(['--dataset', 'set.jsonl', '--json', '--report', 'out/report']);
    expect(code).toBe(0);
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    expect(err).toContain('report written');
    expect((await readdir(join(cwd, 'out/report'))).sort()).toEqual(['report.html', 'report.json', 'report.md']);
  });

  it('--baseline lists what changed since an earlier report.json: in the text, under --json "changes", and in the report files', async () => {
    expect((await run(['--dataset', 'set.jsonl', '--report', 'base'])).code).toBe(0);
    const report = JSON.parse(await readFile(join(cwd, 'base/report.json'), 'utf8')) as { records: EvalRecord[] };
    // Rewrite the earlier run: the always-wrong query (mixed) was right, a query right now was wrong,
    // and the nonsense query was not yet in the dataset.
    const [first, second, , wrongNow] = report.records;
    const rightNow = [first!, second!].find((r) => isCorrect(r))!;
    expect(rightNow).toBeDefined();
    report.records = [
      { ...wrongNow!, ranked: ['cancel-account'], abstained: false, confidence: 0.95 },
      ...[first!, second!].map((r) => (r === rightNow ? { ...r, ranked: ['no-such-faq'], abstained: false } : r)),
    ];
    await writeFile(join(cwd, 'old.json'), JSON.stringify(report));

    const text = await run(['--dataset', 'set.jsonl', '--baseline', 'old.json', '--min-accuracy', '0']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Changes since baseline (old.json)\naccuracy ');
    expect(text.out).toMatch(/1 regression, 1 fix, 1 unchanged; p = 1.00, could be chance; dataset: 1 added, 0 removed/);
    expect(text.out).toMatch(/Regressions: right in the baseline, wrong now \(1\)\n.*\n.*\niam-smart\s+mixed\s+Does iAM Smart cost anything\?\s+cancel-account\s+cancel-account\s/);
    expect(text.out).toMatch(new RegExp(`Fixes: wrong in the baseline, right now \\(1\\)\\n.*\\n.*\\niam-smart\\s+${rightNow.lang}\\s`));
    expect(text.out).toMatch(/Added to the dataset \(1\)\n.*\n.*\niam-smart\s+en\s+xyzzyq plughq\s+\(abstain\)/);
    expect(text.out.indexOf('Changes since baseline')).toBeLessThan(text.out.indexOf('Worst misses'));
    expect(text.err).toContain('since old.json: 1 regression(s), 1 fix(es), listed under "Changes since baseline"');

    const json = await run(['--dataset', 'set.jsonl', '--baseline', 'old.json', '--json', '--report', 'changed']);
    const summary = JSON.parse(json.out) as Record<string, unknown> & { changes: Record<string, unknown[]> & { accuracy: { nBefore: number } } };
    expectMetrics(summary);
    expect(summary.changes.accuracy.nBefore).toBe(3);
    // One flip each way: as likely chance as not.
    expect(summary.changes.accuracy).toMatchObject({ regressions: 1, fixes: 1, pValue: 1 });
    expect(summary.changes.regressions).toEqual([
      expect.objectContaining({ bot: 'iam-smart', lang: 'mixed', query: 'Does iAM Smart cost anything?', expected: ['cancel-account'], before: { top: 'cancel-account', abstained: false, confidence: 0.95 } }),
    ]);
    expect(summary.changes.fixes).toEqual([expect.objectContaining({ query: rightNow.query, before: expect.objectContaining({ top: 'no-such-faq' }) })]);
    expect(summary.changes.added).toEqual([expect.objectContaining({ query: 'xyzzyq plughq' })]);
    expect(await readFile(join(cwd, 'changed/report.md'), 'utf8')).toContain('### Regressions: right in the baseline, wrong now (1)');
    expect(await readFile(join(cwd, 'changed/report.html'), 'utf8')).toContain('<h2>Changes since baseline</h2>');
    // A report written with a baseline serves as the next baseline.
    const chained = await run(['--dataset', 'set.jsonl', '--baseline', 'changed/report.json', '--json']);
    expect((JSON.parse(chained.out) as { changes: { unchanged: number } }).changes.unchanged).toBe(4);
  });

  it('--baseline fails before the run with a message naming the file and the field', async () => {
    const report = JSON.parse(await readFile(join(cwd, 'base/report.json'), 'utf8')) as { records: Record<string, unknown>[] };
    report.records[2]!.abstained = 'no';
    await writeFile(join(cwd, 'bad.json'), JSON.stringify(report));
    const bad = await run(['--dataset', 'set.jsonl', '--baseline', 'bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/bad\.json field "records\.2\.abstained": .*report\.json/);
    const missing = await run(['--dataset', 'set.jsonl', '--baseline', 'nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: baseline file not found/);
  });

  it('--bot limits the run, and names the bots the dataset has when it has none of that one', async () => {
    const one = await run(['--dataset', 'set.jsonl', '--json', '--bot', 'iam-smart']);
    expect((JSON.parse(one.out) as { n: number }).n).toBe(4);
    const none = await run(['--dataset', 'set.jsonl', '--bot', 'housing']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no queries for bot "housing" in set.jsonl (it has: iam-smart)');
  });

  it('--answerer llm needs an LLM configured, and then scores its citations', async () => {
    const unconfigured = await run(['--dataset', 'set.jsonl', '--answerer', 'llm']);
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.err).toMatch(/GOVCHAT_LLM_/);

    // A local OpenAI-compatible server that answers from — and cites — the first FAQ it is offered.
    const llm = await startFakeOpenAiServer((request) => {
      const system = request.body.messages?.[0]?.content ?? '';
      const id = /<faq id="([^"]+)">/.exec(system)?.[1] ?? 'none';
      return streamReply(`Here is what the FAQ says. [faq:${id}]`);
    });
    try {
      const env = { GOVCHAT_LLM_PROVIDER: 'openai', GOVCHAT_LLM_BASE_URL: llm.url, GOVCHAT_LLM_MODEL: 'fake', GOVCHAT_LLM_SHORTCUT_ABOVE: '1.01' };
      const scored = await run(['--dataset', 'set.jsonl', '--answerer', 'llm', '--json'], false, env);
      expect(scored.code).toBe(0);
      const metrics = JSON.parse(scored.out) as { n: number; accuracy: number };
      expect(metrics.n).toBe(4);
      expect(llm.requests.length).toBeGreaterThan(0);
      // Scored by citation: the LLM cited the retrieved FAQ, so the in-scope hits still count.
      expect(metrics.accuracy).toBeGreaterThan(0);
    } finally {
      await llm.close();
    }
    expect((await run(['--dataset', 'set.jsonl', '--answerer', 'extractive', '--json'])).code).toBe(0);
  });

  it('rejects bad usage with exit code 2 and the usage line', async () => {
    for (const args of [[], ['--dataset', 'set.jsonl', '--min-accuracy', '90'], ['--dataset', 'set.jsonl', '--answerer', 'gpt'], ['--dataset', 'set.jsonl', 'extra']]) {
      const { code, err } = await run(args);
      expect(code).toBe(2);
      expect(err).toContain('usage: govchat eval --dataset FILE');
    }
  });

  it('fails with a clear message for a missing index or a broken dataset', async () => {
    const noIndex = await run(['--dataset', 'set.jsonl', '--data-dir', 'empty']);
    expect(noIndex.code).toBe(1);
    expect(noIndex.err).toContain('run "govchat ingest" first');
    await writeFile(join(cwd, 'broken.jsonl'), `${JSON.stringify(queries[0])}\n{"bot": "iam-smart", "query": "x", "lang": "fr", "expected": []}\n`);
    const broken = await run(['--dataset', 'broken.jsonl']);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.jsonl:2 field "lang"/);
    await writeFile(join(cwd, 'empty.jsonl'), '\n');
    const empty = await run(['--dataset', 'empty.jsonl', '--min-accuracy', '0.5']);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('empty.jsonl has no queries');
  });
});
