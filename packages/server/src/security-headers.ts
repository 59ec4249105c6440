import type { Request, RequestHandler, Response } from 'express';

/** API responses are data, never documents: nothing may load, frame or run from them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The demo page runs only same-origin scripts (the widget) and talks only to this server. Inline
 * styles are allowed because the widget sets them on its own elements.
 */
export const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The demo page may use the microphone for the widget's spoken questions (its own origin only);
 * every other response denies it.
 */
export const DEMO_PAGE_PERMISSIONS = 'camera=(), microphone=(self), geolocation=(), payment=(), usb=()';

/**
 * Baseline security headers on every response (helmet's defaults, hand-written). Routes that serve
 * a page or a cross-origin script adjust CSP and CORP for themselves.
 *
 * @example app.use(securityHeaders());
 */
export function securityHeaders(): RequestHandler {
  return function applySecurityHeaders(req: Request, res: Response, next) {
    res.set({
      'Content-Security-Policy': API_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      'X-DNS-Prefetch-Control': 'off',
    });
    // Only over HTTPS (directly or, with trustProxy, via X-Forwarded-Proto): HSTS over HTTP is ignored.
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
