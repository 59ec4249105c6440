import type { BotConfig } from '@govchat/core';

/**
 * Whether a page on `origin` may use `bot`, per its bot.json `allowedOrigins`: absent or `["*"]`
 * allows any; otherwise exact origins (`https://www.immd.gov.hk`) or one leading wildcard label
 * (`https://*.gov.hk`). A request without an Origin header is not from a browser page (curl, a
 * server-side client) and is allowed: the check protects citizens' browsers, it is not
 * authentication.
 *
 * @example isOriginAllowed({ allowedOrigins: ['https://www.example.gov.hk'] }, 'https://evil.example') // false
 */
export function isOriginAllowed(bot: Pick<BotConfig, 'allowedOrigins'>, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  const allowed = bot.allowedOrigins;
  if (allowed === undefined || allowed.includes('*')) return true;
  const wanted = normaliseOrigin(origin);
  if (wanted === undefined) return false;
  return allowed.some((entry) => {
    const pattern = normaliseOrigin(entry.replace('://*.', '://wildcard.'));
    if (pattern === undefined) return false;
    if (!entry.includes('://*.')) return pattern === wanted;
    const suffix = pattern.replace('://wildcard.', '://');
    const [scheme, host] = suffix.split('://') as [string, string];
    return wanted.startsWith(`${scheme}://`) && wanted.endsWith(`.${host}`);
  });
}

/** Whether the bot allows every origin (CORS can then answer `*`). */
export function isAnyOriginAllowed(bot: Pick<BotConfig, 'allowedOrigins'>): boolean {
  return bot.allowedOrigins === undefined || bot.allowedOrigins.includes('*');
}

function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}
