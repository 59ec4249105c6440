/**
 * Slot for the service benchmarks (issue 7, part 2): Socket.IO chat at 1, 50 and 500 concurrent
 * clients (first streamed delta p95, end of answer p95, errors) and idle connections (how many,
 * at what RSS). Until `@govchat/server` exports `createServer`, every figure is null and the
 * table says "not measured yet"; the results file keeps the same keys either way, so a later run
 * slots its figures in without changing readers.
 *
 * Part 2 replaces `measureService` (and keeps `probeServer`'s contract). It is handed an
 * ingested 10k-entry synthetic bot and a query set with expected ids, see `ServiceContext`.
 */

/** Concurrency levels, as results keys c1, c50, c500. */
export const SERVICE_LEVELS = [1, 50, 500];

/**
 * @typedef {{
 *   dataDir: string,        // holds an ingested bot (the 10k synthetic corpus)
 *   botId: string,
 *   queriesFile: string,    // JSON array of { text, lang, expectedId, kind }
 *   budgetMs: number,       // wall-clock bound for all service figures
 *   log: (message: string) => void,
 * }} ServiceContext
 */

/** Whether the server package can be started in-process yet. */
export async function probeServer() {
  try {
    const server = await import('@govchat/server');
    if (typeof server.createServer === 'function') return { available: true, createServer: server.createServer };
    return { available: false, reason: '@govchat/server does not export createServer yet' };
  } catch (error) {
    return { available: false, reason: `cannot import @govchat/server (${error?.message ?? error})` };
  }
}

/** Service and idle figures with every value null: the shape of "not measured". */
export function unmeasuredService() {
  const service = Object.fromEntries(SERVICE_LEVELS.map((c) => [`c${c}`, { firstDeltaP95Ms: null, endP95Ms: null, errors: null }]));
  return { service, idle: { connections: null, rssMB: null } };
}

/**
 * @param {ServiceContext} context
 * @returns {Promise<{ status: string, reason?: string, service: object, idle: object }>}
 */
export async function measureService(context) {
  const probe = await probeServer();
  if (!probe.available) return { status: 'not measured yet', reason: probe.reason, ...unmeasuredService() };
  // createServer exists, but the load generator is part 2's work: say so rather than guess its API.
  context.log('createServer is available; the Socket.IO load generator is not written yet (issue 7, part 2)');
  return { status: 'not measured yet', reason: 'service benchmark not implemented yet (issue 7, part 2)', ...unmeasuredService() };
}
