import { toGovchatError, type ErrorCode, type GovchatError } from '@govchat/core';
import type { ClientErrorCode } from '@govchat/protocol';

/**
 * The one mapping from errors to what a client sees — HTTP status, code and message — used by the
 * Express error handler, the SSE stream and the socket error path alike. Messages come from
 * `GovchatError.toJSON()`, which replaces any internal message with "Internal error"; a stack
 * trace never leaves the process.
 */

const STATUS_BY_CODE: Readonly<Partial<Record<ErrorCode, number>>> = {
  INVALID_INPUT: 400,
  CORPUS_INVALID: 400,
  CONFIG_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_ORIGIN: 403,
  BOT_NOT_FOUND: 404,
  CORPUS_NOT_FOUND: 404,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CANCELLED: 499,
  BUSY: 503,
  INDEX_NOT_FOUND: 503,
  TIMEOUT: 504,
};

// Statuses that differ from the code's usual one (an admin key for another bot is a 403, not a
// 401), kept beside the error rather than in its client-visible details.
const statusOverrides = new WeakMap<GovchatError, number>();

/**
 * Marks an error with the HTTP status it should be answered with.
 *
 * @example throw withHttpStatus(new GovchatError('UNAUTHORIZED', 'the admin API is disabled'), 403);
 */
export function withHttpStatus(error: GovchatError, status: number): GovchatError {
  statusOverrides.set(error, status);
  return error;
}

/** @example httpStatusOf(new GovchatError('RATE_LIMITED', 'slow down')) // 429 */
export function httpStatusOf(error: GovchatError): number {
  return statusOverrides.get(error) ?? STATUS_BY_CODE[error.code] ?? 500;
}

export interface ClientError {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly message: string;
  /** The safe `toJSON()` view, for REST bodies (file, line, field, details). */
  readonly body: ReturnType<GovchatError['toJSON']>;
  readonly error: GovchatError;
}

const CLIENT_CODES: ReadonlySet<string> = new Set<ClientErrorCode>([
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'BUSY',
  'TIMEOUT',
  'CANCELLED',
  'BOT_NOT_FOUND',
  'INDEX_NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN_ORIGIN',
  'NOT_FOUND',
  'INTERNAL',
]);

/**
 * Anything thrown → what a client may see. Socket events carry only the protocol's codes, so a
 * code outside `ClientErrorCode` (say INDEX_CORRUPT) is reported as INTERNAL there.
 *
 * @example const { status, body } = toClientError(error); res.status(status).json({ error: body });
 */
export function toClientError(value: unknown): ClientError {
  const error = toGovchatError(value);
  const body = error.toJSON();
  const code = CLIENT_CODES.has(body.code) ? (body.code as ClientErrorCode) : 'INTERNAL';
  return {
    status: httpStatusOf(error),
    code,
    message: code === 'INTERNAL' && body.code !== 'INTERNAL' ? 'Internal error' : body.message,
    body,
    error,
  };
}
