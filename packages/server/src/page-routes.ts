import { stat } from 'node:fs/promises';
import { GovchatError } from '@govchat/core';
import type { BotRegistry } from './bot-registry.js';
import { renderDemoIndex, renderDemoPage } from './demo-page.js';
import { toPublicBotConfig } from './public-bot-config.js';
import { errorBodySchema } from './response-schemas.js';
import type { RouteSpec } from './route-table.js';
import { DEMO_PAGE_CSP, DEMO_PAGE_PERMISSIONS } from './security-headers.js';

export interface PageRouteOptions {
  readonly bots: BotRegistry;
  /** The built widget script (absolute path). */
  readonly widgetFile: string;
}

const html = { 'text/html': { type: 'string' } };

/**
 * The widget script and the demo department pages.
 *
 * @example mountRoutes(app, createPageRoutes({ bots, widgetFile: config.widgetFile }), middleware);
 */
export function createPageRoutes(options: PageRouteOptions): RouteSpec[] {
  const { bots, widgetFile } = options;
  return [
    {
      method: 'get',
      path: '/widget.js',
      summary: 'The embeddable chat widget',
      description: 'Embed with `<script src="https://<host>/widget.js" data-bot="<bot id>" async></script>`. Cacheable for 5 minutes, revalidated by ETag; loadable from any origin.',
      tag: 'pages',
      access: 'public',
      responses: {
        200: { description: 'JavaScript', content: { 'text/javascript': { type: 'string' } } },
        404: { description: 'NOT_FOUND: the widget has not been built', content: { 'application/json': errorBodySchema } },
      },
      async handler(_req, res) {
        const found = await stat(widgetFile).then(
          (s) => s.isFile(),
          () => false,
        );
        // Checked per request: the widget may be built after the server started.
        if (!found) throw new GovchatError('NOT_FOUND', 'the widget is not built yet (widget/dist/widget.js is missing); run "npm run build"');
        res.set('Cross-Origin-Resource-Policy', 'cross-origin');
        await new Promise<void>((resolve, reject) => {
          res.sendFile(
            widgetFile,
            { maxAge: 300_000, lastModified: true, etag: true, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
            (error) => (error ? reject(error) : resolve()),
          );
        });
      },
    },
    {
      method: 'get',
      path: '/',
      summary: 'Redirects to the demo pages',
      tag: 'pages',
      access: 'none',
      responses: { 302: { description: 'To /demo' } },
      handler(_req, res) {
        res.redirect(302, '/demo');
      },
    },
    {
      method: 'get',
      path: '/demo',
      summary: 'Index of demo pages',
      tag: 'pages',
      access: 'none',
      responses: { 200: { description: 'HTML', content: html } },
      handler(_req, res) {
        res.set('Content-Security-Policy', DEMO_PAGE_CSP).type('html').send(renderDemoIndex(bots.list().map(toPublicBotConfig)));
      },
    },
    {
      method: 'get',
      path: '/demo/:id',
      summary: 'A sample department page with the widget embedded',
      tag: 'pages',
      access: 'none',
      responses: {
        200: { description: 'HTML', content: html },
        404: { description: 'BOT_NOT_FOUND', content: { 'application/json': errorBodySchema } },
      },
      handler(req, res) {
        const bot = toPublicBotConfig(bots.require(String(req.params.id)));
        res.set({ 'Content-Security-Policy': DEMO_PAGE_CSP, 'Permissions-Policy': DEMO_PAGE_PERMISSIONS }).type('html').send(renderDemoPage(bot));
      },
    },
  ];
}
