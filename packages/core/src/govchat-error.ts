/**
 * The one error type of govchat. Every failure that crosses a module boundary is a `GovchatError`
 * with a literal `code`, so the server, CLI and widget can map it without parsing messages.
 */

/** Every error code govchat can raise. Client-visible codes are documented in docs/protocol.md. */
export type ErrorCode =
  | 'CORPUS_INVALID'
  | 'CORPUS_NOT_FOUND'
  | 'BOT_NOT_FOUND'
  | 'INDEX_NOT_FOUND'
  | 'INDEX_CORRUPT'
  | 'EMBEDDER_MISMATCH'
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN_ORIGIN'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'BUSY'
  | 'LLM_FAILED'
  | 'CONFIG_INVALID'
  | 'NOT_FOUND'
  | 'INTERNAL';

/** Where in a corpus file an error was found. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

export interface GovchatErrorOptions extends ErrorLocation {
  readonly cause?: unknown;
  /** Extra machine-readable details that are safe to show to clients. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Codes whose message is written for clients; any other code is reported to clients generically. */
const CLIENT_SAFE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CORPUS_INVALID',
  'CORPUS_NOT_FOUND',
  'BOT_NOT_FOUND',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAUTHORIZED',
  'FORBIDDEN_ORIGIN',
  'TIMEOUT',
  'CANCELLED',
  'BUSY',
  'NOT_FOUND',
  'EMBEDDER_MISMATCH',
  'INDEX_NOT_FOUND',
  'INDEX_CORRUPT',
  'CONFIG_INVALID',
]);

/**
 * @example
 * throw new GovchatError('CORPUS_INVALID', 'question.en must be a string', {
 *   file: 'corpora/housing/faq.jsonl', line: 12, field: 'question.en',
 * });
 */
export class GovchatError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: GovchatErrorOptions = {}) {
    super(formatMessage(message, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GovchatError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.field = options.field;
    this.details = options.details;
  }

  /** A client-safe view: no stack, no cause, and a generic message for internal failures. */
  toJSON(): { code: ErrorCode; message: string; file?: string; line?: number; field?: string; details?: Record<string, unknown> } {
    if (!CLIENT_SAFE_CODES.has(this.code)) return { code: this.code, message: 'Internal error' };
    return {
      code: this.code,
      message: this.message,
      ...(this.file === undefined ? {} : { file: this.file }),
      ...(this.line === undefined ? {} : { line: this.line }),
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: { ...this.details } }),
    };
  }
}

function formatMessage(message: string, where: ErrorLocation): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.line === undefined ? where.file : `${where.file}:${where.line}`);
  if (where.field !== undefined) parts.push(`field "${where.field}"`);
  return parts.length > 0 ? `${parts.join(' ')}: ${message}` : message;
}

/** @example if (isGovchatError(err) && err.code === 'BOT_NOT_FOUND') res.status(404) */
export function isGovchatError(value: unknown): value is GovchatError {
  return value instanceof GovchatError;
}

/** Wraps anything thrown into a GovchatError, keeping the original as `cause`. */
export function toGovchatError(value: unknown, fallback: ErrorCode = 'INTERNAL'): GovchatError {
  if (isGovchatError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new GovchatError(fallback, message, { cause: value });
}
