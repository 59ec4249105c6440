import { isUtf8 } from 'node:buffer';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { GovchatError } from '@govchat/core';
import { Server as SocketServer } from 'socket.io';
import { requireAdmin, requireMetricsKey } from './admin-auth.js';
import { createAdminRoutes } from './admin-routes.js';
import { createAskRunner } from './ask-runner.js';
import { createBotRegistry } from './bot-registry.js';
import { attachChatNamespace } from './chat-socket.js';
import { createClusterAdapter, linkCluster, type ClusterLink } from './cluster-link.js';
import { createCrossNodeLock, type CrossNodeLock } from './cross-node-lock.js';
import { createChatRoutes } from './chat-routes.js';
import { openChatStore } from './chat-store.js';
import { withHttpStatus } from './client-error.js';
import { loadConfig, type ServerConfig } from './config.js';
import { UPLOAD_TYPES_MESSAGE, createCorpusUploader, type CorpusUploader } from './corpus-upload.js';
import { botCors, publicCors } from './cors-policy.js';
import { handleHttpError, handleNotFound } from './error-handler.js';
import { createFeedbackRecorder } from './feedback-recorder.js';
import { watchIndexes } from './index-watcher.js';
import { createEngineFactory } from './engine-factory.js';
import { loadBotEngine, loadBots } from './load-bots.js';
import { createOpenApiDocument } from './openapi-document.js';
import { createOpsRoutes } from './ops-routes.js';
import { createPageRoutes } from './page-routes.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { connectRedis, describeTarget, type RedisLink } from './redis-link.js';
import { mountRoutes, type RouteSpec } from './route-table.js';
import { securityHeaders } from './security-headers.js';
import { createServerLogger } from './server-logger.js';
import { createServerMetrics } from './server-metrics.js';
import { ASKS_KEPT, createSessionManager } from './session-manager.js';
import { createSharedRateLimiter } from './shared-rate-limiter.js';
import { createSharedSessions } from './shared-sessions.js';
import { createWireSchemas } from './wire-schemas.js';

/** A configured govchat service, not yet listening. */
export interface GovchatServer {
  readonly config: ServerConfig;
  readonly httpServer: HttpServer;
  /** Starts listening; resolves to the base URL (`http://127.0.0.1:54321` for port 0). */
  listen(): Promise<string>;
  /**
   * Graceful shutdown: stop accepting connections, let in-flight answers finish (up to
   * `shutdownGraceMs`, then cancel them), close sockets, close the database. Idempotent.
   */
  close(): Promise<void>;
  /** Ids of the bots being served. */
  listBots(): string[];
}

const VERSION = '0.1.0';
const DAY_MS = 86_400_000;

