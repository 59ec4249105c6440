// Child process: a share of the simulated citizens for one concurrency level.
//   node service-load-client.mjs '<json: { url, bot, sockets, firstSocket, queriesFile, seed }>'
// IPC: connects its sockets and sends { type: 'connected' }; then for each { type: 'run', phase }
// every socket holds a conversation (ask, wait for answer.end, think, ask again) and the
// process sends { type: 'phase', … } with the raw timings; 'stop' closes the sockets and exits.
//
// Timings are taken here, on the client side of a real socket: from just before `emit('ask')`
// to the first `answer.delta`, and to `answer.end`. They include the loopback network, both
// Socket.IO stacks and this process's own event loop, whose delay is reported alongside.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRandom, mixSeed } from './seeded-random.mjs';
import { connectSockets } from './socket-connect.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
process.on('disconnect', () => process.exit(1));
const queries = JSON.parse(readFileSync(config.queriesFile, 'utf8'));
const now = () => performance.timeOrigin + performance.now(); // epoch ms, comparable across processes

const { sockets, failures } = await connectSockets({ url: config.url, bot: config.bot, count: config.sockets, deadline: config.connectDeadline });
const citizens = sockets.map((socket, i) => createCitizen(socket, config.firstSocket + i));
process.send({ type: 'connected', connected: sockets.length, failures });

process.on('message', async (message) => {
  if (message?.type === 'run') process.send(await runPhase(message.phase));
  if (message?.type === 'stop') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});

/**
 * One simulated citizen on one socket: one question in flight at a time (as in the widget), each
 * with a fresh id. Routes the socket's answer events to the ask they belong to.
 */
function createCitizen(socket, index) {
  const pending = new Map();
  let disconnected = false;
  const finish = (id, outcome) => {
    const ask = pending.get(id);
    if (ask === undefined) return;
    pending.delete(id);
    clearTimeout(ask.timer);
    ask.resolve({ ...outcome, firstDeltaMs: ask.firstDeltaMs, expectedId: ask.expectedId, topId: ask.topId });
  };
  socket.on('answer.delta', ({ id }) => {
    const ask = pending.get(id);
    if (ask !== undefined && ask.firstDeltaMs === undefined) ask.firstDeltaMs = performance.now() - ask.sentAt;
  });
  socket.on('answer.sources', ({ id, sources }) => {
    const ask = pending.get(id);
    if (ask !== undefined) ask.topId = sources[0]?.id;
  });
  socket.on('answer.end', ({ id, latencyMs }) => {
    const ask = pending.get(id);
    if (ask !== undefined) finish(id, { ok: true, endMs: performance.now() - ask.sentAt, serverMs: latencyMs });
  });
  socket.on('answer.error', ({ id, code }) => finish(id, { ok: false, code }));
  socket.on('disconnect', () => {
    disconnected = true;
    for (const id of [...pending.keys()]) finish(id, { ok: false, code: 'DISCONNECTED' });
  });

  let asked = 0;
  return {
    index,
    ask(query, timeoutMs) {
      if (disconnected) return Promise.resolve({ ok: false, code: 'DISCONNECTED' });
      const id = `c${index}-${asked++}`;
      return new Promise((resolve) => {
        const ask = { resolve, expectedId: query.expectedId, sentAt: performance.now() };
        ask.timer = setTimeout(() => finish(id, { ok: false, code: 'CLIENT_TIMEOUT' }), timeoutMs);
        pending.set(id, ask);
        socket.emit('ask', { id, text: query.text });
      });
    },
  };
}

/**
 * Every citizen asks `asksPerSocket` questions: first after a random stagger (so the level does
 * not start as one burst), then each after a random think time following the previous answer.
 * Stops asking at `deadline`; an ask already sent is still waited for (up to its timeout).
 */
async function runPhase(phase) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  const samples = { firstDeltaMs: [], endMs: [], serverMs: [] };
  const errors = {};
  let hits = 0;
  let answered = 0;
  let first = Infinity;
  let last = 0;
  await Promise.all(
    citizens.map(async (citizen) => {
      const random = createRandom(mixSeed(config.seed + phase.seed, citizen.index));
      await sleep(random.next() * phase.staggerMs);
      for (let j = 0; j < phase.asksPerSocket && now() < phase.deadline; j++) {
        if (j > 0) await sleep(phase.thinkMinMs + random.next() * (phase.thinkMaxMs - phase.thinkMinMs));
        const query = queries[(citizen.index * phase.asksPerSocket + j + phase.queryOffset) % queries.length];
        first = Math.min(first, now());
        const result = await citizen.ask(query, phase.askTimeoutMs);
        last = Math.max(last, now());
        if (!result.ok) {
          errors[result.code] = (errors[result.code] ?? 0) + 1;
          continue;
        }
        if (result.firstDeltaMs === undefined) errors.NO_DELTA = (errors.NO_DELTA ?? 0) + 1;
        else samples.firstDeltaMs.push(result.firstDeltaMs);
        samples.endMs.push(result.endMs);
        samples.serverMs.push(result.serverMs);
        answered++;
        if (result.topId === result.expectedId) hits++;
      }
    }),
  );
  loop.disable();
  const used = process.cpuUsage(cpu);
  return {
    type: 'phase',
    name: phase.name,
    samples,
    answered,
    hits,
    errors,
    firstAskAt: first,
    lastEndAt: last,
    cpuSeconds: (used.user + used.system) / 1e6,
    eventLoopDelayP99Ms: Math.round((loop.percentile(99) / 1e6) * 100) / 100,
  };
}
