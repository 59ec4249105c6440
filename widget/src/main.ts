/**
 * The widget bundle's entry point (built to dist/widget.js as an IIFE). A department pastes
 *
 *   <script src="https://HOST/widget.js" data-bot="iam-smart" async></script>
 *
 * and gets a launcher; or places `<govchat-widget bot="…">` elements itself. The only global this
 * defines is `window.GovChat`.
 */
import { createWidgetRegistry, type GovChatApi } from './govchat-api.js';
import { defineGovchatElement, ELEMENT_NAME } from './govchat-element.js';
import { deriveServerFromScript } from './widget-options.js';

declare global {
  interface Window {
    GovChat?: GovChatApi;
  }
}

/** Bumped with the package version; exposed as `GovChat.version` for support calls. */
const VERSION = '0.1.0';

/** Script attributes copied onto the element it creates. */
const SCRIPT_OPTIONS = ['bot', 'lang', 'position', 'color', 'title', 'open', 'server'] as const;

/** Creates the `<govchat-widget>` a script tag asks for, at the end of `<body>`. */
function mountFromScript(script: HTMLScriptElement, server: string | undefined): void {
  const element = document.createElement(ELEMENT_NAME);
  for (const name of SCRIPT_OPTIONS) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) element.setAttribute(`data-${name}`, value);
  }
  // Set explicitly so a second copy of the bundle (whose element class wins) still uses this script's server.
  if (!element.hasAttribute('data-server') && server) element.setAttribute('data-server', server);
  const attach = (): void => {
    document.body.appendChild(element);
  };
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });
}

function boot(): void {
  // Only valid while this script first runs (also for async scripts), so read it at once.
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const server = deriveServerFromScript(script?.src);
  if (typeof customElements === 'undefined' || typeof HTMLElement.prototype.attachShadow !== 'function') {
    console.warn('govchat: this browser lacks custom elements / shadow DOM; the chat widget is not shown');
    return;
  }
  if (!customElements.get(ELEMENT_NAME)) {
    const registry = createWidgetRegistry(VERSION);
    window.GovChat = registry.api;
    defineGovchatElement(registry, server);
  }
  if (script?.getAttribute('data-bot')) mountFromScript(script, server);
}

boot();
