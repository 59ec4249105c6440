import type { Registry } from 'prom-client';
import { errorBodySchema, healthSchema } from './response-schemas.js';
import type { RouteSpec } from './route-table.js';

export interface OpsRouteOptions {
  readonly registry: Registry;
  /** Ready = bots loaded and not shutting down. */
  readonly readiness: () => { ready: boolean; status: string; bots: number };
  /** The OpenAPI document, built once from the whole route table. */
  readonly openApi: () => Record<string, unknown>;
}

/**
 * Probes, metrics and the API description.
 *
 * @example mountRoutes(app, createOpsRoutes({ registry, readiness, openApi }), middleware);
 */
export function createOpsRoutes(options: OpsRouteOptions): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process is up',
      tag: 'operations',
      access: 'none',
      responses: { 200: { description: 'Alive', content: { 'application/json': healthSchema } } },
      handler(_req, res) {
        res.set('Cache-Control', 'no-store').json({ status: 'ok' });
      },
    },
    {
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: bots loaded and not shutting down',
      tag: 'operations',
      access: 'none',
      responses: {
        200: { description: 'Ready', content: { 'application/json': healthSchema } },
        503: { description: 'Not ready (no bot loaded, or shutting down)', content: { 'application/json': healthSchema } },
      },
      handler(_req, res) {
        const { ready, status, bots } = options.readiness();
        res.set('Cache-Control', 'no-store').status(ready ? 200 : 503).json({ status, bots });
      },
    },
    {
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics',
      description: 'Asks by bot and outcome, answer latency histograms (first delta, end), abstentions, connected sockets, feedback, reindexes and index reloads, database errors and writes waiting, Redis health and cluster size (several nodes), HTTP requests, process metrics. Needs `Authorization: Bearer <GOVCHAT_METRICS_KEY>` when that is set.',
      tag: 'operations',
      access: 'metrics',
      responses: {
        200: { description: 'Prometheus text format', content: { 'text/plain': { type: 'string' } } },
        401: { description: 'UNAUTHORIZED (only when a metrics key is set)', content: { 'application/json': errorBodySchema } },
      },
      async handler(_req, res) {
        res.set('Cache-Control', 'no-store').type(options.registry.contentType).send(await options.registry.metrics());
      },
    },
    {
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This document',
      tag: 'operations',
      access: 'public',
      responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { type: 'object' } } } },
      handler(_req, res) {
        res.json(options.openApi());
      },
    },
  ];
}
