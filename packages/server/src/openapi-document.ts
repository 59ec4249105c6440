import { z } from 'zod';
import type { RouteSpec } from './route-table.js';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

const BEARER = { bearerAuth: [] as string[] };

/**
 * The OpenAPI 3.1 document of `routes` (served at `GET /api/openapi.json`). Built from the same
 * route table Express is wired from; request schemas are the zod schemas that validate requests.
 *
 * @example res.json(createOpenApiDocument(routes, { title: 'govchat', version: '0.1.0', description: '…' }));
 */
export function createOpenApiDocument(routes: readonly RouteSpec[], info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
      description: m[1] === 'id' || m[1] === 'bot' ? 'Bot id, e.g. `iam-smart`' : undefined,
    }));
    const queryParams = route.query === undefined ? [] : toQueryParameters(route.query);
    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: route.summary,
      ...(route.description === undefined ? {} : { description: route.description }),
      tags: [route.tag],
      ...(pathParams.length + queryParams.length === 0 ? {} : { parameters: [...pathParams, ...queryParams] }),
      ...(route.access === 'admin' || route.access === 'metrics' ? { security: [BEARER] } : {}),
      ...(route.body === undefined ? {} : { requestBody: toRequestBody(route.body) }),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.content === undefined
              ? {}
              : { content: Object.fromEntries(Object.entries(response.content).map(([type, schema]) => [type, { schema: toSchema(schema) }])) }),
          },
        ]),
      ),
    };
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [
      { name: 'chat', description: 'What widgets and other clients call. The streaming protocol (Socket.IO namespace `/chat`) is in docs/protocol.md.' },
      { name: 'admin', description: 'Department administration: `Authorization: Bearer <admin key>`.' },
      { name: 'operations', description: 'Probes, metrics and this document.' },
      { name: 'pages', description: 'The widget script and demo pages.' },
    ],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Admin (or metrics) key' } } },
    paths,
  };
}

function toSchema(schema: z.ZodType | Record<string, unknown>): Record<string, unknown> {
  if (!(schema instanceof z.ZodType)) return schema;
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function toRequestBody(body: NonNullable<RouteSpec['body']>): Record<string, unknown> {
  if (body.kind === 'json') return { required: true, content: { 'application/json': { schema: toSchema(body.schema) } } };
  return { required: true, content: Object.fromEntries(body.types.map((type) => [type, { schema: { type: 'string' } }])) };
}

function toQueryParameters(query: z.ZodObject): Array<Record<string, unknown>> {
  const schema = toSchema(query) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** `GET /api/bots/:id/ask` → `getApiBotsIdAsk`: stable, unique, readable. */
function operationId(route: RouteSpec): string {
  const words = route.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return `${route.method}${words.join('')}`;
}
