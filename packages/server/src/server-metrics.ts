import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What went wrong or right with one ask; the `outcome` label of `govchat_asks_total`. */
export type AskOutcome = 'answered' | 'abstained' | 'cancelled' | 'timeout' | 'error' | 'rejected';

/** The service's Prometheus metrics, on a registry of its own so two servers in one process never share counters. */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly asks: Counter<'bot' | 'outcome'>;
  readonly abstentions: Counter<'bot' | 'reason'>;
  readonly firstDelaySeconds: Histogram<'bot'>;
  readonly answerSeconds: Histogram<'bot' | 'outcome'>;
  readonly connectedSockets: Gauge<'bot'>;
  readonly feedback: Counter<'bot' | 'rating'>;
  readonly dbErrors: Counter<'op'>;
  readonly reindexes: Counter<'bot' | 'outcome'>;
  readonly reindexSeconds: Histogram<'bot'>;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  /** Records waiting for the database (it is failing or locked when this grows). */
  readonly dbPendingWrites: Gauge;
  /** Records given up on: the database refused them, or failed until the waiting queue overflowed (or shutdown). */
  readonly dbDroppedWrites: Counter;
  /** Index generations picked up from the data dir (another node, `govchat ingest`). */
  readonly indexReloads: Counter<'bot' | 'outcome'>;
  /** 1 while Redis answers, 0 while this node falls back to itself (multi-node only). */
  readonly redisUp: Gauge;
  readonly redisErrors: Counter<'op'>;
  /** Operations served from this node's memory because Redis was unavailable. */
  readonly redisFallbacks: Counter<'op'>;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * @example
 * const metrics = createServerMetrics();
 * metrics.asks.inc({ bot: 'housing', outcome: 'answered' });
 * res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
 */
export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'govchat_process_' });
  const registers = [registry];
  return {
    registry,
    asks: new Counter({ name: 'govchat_asks_total', help: 'Asks by bot and outcome', labelNames: ['bot', 'outcome'], registers }),
    abstentions: new Counter({
      name: 'govchat_abstentions_total',
      help: 'Answers that abstained (no FAQ matched, refused, empty), by bot and reason',
      labelNames: ['bot', 'reason'],
      registers,
    }),
    firstDelaySeconds: new Histogram({
      name: 'govchat_answer_first_delta_seconds',
      help: 'Time from receiving an ask to its first streamed chunk',
      labelNames: ['bot'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    answerSeconds: new Histogram({
      name: 'govchat_answer_duration_seconds',
      help: 'Time from receiving an ask to its end (answer.end or answer.error)',
      labelNames: ['bot', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    connectedSockets: new Gauge({ name: 'govchat_connected_sockets', help: 'Open /chat sockets by bot', labelNames: ['bot'], registers }),
    feedback: new Counter({ name: 'govchat_feedback_total', help: 'Feedback by bot and rating', labelNames: ['bot', 'rating'], registers }),
    dbErrors: new Counter({
      name: 'govchat_db_errors_total',
      help: 'Failed database operations (answers go on regardless)',
      labelNames: ['op'],
      registers,
    }),
    reindexes: new Counter({ name: 'govchat_reindex_total', help: 'Admin reindexes by bot and outcome', labelNames: ['bot', 'outcome'], registers }),
    reindexSeconds: new Histogram({
      name: 'govchat_reindex_duration_seconds',
      help: 'Time to validate, write and index an uploaded corpus',
      labelNames: ['bot'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    httpRequests: new Counter({
      name: 'govchat_http_requests_total',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    dbPendingWrites: new Gauge({
      name: 'govchat_db_pending_writes',
      help: 'Conversation and feedback records waiting to be written (grows while the database fails)',
      registers,
    }),
    dbDroppedWrites: new Counter({
      name: 'govchat_db_dropped_writes_total',
      help: 'Conversation and feedback records given up on: refused by the database, or it failed until the waiting queue was full (or the server stopped)',
      registers,
    }),
    indexReloads: new Counter({
      name: 'govchat_index_reloads_total',
      help: 'Index generations picked up from the data dir (written by another node or govchat ingest), by bot and outcome',
      labelNames: ['bot', 'outcome'],
      registers,
    }),
    redisUp: new Gauge({ name: 'govchat_redis_up', help: 'Multi-node: 1 while Redis answers, 0 while this node falls back to itself', registers }),
    redisErrors: new Counter({
      name: 'govchat_redis_errors_total',
      help: 'Failed Redis operations and connection errors, by operation',
      labelNames: ['op'],
      registers,
    }),
    redisFallbacks: new Counter({
      name: 'govchat_redis_fallbacks_total',
      help: 'Operations served from this node alone because Redis was unavailable (sessions, rate limits)',
      labelNames: ['op'],
      registers,
    }),
  };
}
