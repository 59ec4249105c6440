import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { GovchatError } from '@govchat/core';
import type { ErrorBody } from '@govchat/protocol';
import { toClientError } from './client-error.js';
import type { Logger } from './server-logger.js';

/** body-parser's (and the router's) failures, as govchat errors a client can act on. */
function fromBodyParser(error: { type?: string; status?: number; limit?: number }): GovchatError | undefined {
  // The router cannot decode a malformed %-escape in the path (`/api/bots/%E0%A4%A`): the
  // client's mistake, not an internal error.
  if (error instanceof URIError) return new GovchatError('INVALID_INPUT', 'the URL has a malformed %-escape');
  switch (error.type) {
    case 'entity.too.large':
      return new GovchatError('PAYLOAD_TOO_LARGE', `request body is larger than ${error.limit ?? 'the limit'} bytes`);
    case 'entity.parse.failed':
      return new GovchatError('INVALID_INPUT', 'request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new GovchatError('INVALID_INPUT', 'request body must be UTF-8');
    case 'request.aborted':
      return new GovchatError('CANCELLED', 'the client closed the request');
    default:
      return undefined;
  }
}

/**
 * The one Express error handler: every error becomes `{error: {code, message, …}}` with the
 * status of its code. Internal errors are logged with their stack and answered "Internal error".
 *
 * @example app.use(handleHttpError(logger));
 */
export function handleHttpError(logger: Logger): ErrorRequestHandler {
  return function sendHttpError(thrown: unknown, req: Request, res: Response, _next) {
    const client = toClientError(fromBodyParser(thrown as { type?: string }) ?? thrown);
    if (client.code === 'INTERNAL') logger.error({ method: req.method, path: req.path, err: client.error }, 'request failed');
    if (res.headersSent) {
      // Mid-stream (SSE): the stream reports its own errors; all that is left is to end it.
      res.end();
      return;
    }
    const retryAfterMs = client.body.details?.retryAfterMs;
    if (client.code === 'RATE_LIMITED' && typeof retryAfterMs === 'number') res.set('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    if (client.code === 'UNAUTHORIZED' && client.status === 401) res.set('WWW-Authenticate', 'Bearer realm="govchat-admin"');
    const body: ErrorBody = { error: client.body };
    res.status(client.status).json(body);
  };
}

/** Anything no route matched: a JSON 404, never Express's HTML page. */
export function handleNotFound(): RequestHandler {
  return function sendNotFound(req: Request, _res: Response, next) {
    next(new GovchatError('NOT_FOUND', `no route ${req.method} ${req.path}`));
  };
}
