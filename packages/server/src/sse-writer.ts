import type { Response } from 'express';

export interface EventStream {
  /** Writes one event: `event: <name>`, `data: <JSON>`, blank line. */
  send(event: string, data: unknown): void;
  end(): void;
}

/**
 * Turns a response into a Server-Sent Events stream. Payloads are single-line JSON (JSON.stringify
 * escapes newlines), so every event is exactly one `event:` and one `data:` line.
 *
 * @example const stream = openEventStream(res); stream.send('answer.delta', { id, text }); stream.end();
 */
export function openEventStream(res: Response): EventStream {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx and similar proxies buffer responses by default, which would hold back every delta.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  return {
    send(event, data) {
      // The client may have gone: its ask is being cancelled, and there is no one left to tell.
      if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
