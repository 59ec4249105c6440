import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Callers log masked text only (see ask-runner.ts); the redaction here is a
 * second line of defence for credentials that might end up in a logged object.
 *
 * @example const logger = createServerLogger('info'); logger.info({ bot: 'housing' }, 'bot loaded');
 */
export function createServerLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'govchat' },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'adminKey', '*.adminKey', 'cookie', '*.cookie'],
      censor: '[REDACTED]',
    },
  });
}
