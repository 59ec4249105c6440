import { execFile } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, streamReply } from '../../core/src/test-helpers/fake-openai-server.js';
import { main } from './main.js';
import type { CliIo } from './cli-context.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    cwd,
    env: {},
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}

describe('govchat CLI', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'govchat-cli-'));
    await cp(join(root, 'corpora', 'iam-smart'), join(work, 'corpora', 'iam-smart'), { recursive: true });
    await cp(join(root, 'corpora', 'housing'), join(work, 'corpora', 'housing'), { recursive: true });
    await writeFile(join(work, 'corpora', 'notes.txt'), 'ignored');
  });

  it('ingests a folder of bots, then reports them unchanged', async () => {
    const io = capture(work);
    expect(await main(['ingest', 'corpora'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^housing: \d+ entries \(\+\d+ added, 0 changed, -0 removed, \d+ embedded/m);
    expect(io.stdout()).toMatch(/^iam-smart: \d+ entries/m);
    const again = capture(work);
    expect(await main(['ingest', 'corpora'], again)).toBe(0);
    expect(again.stdout()).toMatch(/iam-smart: \d+ entries \(unchanged\)/);
  });

  it('answers --json with the documented keys', async () => {
    const io = capture(work);
    expect(await main(['ask', '--bot', 'iam-smart', '--json', '點樣登記智方便'], io)).toBe(0);
    const result = JSON.parse(io.stdout());
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['answer', 'lang', 'abstained', 'sources', 'related']));
    expect(result.abstained).toBe(false);
    expect(result.sources[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^register-/), score: expect.any(Number) }));
  });

  it('abstains on an out-of-scope question and takes --history', async () => {
    const io = capture(work);
    await main(['ask', '--bot', 'iam-smart', '--json', '明天會唔會落雨'], io);
    expect(JSON.parse(io.stdout())).toMatchObject({ abstained: true, sources: [] });
    const followUp = capture(work);
    await main(['ask', '--bot', 'housing', '--json', '--history', 'How do I apply for public housing?', 'how long is the wait?'], followUp);
    expect(JSON.parse(followUp.stdout())).toMatchObject({ usedHistory: true });
  });

  it('answers through an LLM with --answerer llm, citing the FAQ it used', async () => {
    const llm = await startFakeOpenAiServer((request) => {
      const id = /<faq id="([^"]+)">/.exec(request.body.messages?.[0]?.content ?? '')?.[1] ?? 'none';
      return streamReply(`You can register in person at a kiosk. [faq:${id}]`);
    });
    try {
      const io = { ...capture(work), env: { GOVCHAT_LLM_BASE_URL: llm.url, GOVCHAT_LLM_MODEL: 'fake', GOVCHAT_LLM_SHORTCUT_ABOVE: '1.01' } };
      const out: string[] = [];
      expect(await main(['ask', '--bot', 'iam-smart', '--answerer', 'llm', '--json', '點樣登記智方便'], { ...io, out: (t) => void out.push(t) })).toBe(0);
      const result = JSON.parse(out.join(''));
      expect(result).toMatchObject({ answeredBy: 'llm', abstained: false });
      expect(result.citations).toHaveLength(1);
      expect(result.answer).toContain('kiosk');
      expect(result.answer).not.toContain('[faq:');
      expect(llm.requests).toHaveLength(1);
    } finally {
      await llm.close();
    }
  });

  it('lists ingested bots', async () => {
    const io = capture(work);
    expect(await main(['bots'], io)).toBe(0);
    expect(io.stdout()).toMatch(/^housing\s+\d+ entries\s+govchat-cooccurrence@1/m);
  });

  it('exits non-zero with file, line and field on invalid input, keeping the old index', async () => {
    const bad = join(work, 'corpora', 'housing', 'faq.jsonl');
    await writeFile(bad, '{"id": "a", "question": {"en": "Q?"}, "answer": {"en": "A."}}\n{"id": "a", "question": {"en": "Q?"}, "answer": {"en": "A."}}\n');
    const io = capture(work);
    expect(await main(['ingest', 'corpora'], io)).toBe(1);
    expect(io.stderr()).toContain('corpora/housing/faq.jsonl:2 field "id": duplicate id "a"');
    expect(io.stdout()).toMatch(/iam-smart: \d+ entries \(unchanged\)/);
    const ask = capture(work);
    await main(['ask', '--bot', 'housing', '--json', 'How do I apply for public rental housing?'], ask);
    expect(JSON.parse(ask.stdout()).abstained).toBe(false);
  });

  it('explains usage mistakes with exit code 2', async () => {
    const io = capture(work);
    expect(await main(['ask', 'no bot given'], io)).toBe(2);
    expect(io.stderr()).toContain('--bot is required');
    expect(await main(['frobnicate'], capture(work))).toBe(2);
    const missing = capture(work);
    expect(await main(['ask', '--bot', 'nope', 'hi'], missing)).toBe(1);
    expect(missing.stderr()).toContain('no index for bot "nope"');
  });

  it('runs as the installed bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'packages/cli/bin/govchat.js'), 'bots', '--data-dir', join(work, 'data'), '--json']);
    expect(JSON.parse(stdout).map((b: { id: string }) => b.id)).toEqual(['housing', 'iam-smart']);
  });
});
