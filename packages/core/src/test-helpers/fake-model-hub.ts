import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FakeModelHub {
  /** Base URL to give as the hub (`remoteHost`, `--hub`, HF_ENDPOINT), ending in '/'. */
  readonly url: string;
  /** Paths requested so far. */
  readonly requested: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for huggingface.co: answers `/<org>/<name>/resolve/main/<file>` from
 * `<modelsDir>/<org>/<name>/<file>` (404 otherwise), so downloads are tested offline.
 *
 * @example
 * const hub = await startFakeModelHub(dirWithTinyModel);
 * await fetchTransformerModel({ model: 'govchat-test/tiny-e5', modelsDir: target, remoteHost: hub.url });
 */
export async function startFakeModelHub(modelsDir: string): Promise<FakeModelHub> {
  const requested: string[] = [];
  const server = createServer((req, res) => {
    const url = decodeURIComponent(req.url ?? '');
    requested.push(url);
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(url);
    if (match === null || url.includes('..')) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    const path = join(modelsDir, ...match[1]!.split('/'), match[2]!);
    void stat(path)
      .then((info) => {
        res.writeHead(200, { 'content-length': info.size, 'content-type': 'application/octet-stream' });
        createReadStream(path).pipe(res);
      })
      .catch(() => res.writeHead(404).end('Entry not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
