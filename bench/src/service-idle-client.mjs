// Child process: holds idle Socket.IO connections (websocket transport, as the widget) open.
//   node service-idle-client.mjs '<json: { url, bot }>'
// IPC: { type: 'open', count, deadline } opens `count` more and answers { type: 'opened' };
// { type: 'check' } answers how many are still connected ({ type: 'held' }); 'stop' closes
// them and exits. Exits at once if the benchmark goes away.
import { connectSockets } from './socket-connect.mjs';
import { readOwnFdLimit } from './proc-stats.mjs';

const { url, bot } = JSON.parse(process.argv[2] ?? '{}');
process.on('disconnect', () => process.exit(1));

const sockets = [];
const disconnects = {};
process.send({ type: 'ready', fdLimit: readOwnFdLimit() });

process.on('message', async (message) => {
  switch (message?.type) {
    case 'open': {
      const opened = await connectSockets({ url, bot, count: message.count, deadline: message.deadline });
      for (const socket of opened.sockets) {
        // An idle connection the server drops (ping timeout, a limit) must show in the figure.
        socket.once('disconnect', (reason) => {
          disconnects[reason] = (disconnects[reason] ?? 0) + 1;
        });
        sockets.push(socket);
      }
      process.send({ type: 'opened', held: countConnected(), failures: opened.failures });
      break;
    }
    case 'check':
      process.send({ type: 'held', held: countConnected(), disconnects });
      break;
    case 'stop':
      for (const socket of sockets) socket.close();
      process.exit(0);
  }
});

function countConnected() {
  return sockets.reduce((n, s) => n + (s.connected ? 1 : 0), 0);
}
