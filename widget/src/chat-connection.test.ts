import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatConnection, describeSocketEndpoint, RECONNECT_OPTIONS } from './chat-connection.js';
import type { ChatAction } from './chat-state.js';
import { createFakeConnect } from './test-support/fake-socket.js';

function setUp(session?: string) {
  const { connect, sockets } = createFakeConnect();
  const actions: ChatAction[] = [];
  let current = session;
  const connection = createChatConnection({
    server: 'https://chat.example.gov.hk',
    bot: 'iam-smart',
    getSession: () => current,
    dispatch: (action) => actions.push(action),
    connect,
  });
  const socket = sockets[0];
  if (!socket) throw new Error('no socket created');
  return { connection, socket, actions, setSession: (s: string) => (current = s) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('describeSocketEndpoint', () => {
  it('connects to /chat on the server origin, with the socket.io path under its mount point', () => {
    expect(describeSocketEndpoint('https://x.gov.hk')).toEqual({ url: 'https://x.gov.hk/chat', path: '/socket.io' });
    expect(describeSocketEndpoint('https://x.gov.hk/govchat/')).toEqual({ url: 'https://x.gov.hk/chat', path: '/govchat/socket.io' });
  });
});

describe('createChatConnection', () => {
  it('opens its own connection with exponential backoff', () => {
    const { socket } = setUp();
    expect(socket.url).toBe('https://chat.example.gov.hk/chat');
    expect(socket.options).toMatchObject({ ...RECONNECT_OPTIONS, forceNew: true, path: '/socket.io' });
    expect(RECONNECT_OPTIONS.reconnectionDelayMax).toBeGreaterThan(RECONNECT_OPTIONS.reconnectionDelay);
  });

  it('sends the bot, and the latest session on every (re)connect', () => {
    const { socket, setSession } = setUp();
    expect(socket.readAuth()).toEqual({ bot: 'iam-smart' });
    setSession('s-1');
    expect(socket.readAuth()).toEqual({ bot: 'iam-smart', session: 's-1' });
  });

  it('maps every server event to a state action', () => {
    const { socket, actions } = setUp();
    socket.goOnline();
    socket.receive('session', { session: 's-9' });
    socket.receive('answer.start', { id: 'a', lang: 'zh-CN' });
    socket.receive('answer.delta', { id: 'a', text: '你' });
    socket.receive('answer.reset', { id: 'a', reason: 'no-citation' });
    socket.receive('answer.sources', { id: 'a', sources: [], related: [] });
    socket.receive('answer.end', { id: 'a', abstained: true, latencyMs: 12 });
    socket.receive('answer.error', { id: 'b', code: 'BUSY', message: 'busy' });
    expect(actions).toEqual([
      { type: 'connection', state: 'online' },
      { type: 'session', session: 's-9' },
      { type: 'answer-start', id: 'a', lang: 'zh-CN' },
      { type: 'answer-delta', id: 'a', text: '你' },
      { type: 'answer-reset', id: 'a' },
      { type: 'answer-sources', id: 'a', sources: [], related: [] },
      { type: 'answer-end', id: 'a', abstained: true },
      { type: 'answer-error', id: 'b', code: 'BUSY' },
    ]);
  });

  it('refuses to ask while offline, and asks once online', () => {
    const { connection, socket } = setUp();
    expect(connection.ask({ id: '1', text: 'hi' })).toBe(false);
    socket.goOnline();
    expect(connection.ask({ id: '2', text: 'hi', lang: 'en' })).toBe(true);
    expect(socket.sent('ask')).toEqual([{ id: '2', text: 'hi', lang: 'en' }]);
  });

  it('reports offline while socket.io retries, and failed when the handshake is refused', () => {
    const { socket, actions } = setUp();
    socket.receive('connect_error', new Error('xhr poll error'));
    socket.active = false;
    socket.receive('connect_error', new Error('BOT_NOT_FOUND'));
    expect(actions).toEqual([
      { type: 'connection', state: 'offline' },
      { type: 'connection', state: 'failed' },
    ]);
  });

  it('retries a handshake refused because the server is restarting', () => {
    vi.useFakeTimers();
    const { socket, actions } = setUp();
    socket.active = false;
    socket.receive('connect_error', Object.assign(new Error('shutting down'), { data: { code: 'BUSY', message: '…' } }));
    expect(actions).toEqual([{ type: 'connection', state: 'offline' }]);
    vi.advanceTimersByTime(RECONNECT_OPTIONS.reconnectionDelay);
    expect(socket.connectCalls).toBe(1);
    socket.receive('connect_error', Object.assign(new Error('unknown bot'), { data: { code: 'BOT_NOT_FOUND', message: '…' } }));
    expect(actions.at(-1)).toEqual({ type: 'connection', state: 'failed' });
    vi.advanceTimersByTime(60_000);
    expect(socket.connectCalls).toBe(1);
  });

  it('reconnects by itself, with growing delays, when the server closes the socket', () => {
    vi.useFakeTimers();
    const { socket, actions } = setUp();
    socket.goOnline();
    socket.goOffline('io server disconnect');
    expect(actions.at(-1)).toEqual({ type: 'connection', state: 'offline' });
    vi.advanceTimersByTime(RECONNECT_OPTIONS.reconnectionDelay - 1);
    expect(socket.connectCalls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connectCalls).toBe(1);
    socket.goOffline('io server disconnect');
    vi.advanceTimersByTime(RECONNECT_OPTIONS.reconnectionDelay);
    expect(socket.connectCalls).toBe(1);
    vi.advanceTimersByTime(RECONNECT_OPTIONS.reconnectionDelay);
    expect(socket.connectCalls).toBe(2);
  });

  it('leaves transport-level reconnection to socket.io', () => {
    vi.useFakeTimers();
    const { socket } = setUp();
    socket.goOnline();
    socket.goOffline('transport close');
    vi.advanceTimersByTime(60_000);
    expect(socket.connectCalls).toBe(0);
  });

  it('sends cancel and feedback, and stops everything on close', () => {
    vi.useFakeTimers();
    const { connection, socket, actions } = setUp();
    socket.goOnline();
    connection.cancel('a');
    connection.feedback({ id: 'a', rating: 'up' });
    expect(socket.sent('cancel')).toEqual([{ id: 'a' }]);
    expect(socket.sent('feedback')).toEqual([{ id: 'a', rating: 'up' }]);
    socket.goOffline('io server disconnect');
    connection.close();
    vi.advanceTimersByTime(60_000);
    expect(socket.connectCalls).toBe(0);
    expect(socket.disconnectCalls).toBe(1);
    const count = actions.length;
    socket.receive('connect_error', new Error('late'));
    expect(actions).toHaveLength(count);
  });
});
