import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './test-helpers/ensure-built.js';
import { ask, connectChat, postJson, prepareTestData, type ChatClient, type TestData } from './test-helpers/server-fixture.js';
import { startServeProcess, type ServeProcess } from './test-helpers/serve-process.js';

/**
 * The database failing under a running server — locked by another process, or the disk full —
 * must cost citizens nothing: answers keep flowing, the failure is logged and counted, and what
 * could not be written waits and is written once the database is back. Each server here is a
 * `govchat serve` child process: its logs can be read, and a file-size limit can be put on it.
 */

const QUESTIONS = ['How much does an HKSAR passport cost?', '點樣申請護照', 'How do I replace a lost identity card?', '要幾多錢'];

let data: TestData;
const running: ServeProcess[] = [];
const sockets: ChatClient[] = [];

beforeAll(async () => {
  await ensureBuilt();
  data = await prepareTestData(['immigration']);
}, 240_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(running.map((node) => node.stop()));
  await data?.remove();
});

async function serve(dbFile: string, fileSizeLimitKb?: number): Promise<ServeProcess> {
  const node = await startServeProcess({
    dataDir: data.dataDir,
    corporaDir: data.corporaDir,
    env: { GOVCHAT_DB_FILE: dbFile, GOVCHAT_RATE_LIMIT_PER_SESSION: '1000', GOVCHAT_RATE_LIMIT_PER_IP: '100000' },
    ...(fileSizeLimitKb === undefined ? {} : { fileSizeLimitKb }),
  });
  running.push(node);
  return node;
}

async function metric(node: ServeProcess, pattern: RegExp): Promise<number> {
  const match = pattern.exec(await (await fetch(`${node.url}/metrics`)).text());
  return match === null ? 0 : Number(match[1]);
}

/** Asks `count` questions one after another on one socket; returns each one's client-side time. */
async function askMany(url: string, count: number, prefix: string): Promise<{ answered: number; ms: number[] }> {
  const { socket } = await connectChat(url, { bot: 'immigration' });
  sockets.push(socket);
  let answered = 0;
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const events = await ask(socket, { id: `${prefix}${i}`, text: QUESTIONS[i % QUESTIONS.length]! });
    ms.push(performance.now() - started);
    if (events.end !== undefined && events.text.length > 0) answered++;
  }
  socket.close();
  return { answered, ms };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the database locked by another process', () => {
  it('answers keep flowing, the failure is logged and counted, and every record is written once the lock goes', async () => {
    const dbFile = join(data.root, 'locked.sqlite');
    const node = await serve(dbFile);
    expect((await askMany(node.url, 10, 'w')).answered).toBe(10);
    const before = await askMany(node.url, 20, 'b');
    expect(before.answered).toBe(20);
    await eventually(async () => (await metric(node, /^govchat_db_pending_writes (\d+)/m)) === 0, 5000, 'warm-up written');

    const lock = new Database(dbFile, { timeout: 5000 });
    lock.exec('BEGIN EXCLUSIVE');
    let during;
    let rest;
    try {
      during = await askMany(node.url, 20, 'l');
      rest = await postJson(`${node.url}/api/bots/immigration/ask`, { text: QUESTIONS[0] });
      expect(await metric(node, /^govchat_db_errors_total\{op="save-turn"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
      expect(await metric(node, /^govchat_db_pending_writes (\d+)/m)).toBeGreaterThanOrEqual(20);
      const logged = await node.waitForLog((line) => line.msg === 'database operation failed; answering goes on', 5000);
      expect(logged).toMatchObject({ level: 50, op: 'save-turn', err: { code: 'SQLITE_BUSY' } });
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(during.answered).toBe(20);
    expect(rest.status).toBe(200);
    console.info(`database locked: median ask ${median(before.ms).toFixed(1)} ms before, ${median(during.ms).toFixed(1)} ms while locked`);

    // The retry (backoff: at most 15 s) writes what waited: nothing was lost.
    await eventually(async () => (await metric(node, /^govchat_db_pending_writes (\d+)/m)) === 0, 25_000, 'the waiting records written');
    expect(await metric(node, /^govchat_db_dropped_writes_total (\d+)/m)).toBe(0);
    const check = new Database(dbFile, { readonly: true });
    try {
      expect((check.prepare('SELECT COUNT(*) AS n FROM turns').get() as { n: number }).n).toBe(10 + 20 + 20 + 1);
    } finally {
      check.close();
    }
  }, 60_000);
});

describe('the disk full', () => {
  it('answers keep flowing, and the failed writes are logged and counted', async () => {
    const dir = join(data.root, 'small-disk');
    await mkdir(dir);
    // `ulimit -f`: the server process may not grow a file past 200 KiB, so once the database and
    // its WAL reach that, SQLite's writes fail as they do on a full disk (EFBIG / a short write).
    const node = await serve(join(dir, 'govchat.sqlite'), 200);
    const result = await askMany(node.url, 120, 'f');
    expect(result.answered).toBe(120);
    expect(await metric(node, /^govchat_db_errors_total\{op="save-turn"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    const logged = await node.waitForLog((line) => line.msg === 'database operation failed; answering goes on', 5000);
    const code = String((logged.err as { code?: string }).code);
    expect(code).toMatch(/^SQLITE_(FULL|IOERR)/);
    const pending = await metric(node, /^govchat_db_pending_writes (\d+)/m);
    console.info(`disk full: 120 of 120 asks answered; writes failing with ${code}, ${pending} records waiting for space`);
    expect(pending).toBeGreaterThan(0);
    // Still serving everything else.
    expect((await postJson(`${node.url}/api/bots/immigration/ask`, { text: QUESTIONS[0] })).status).toBe(200);
    expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
  }, 60_000);
});
