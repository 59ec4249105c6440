import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';

/** Who may call a route, and which cross-origin policy answers for it. */
export type RouteAccess =
  /** Anyone; CORS follows the `:id` bot's `allowedOrigins`. */
  | 'bot'
  /** Anyone, from any origin. */
  | 'public'
  /** Anyone, same origin only (pages, probes). */
  | 'none'
  /** `Authorization: Bearer <admin key>` for the `:id` bot. */
  | 'admin'
  /** `Authorization: Bearer <metrics key>` when one is configured. */
  | 'metrics';

export interface RouteResponse {
  readonly description: string;
  /** Media type → schema (zod, or JSON Schema for what zod does not describe). */
  readonly content?: Readonly<Record<string, z.ZodType | Record<string, unknown>>>;
}

/**
 * One HTTP route: everything Express needs to serve it and everything the OpenAPI document says
 * about it, in one place. `GET /api/openapi.json` is generated from the same array Express is
 * wired from, so the document cannot drift from the routes.
 */
export interface RouteSpec {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** Express path syntax (`/api/bots/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: 'chat' | 'admin' | 'operations' | 'pages';
  readonly access: RouteAccess;
  /** `json`: parsed with the JSON limit and validated by `schema`; `upload`: raw text of `types`. */
  readonly body?: { readonly kind: 'json'; readonly schema: z.ZodType } | { readonly kind: 'upload'; readonly types: readonly string[] };
  readonly query?: z.ZodObject;
  readonly responses: Readonly<Record<number, RouteResponse>>;
  readonly handler: (req: Request, res: Response) => void | Promise<void>;
}

/** The middleware each kind of access and body needs; provided by createServer. */
export interface RouteMiddleware {
  readonly access: Readonly<Record<RouteAccess, readonly RequestHandler[]>>;
  readonly json: RequestHandler;
  readonly upload: (types: readonly string[]) => RequestHandler;
}

/**
 * Wires `routes` into `app`, each behind its access and body middleware. Cross-origin preflights
 * (`OPTIONS`) are answered for the routes whose access allows other origins.
 *
 * @example mountRoutes(app, [...chatRoutes, ...adminRoutes], middleware);
 */
export function mountRoutes(app: Express, routes: readonly RouteSpec[], middleware: RouteMiddleware): void {
  const preflighted = new Set<string>();
  for (const route of routes) {
    const chain: RequestHandler[] = [...middleware.access[route.access]];
    if (route.body?.kind === 'json') chain.push(middleware.json);
    if (route.body?.kind === 'upload') chain.push(middleware.upload(route.body.types));
    app[route.method](route.path, ...chain, (req: Request, res: Response, next: NextFunction) => {
      Promise.resolve(route.handler(req, res)).catch(next);
    });
    if ((route.access === 'bot' || route.access === 'public') && !preflighted.has(route.path)) {
      preflighted.add(route.path);
      app.options(route.path, ...middleware.access[route.access], (_req: Request, res: Response) => {
        res.status(204).end();
      });
    }
  }
}
