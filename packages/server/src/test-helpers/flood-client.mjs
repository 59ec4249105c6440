// A client that floods asks, run as its own process so its work does not land on the event loop
// of the server under test (flood-isolation.test.ts). Bounded: `total` asks sent in batches,
// then it waits (at most 20 s) for one terminal event per ask and prints a JSON summary.
//
// node flood-client.mjs <url> <bot> <total> <batch> <intervalMs> <x-forwarded-for>
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from 'socket.io-client';

const [url, bot, totalArg, batchArg, intervalArg, forwardedFor] = process.argv.slice(2);
const total = Number(totalArg);
const batch = Number(batchArg);
const intervalMs = Number(intervalArg);

const socket = io(`${url}/chat`, {
  auth: { bot },
  transports: ['websocket'],
  reconnection: false,
  forceNew: true,
  extraHeaders: { 'x-forwarded-for': forwardedFor },
});
const terminals = new Map();
const codes = {};
let allSent = false;
let sendMs = 0;
let finished = false;

function finish() {
  if (finished) return;
  finished = true;
  const duplicates = [...terminals.values()].filter((n) => n > 1).length;
  process.stdout.write(`${JSON.stringify({ event: 'done', sent: total, sendMs: Math.round(sendMs), ended: terminals.size, duplicates, codes })}\n`);
  socket.close();
  process.exit(0);
}

function record(id, code) {
  terminals.set(id, (terminals.get(id) ?? 0) + 1);
  codes[code] = (codes[code] ?? 0) + 1;
  if (allSent && terminals.size >= total) finish();
}

socket.on('answer.end', ({ id }) => record(id, 'ANSWERED'));
socket.on('answer.error', ({ id, code }) => record(id, code));
socket.on('connect_error', (error) => {
  process.stdout.write(`${JSON.stringify({ event: 'error', message: error.message })}\n`);
  process.exit(1);
});
socket.once('session', async () => {
  process.stdout.write(`${JSON.stringify({ event: 'started' })}\n`);
  const started = performance.now();
  for (let sent = 0; sent < total; ) {
    for (let i = 0; i < batch && sent < total; i++, sent++) {
      socket.emit('ask', { id: `f${sent}`, text: 'How much does an HKSAR passport cost?' });
    }
    await sleep(intervalMs);
  }
  sendMs = performance.now() - started;
  allSent = true;
  if (terminals.size >= total) finish();
  setTimeout(finish, 20_000).unref();
});
setTimeout(finish, 60_000).unref();
