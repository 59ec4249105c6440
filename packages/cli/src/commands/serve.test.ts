import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-context.js';
import { main } from '../main.js';
import { runServe } from './serve.js';

const corpusDir = fileURLToPath(new URL('../../../../corpora/labour', import.meta.url));

function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CliIo & { output: () => string } {
  let out = '';
  return { out: (t) => void (out += t), err: (t) => void (out += t), cwd, env, isTTY: false, output: () => out };
}

describe('govchat serve', () => {
  it('ingests the corpora, serves, prints the URLs and stops gracefully', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-serve-'));
    await cp(corpusDir, join(cwd, 'corpora', 'labour'), { recursive: true });
    const io = captureIo(cwd, { GOVCHAT_LOG_LEVEL: 'silent' });
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = runServe(['--port', '0', '--host', '127.0.0.1'], io, { until });

    let url: string | undefined;
    for (let i = 0; i < 200 && url === undefined; i++) {
      url = /serving 1 bot at (http:\/\/127\.0\.0\.1:\d+)/.exec(io.output())?.[1];
      if (url === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(url).toBeDefined();
    expect(io.output()).toContain(`${url}/demo/labour`);
    expect(io.output()).toContain(`${url}/api/openapi.json`);
    expect(await readdir(join(cwd, 'data'))).toEqual(expect.arrayContaining(['labour', 'govchat.sqlite']));
    const answer = await fetch(`${url}/api/bots/labour/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'What is the statutory minimum wage?' }),
    });
    expect(answer.status).toBe(200);
    stop();
    expect(await running).toBe(0);
    expect(io.output()).toContain('govchat: stopped');
  });

  it('rejects a bad port as a usage error, and a bad variable naming it', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'govchat-cli-serve-'));
    const usage = captureIo(cwd);
    expect(await main(['serve', '--port', 'abc'], usage)).toBe(2);
    expect(usage.output()).toContain('--port must be a number');
    const invalid = captureIo(cwd, { GOVCHAT_RATE_LIMIT_PER_IP: 'lots' });
    expect(await main(['serve'], invalid)).toBe(1);
    expect(invalid.output()).toContain('GOVCHAT_RATE_LIMIT_PER_IP must be a whole number (got "lots")');
  });
});
