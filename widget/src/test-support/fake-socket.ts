import type { ChatSocket, ConnectSocket } from '../chat-connection.js';

/** A stand-in for a socket.io client socket: records what the widget emits, lets a test play the server. */
export class FakeSocket {
  connected = false;
  active = true;
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly url: string;
  readonly options: Record<string, unknown>;
  connectCalls = 0;
  disconnectCalls = 0;
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  constructor(url: string, options: Record<string, unknown>) {
    this.url = url;
    this.options = options;
  }

  on(event: string, handler: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  connect(): this {
    this.connectCalls += 1;
    return this;
  }

  disconnect(): this {
    this.disconnectCalls += 1;
    this.connected = false;
    return this;
  }

  /** Plays a server (or socket.io-internal) event to the widget. */
  receive(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  /** Simulates a successful (re)connection. */
  goOnline(): void {
    this.connected = true;
    this.receive('connect');
  }

  goOffline(reason = 'transport close'): void {
    this.connected = false;
    this.receive('disconnect', reason);
  }

  /** The handshake auth the widget would send now (the option is a callback so reconnects carry the latest session). */
  readAuth(): unknown {
    let auth: unknown;
    const option = this.options.auth as ((send: (value: unknown) => void) => void) | undefined;
    option?.((value) => {
      auth = value;
    });
    return auth;
  }

  /** Payloads of the emitted events named `event`. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }
}

/** A connect function that records the sockets it creates. */
export function createFakeConnect(): { connect: ConnectSocket; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  const connect: ConnectSocket = (url, options) => {
    const socket = new FakeSocket(url, options as Record<string, unknown>);
    sockets.push(socket);
    return socket as unknown as ChatSocket;
  };
  return { connect, sockets };
}
