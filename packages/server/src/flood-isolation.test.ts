import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connectChat, prepareTestData, startServer, type ChatClient, type RunningServer, type TestData } from './test-helpers/server-fixture.js';

/**
 * One client floods asks; everyone else must not notice. The flooding client is its own process
 * (test-helpers/flood-client.mjs), so its own work does not land on the server's event loop; the
 * server and three ordinary clients run here. Clients are told apart by X-Forwarded-For (the
 * server trusts its proxy, as in production), so the flood is limited per session and per IP
 * exactly as a real abusive client would be.
 *
 * The one timing assertion, the issue's "within 2× of the unloaded figure", compares medians of
 * bounded samples: the ordinary clients' round trip (ask → answer.end, measured by the client)
 * before and after the flood (the unloaded figure) against during it. Medians ignore the odd GC
 * pause; measuring before *and* after cancels drift from whatever else the machine is doing.
 * SLACK_MS is added to the 2× bound because unloaded medians are a few milliseconds: on a shared
 * 2-core CI machine one scheduler hiccup at that scale is a doubling, not a regression.
 */

const FLOOD = { total: 2000, batch: 20, intervalMs: 40 }; // 2000 asks over ~4 s, in bursts of 20
const SESSION_LIMIT = 100;
const IP_LIMIT = 1000;
// With the default 2 asks in flight per socket most of a flood is refused BUSY before it reaches
// the rate limiter, and how much reaches it depends on the machine's speed. 20 (one burst) lets
// the flood run its whole allowance at once — a harder load on the server — and then be stopped
// by the limiter.
const MAX_CONCURRENT_ASKS = 20;
const SLACK_MS = 5;
const FLOOD_CLIENT = fileURLToPath(new URL('./test-helpers/flood-client.mjs', import.meta.url));
const QUESTIONS = ['How much does an HKSAR passport cost?', '點樣申請護照', 'How do I replace a lost identity card?', '續期護照要幾耐'];

let data: TestData;
let main: RunningServer;
const clients: ChatClient[] = [];

beforeAll(async () => {
  data = await prepareTestData(['immigration']);
  main = await startServer(data, {
    trustProxy: true,
    rateLimitPerSession: SESSION_LIMIT,
    rateLimitPerIp: IP_LIMIT,
    maxConcurrentAsks: MAX_CONCURRENT_ASKS,
  });
  for (let i = 1; i <= 3; i++) {
    const { socket } = await connectChat(main.url, { bot: 'immigration' }, { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
    clients.push(socket);
  }
});

afterAll(async () => {
  for (const socket of clients) socket.close();
  await main?.server.close();
  await data?.remove();
});

let sequence = 0;

/**
 * Each client asks one question at a time, at most one per `paceMs`, until it has asked `count`
 * or `until()` says stop. Returns every round trip in ms; any error fails the test.
 */
async function measure(count: number, paceMs: number, until: () => boolean = () => false): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    clients.map(async (socket) => {
      for (let i = 0; i < count && !until(); i++) {
        const id = `m${sequence++}`;
        const started = performance.now();
        const events = await ask(socket, { id, text: QUESTIONS[i % QUESTIONS.length]! });
        const elapsed = performance.now() - started;
        expect(events.error, `ordinary client ask ${id}`).toBeUndefined();
        times.push(elapsed);
        await sleep(Math.max(0, paceMs - elapsed));
      }
    }),
  );
  return times;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface FloodSummary {
  sent: number;
  sendMs: number;
  ended: number;
  duplicates: number;
  codes: Record<string, number>;
}

/** Starts the flooding process; `started` resolves once it is connected and sending. */
function startFlood(): { started: Promise<void>; done: Promise<FloodSummary> } {
  const child = spawn(
    process.execPath,
    [FLOOD_CLIENT, main.url, 'immigration', String(FLOOD.total), String(FLOOD.batch), String(FLOOD.intervalMs), '203.0.113.66'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let onStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const done = new Promise<FloodSummary>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the flood client did not finish within 40 s:\n${output}`));
    }, 40_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (line.includes('"started"')) onStarted();
        if (line.includes('"done"')) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as FloodSummary);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) {
        clearTimeout(timer);
        reject(new Error(`the flood client exited ${code}:\n${output}`));
      }
    });
  });
  return { started, done };
}

describe('one client flooding asks', () => {
  it('is rate-limited, while the other clients stay within 2× of their unloaded latency', async () => {
    await measure(5, 0); // warm-up: JIT, caches
    const before = await measure(15, 60);

    const flood = startFlood();
    await flood.started;
    let flooding = true;
    const finished = flood.done.finally(() => (flooding = false));
    const during = await measure(50, 60, () => !flooding);
    const summary = await finished;

    const after = await measure(15, 60);
    const unloaded = median([...before, ...after]);
    const loaded = median(during);
    console.info(
      `flood: ${summary.sent} asks sent in ${summary.sendMs} ms → ${JSON.stringify(summary.codes)}; ` +
        `other clients' median round trip ${unloaded.toFixed(1)} ms unloaded (n=${before.length + after.length}), ` +
        `${loaded.toFixed(1)} ms during the flood (n=${during.length}); bound 2 × ${unloaded.toFixed(1)} + ${SLACK_MS} ms`,
    );

    // The flood: every ask ended exactly once; at most its session's allowance was answered.
    expect(summary.ended).toBe(FLOOD.total);
    expect(summary.duplicates).toBe(0);
    expect(summary.codes.ANSWERED ?? 0).toBeLessThanOrEqual(SESSION_LIMIT);
    const { ANSWERED = 0, RATE_LIMITED = 0, BUSY = 0 } = summary.codes;
    expect(ANSWERED + RATE_LIMITED + BUSY).toBe(FLOOD.total);
    expect(RATE_LIMITED).toBeGreaterThan(FLOOD.total / 2);
    // The others were measured while the flood ran, and stayed within the bound.
    expect(during.length).toBeGreaterThanOrEqual(30);
    expect(loaded).toBeLessThanOrEqual(2 * unloaded + SLACK_MS);

    const metrics = await (await fetch(`${main.url}/metrics`)).text();
    const rejected = Number(/govchat_asks_total\{bot="immigration",outcome="rejected"\} (\d+)/.exec(metrics)?.[1] ?? 0);
    expect(rejected).toBeGreaterThanOrEqual(FLOOD.total - SESSION_LIMIT);
  });
});