/** What a server reads besides its config: the environment for per-bot answerer settings (tests inject one). */
export interface ServerRuntime {
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Builds the whole service from configuration (environment variables, then `overrides`):
 * ingests stale corpora, loads every bot, opens the database, and wires Express (REST, admin,
 * pages, metrics) and Socket.IO (`/chat`) onto one HTTP server. With `redisUrl` it is one node of
 * several: the Socket.IO Redis adapter, conversations and rate limits shared through Redis (each
 * falling back to this node while Redis is unavailable), and indexes picked up from a shared
 * `dataDir` when another node or `govchat ingest` writes them.
 *
 * @throws GovchatError CONFIG_INVALID naming the bad variable; INTERNAL when the database cannot be opened.
 * @example
 * const server = await createServer({ port: 0, dataDir: './data' });
 * const url = await server.listen(); // http://127.0.0.1:54321
 * process.once('SIGTERM', () => void server.close());
 */
export async function createServer(overrides: Partial<ServerConfig> = {}, runtime: ServerRuntime = {}): Promise<GovchatServer> {
  const env = runtime.env ?? process.env;
  const config = loadConfig(env, overrides);
  const logger = createServerLogger(config.logLevel);
  // Each bot's answerer (extractive, or an LLM) from bot.json over GOVCHAT_ANSWERER / GOVCHAT_LLM_*.
  const makeEngine = createEngineFactory(env, logger);
  const metrics = createServerMetrics();
  const store = openChatStore(config.dbFile, {
    onError(op, error) {
      metrics.dbErrors.inc({ op });
      logger.error({ op, err: error }, 'database operation failed; answering goes on');
    },
    onPending: (count) => metrics.dbPendingWrites.set(count),
    onDrop(count, reason) {
      metrics.dbDroppedWrites.inc(count);
      // A record the database refused was logged with its error already.
      if (reason !== 'rejected') logger.error({ dropped: count, reason }, 'database unavailable for too long: conversation records dropped');
    },
  });
  // Connecting to Redis (bounded, when it is down) overlaps with loading the bots.
  const connecting =
    config.redisUrl === undefined ? undefined : connectRedis({ url: config.redisUrl, timeoutMs: config.redisTimeoutMs, logger, metrics });
  let bots;
  let redis: RedisLink | undefined;
  try {
    bots = createBotRegistry(await loadBots(config, logger, makeEngine));
    redis = await connecting;
  } catch (error) {
    store.close();
    await (await connecting?.catch(() => undefined))?.close();
    throw error;
  }
  if (bots.size === 0) logger.warn({ dataDir: config.dataDir, corporaDir: config.corporaDir }, 'no bot loaded: /readyz reports not ready');
  if (redis !== undefined) {
    logger.info({ redis: describeTarget(config.redisUrl!), prefix: config.redisPrefix }, 'multi-node: Socket.IO adapter, sessions and rate limits in Redis');
    if (!relative(config.dataDir, config.dbFile).startsWith('..')) {
      logger.warn(
        { dbFile: config.dbFile },
        'multi-node: the database is inside the data dir, which nodes share; give each node its own GOVCHAT_DB_FILE on local disk (SQLite must not be shared over NFS)',
      );
    }
  }
  const watcher = config.watchIndexes
    ? watchIndexes({ dataDir: config.dataDir, bots, logger, metrics, pollMs: config.indexPollMs, loadEngine: (dir, id) => loadBotEngine(dir, id, makeEngine) })
    : undefined;

  const pruneOld = (): void => {
    if (config.retentionDays > 0) store.pruneBefore(Date.now() - config.retentionDays * DAY_MS);
  };
  pruneOld();
  const pruneTimer = setInterval(pruneOld, DAY_MS / 4);
  pruneTimer.unref();

  const sessions = createSessionManager({
    store,
    idleMs: config.sessionIdleMs,
    historyTurns: config.historyTurns,
    ...(redis === undefined
      ? {}
      : {
          shared: createSharedSessions({
            redis,
            prefix: `${config.redisPrefix}:session:`,
            idleMs: config.sessionIdleMs,
            historyTurns: config.historyTurns,
            asksKept: ASKS_KEPT,
          }),
        }),
  });
  const rateLimiter = (limit: number): RateLimiter =>
    redis === undefined
      ? createRateLimiter({ limit, windowMs: config.rateLimitWindowMs })
      : createSharedRateLimiter({ redis, prefix: `${config.redisPrefix}:rate:`, limit, windowMs: config.rateLimitWindowMs });
  const perSession = rateLimiter(config.rateLimitPerSession);
  const perIp = rateLimiter(config.rateLimitPerIp);
  const runner = createAskRunner({
    bots,
    sessions,
    store,
    metrics,
    logger,
    answerTimeoutMs: config.answerTimeoutMs,
    streamDelayMs: config.streamDelayMs,
    historyTurns: config.historyTurns,
  });
  const recordFeedback = createFeedbackRecorder({ store, sessions, metrics });
  const schemas = createWireSchemas(config);
  let cluster: ClusterLink | undefined;
  const uploader = coordinateUploads(createCorpusUploader({ corporaDir: config.corporaDir, dataDir: config.dataDir, bots, metrics, logger, makeEngine }), {
    lock: redis === undefined ? undefined : createCrossNodeLock({ redis, prefix: `${config.redisPrefix}:lock:`, logger }),
    announce: (bot) => cluster?.announceReindex(bot),
  });
  let state: 'open' | 'closing' | 'closed' = 'open';

  const routes: RouteSpec[] = [];
  let openApi: Record<string, unknown> | undefined;
  routes.push(
    ...createChatRoutes({ bots, sessions, runner, recordFeedback, schemas, limits: { perSession, perIp }, metrics }),
    ...createAdminRoutes({ bots, store, uploader }),
    ...createPageRoutes({ bots, widgetFile: config.widgetFile }),
    ...createOpsRoutes({
      registry: metrics.registry,
      readiness: () => ({
        ready: state === 'open' && bots.size > 0,
        status: state === 'open' ? (bots.size > 0 ? 'ready' : 'no-bots') : 'shutting-down',
        bots: bots.size,
      }),
      openApi: () =>
        (openApi ??= createOpenApiDocument(routes, {
          title: 'govchat',
          version: VERSION,
          description:
            'FAQ chatbots for Hong Kong government departments. Streaming clients use Socket.IO (namespace `/chat`) or Server-Sent Events; see docs/protocol.md.',
        })),
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(function countRequest(req: Request, res: Response, next: NextFunction) {
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });
  const parseJson = express.json({ limit: config.jsonLimitBytes, strict: false, verify: rejectInvalidUtf8 });
  mountRoutes(app, routes, {
    access: {
      bot: [botCors(bots)],
      public: [publicCors()],
      none: [],
      admin: [requireAdmin(config)],
      metrics: config.metricsKey === undefined ? [] : [requireMetricsKey(config.metricsKey)],
    },
    json: function requireJson(req, res, next) {
      if (req.is('application/json') === false) {
        next(withHttpStatus(new GovchatError('INVALID_INPUT', 'send the body as JSON with Content-Type: application/json'), 415));
        return;
      }
      parseJson(req, res, next);
    },
    upload(types): RequestHandler {
      const parseText = express.text({ type: [...types], limit: config.uploadLimitBytes });
      return function requireCorpusFile(req, res, next) {
        if (!req.is([...types])) {
          next(withHttpStatus(new GovchatError('INVALID_INPUT', UPLOAD_TYPES_MESSAGE), 415));
          return;
        }
        parseText(req, res, next);
      };
    },
  });
  app.use(handleNotFound());
  app.use(handleHttpError(logger));

  const httpServer = createHttpServer(app);
  const io = new SocketServer(httpServer, {
    serveClient: false,
    maxHttpBufferSize: config.socketBufferBytes,
    // The per-bot origin check happens at the /chat handshake, where the bot is known; the
    // transport itself (long-polling) must accept any origin to get that far.
    cors: { origin: true, credentials: false },
    ...(redis === undefined ? {} : { adapter: await createClusterAdapter(redis, config.redisPrefix) }),
  });
  attachChatNamespace(io, {
    bots,
    sessions,
    runner,
    recordFeedback,
    schemas,
    limits: { perSession, perIp, maxConcurrentAsks: config.maxConcurrentAsks },
    trustProxy: config.trustProxy,
    metrics,
    logger,
    isClosing: () => state !== 'open',
  });
  if (redis !== undefined) {
    cluster = linkCluster(io.of('/chat'), { redis, watcher, registry: metrics.registry, logger, timeoutMs: config.redisTimeoutMs });
  }

  let closing: Promise<void> | undefined;
  async function shutDown(): Promise<void> {
    state = 'closing';
    logger.info({ inFlight: runner.inFlight }, 'shutting down');
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    await runner.drain(config.shutdownGraceMs);
    await uploader.idle();
    await watcher?.close();
    // Let the last answer.end frames leave before the transports close.
    await nextTurn();
    await io.close();
    httpServer.closeAllConnections();
    await stopped;
    clearInterval(pruneTimer);
    sessions.close();
    perSession.close();
    perIp.close();
    store.close();
    await redis?.close();
    state = 'closed';
    logger.info('stopped');
  }

  return {
    config,
    httpServer,
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          const url = `http://${formatHost(address.address)}:${address.port}`;
          logger.info({ url, bots: bots.list().map((b) => b.id) }, 'listening');
          resolve(url);
        });
      });
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
    listBots: () => bots.list().map((b) => b.id),
  };
}

/**
 * Several nodes: uploads for one bot run one at a time across all of them (so the shared corpus
 * file and the live index come from the same upload), and the other nodes hear of the new index
 * at once rather than at their next look at the data dir.
 */
function coordinateUploads(uploader: CorpusUploader, cluster: { lock: CrossNodeLock | undefined; announce: (bot: string) => void }): CorpusUploader {
  return {
    async upload(bot, format, text) {
      const report = await (cluster.lock === undefined ? uploader.upload(bot, format, text) : cluster.lock.run(`upload:${bot}`, () => uploader.upload(bot, format, text)));
      cluster.announce(bot);
      return report;
    },
    idle: () => uploader.idle(),
  };
}

/**
 * body-parser replaces invalid UTF-8 with U+FFFD and carries on; a question built from bytes the
 * client never meant is refused instead (400 INVALID_INPUT).
 */
function rejectInvalidUtf8(_req: IncomingMessage, _res: unknown, body: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) throw new GovchatError('INVALID_INPUT', 'request body is not valid UTF-8');
}

function formatHost(address: string): string {
  if (address === '0.0.0.0' || address === '::') return 'localhost';
  return address.includes(':') ? `[${address}]` : address;
}
