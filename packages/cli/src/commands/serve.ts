import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GovchatError } from '@govchat/core';
import { createServer, loadConfig, type GovchatServer } from '@govchat/server';
import { resolveDataDir, UsageError, type CliIo } from '../cli-context.js';

export const SERVE_USAGE = 'govchat serve [--port N] [--host HOST] [--data-dir DIR] [--corpora DIR]';

export interface ServeOptions {
  /** Stops the server when it settles (tests); by default SIGINT or SIGTERM does. */
  readonly until?: Promise<unknown>;
}

/**
 * `govchat serve`: ingests stale corpora, serves the API, Socket.IO, widget and demo pages, and
 * shuts down gracefully on SIGINT/SIGTERM (a second signal exits at once). Settings come from
 * the flags, then the environment (docs/configuration.md).
 */
export async function runServe(argv: readonly string[], io: CliIo, options: ServeOptions = {}): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      corpora: { type: 'string' },
    },
    allowPositionals: false,
  });
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new UsageError(`--port must be a number, not "${values.port}"`);
  const config = loadConfig(io.env, {
    ...(values.port === undefined ? {} : { port: Number(values.port) }),
    ...(values.host === undefined ? {} : { host: values.host }),
    dataDir: resolveDataDir(io, values['data-dir']),
    corporaDir: resolve(io.cwd, values.corpora ?? io.env.GOVCHAT_CORPORA_DIR ?? 'corpora'),
  });

  io.out(`govchat: preparing bots from ${config.corporaDir} …\n`);
  const server = await createServer(config);
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    await server.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new GovchatError('CONFIG_INVALID', `cannot listen on ${config.host}:${config.port} (${code}); choose another with --port or PORT`);
    }
    throw error;
  }
  io.out(describeService(server, url));

  await new Promise<void>((done) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => stop(signal);
    function stop(reason: string): void {
      if (stopping) {
        io.err('forced exit\n');
        process.exit(1);
      }
      stopping = true;
      io.out(`\n${reason}: finishing answers in flight, then stopping …\n`);
      void server.close().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        done();
      });
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    void options.until?.then(() => stop('stop requested'));
  });
  io.out('govchat: stopped\n');
  return 0;
}

function describeService(server: GovchatServer, url: string): string {
  const { config } = server;
  const bots = server.listBots();
  const adminKeys = Object.keys(config.botAdminKeys);
  const admin =
    config.adminKey !== undefined
      ? 'enabled (GOVCHAT_ADMIN_KEY)'
      : adminKeys.length > 0
        ? `enabled for ${adminKeys.join(', ')}`
        : 'disabled (set GOVCHAT_ADMIN_KEY to enable)';
  const widget = existsSync(config.widgetFile) ? `${url}/widget.js` : `${url}/widget.js (not built yet: run "npm run build")`;
  const lines = [
    '',
    `govchat is serving ${bots.length} bot${bots.length === 1 ? '' : 's'} at ${url}`,
    `  API        ${url}/api/bots   (OpenAPI: ${url}/api/openapi.json)`,
    `  ask        curl -s ${url}/api/bots/${bots[0] ?? '<bot>'}/ask -H 'content-type: application/json' -d '{"text":"…"}'`,
    `  Socket.IO  ${url}/chat   (auth: {bot}; see docs/protocol.md)`,
    `  widget     ${widget}`,
    ...bots.map((bot, i) => `  ${i === 0 ? 'demo      ' : '          '} ${url}/demo/${bot}`),
    `  health     ${url}/healthz   ${url}/readyz   metrics ${url}/metrics`,
    `  admin API  ${admin}`,
    'Press Ctrl+C to stop.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
