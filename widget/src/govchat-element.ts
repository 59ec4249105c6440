import { createChatWidget, type ChatWidget, type ChatWidgetDeps } from './chat-widget.js';
import type { WidgetRegistry } from './govchat-api.js';
import { readWidgetOptions, type WidgetOptions } from './widget-options.js';

/** Tag name of the custom element: `<govchat-widget bot="iam-smart">`. */
export const ELEMENT_NAME = 'govchat-widget';

/** Option names as attributes: `bot="…"` or `data-bot="…"` both work (`data-title` avoids the native `title` tooltip). */
export function readElementAttribute(element: Element, name: keyof WidgetOptions): string | null {
  return element.getAttribute(`data-${name}`) ?? element.getAttribute(name);
}

/**
 * Defines `<govchat-widget>`. Each element hosts one widget in its shadow root and registers it
 * with the `GovChat` API. `defaultServer` is the origin the script was loaded from.
 */
export function defineGovchatElement(registry: WidgetRegistry, defaultServer: string | undefined, deps: ChatWidgetDeps = {}): void {
  if (customElements.get(ELEMENT_NAME)) return;

  class GovchatWidgetElement extends HTMLElement {
    private widget: ChatWidget | undefined;

    connectedCallback(): void {
      if (this.widget) return;
      const options = readWidgetOptions((name) => readElementAttribute(this, name), defaultServer, location.href);
      if (typeof options === 'string') {
        console.error(options);
        return;
      }
      this.widget = createChatWidget(this, options, { ...deps, stackIndex: registry.countAt(options.position) });
      registry.add(this.widget, options.position);
    }

    disconnectedCallback(): void {
      // Moving the element disconnects then reconnects it at once; only a real removal ends the chat.
      queueMicrotask(() => {
        if (this.isConnected || !this.widget) return;
        registry.remove(this.widget);
        this.widget.destroy();
        this.widget = undefined;
      });
    }
  }

  customElements.define(ELEMENT_NAME, GovchatWidgetElement);
}
