import type { AnswerLang } from '@govchat/protocol';
import type { ChatWidget } from './chat-widget.js';
import { isWidgetEventName, type WidgetEventName, type WidgetListener } from './widget-events.js';
import type { WidgetPosition } from './widget-options.js';

/** `window.GovChat`: the page's handle on every widget it embeds. */
export interface GovChatApi {
  /** Opens every widget's panel (usually there is one). */
  open(): void;
  close(): void;
  /** Asks `text` in every widget; use `get(bot).ask` to pick one when there are several. */
  ask(text: string): void;
  setLang(lang: AnswerLang): void;
  /** Listens to `open`, `close`, `answer`, `feedback` on all widgets, present and future. Returns an unsubscribe function. */
  on<E extends WidgetEventName>(name: E, listener: WidgetListener<E>): () => void;
  /** One widget by bot id. */
  get(bot: string): ChatWidget | undefined;
  /** Bot ids of the widgets on the page. */
  list(): string[];
  readonly version: string;
}

/** The registry behind the API; not exposed to the page. */
export interface WidgetRegistry {
  api: GovChatApi;
  add(widget: ChatWidget, position: WidgetPosition): void;
  remove(widget: ChatWidget): void;
  /** How many widgets already occupy `position` (for stacking launchers). */
  countAt(position: WidgetPosition): number;
}

/** Creates the registry and its public API. */
export function createWidgetRegistry(version: string): WidgetRegistry {
  const widgets: { widget: ChatWidget; position: WidgetPosition }[] = [];
  const subscriptions: { name: WidgetEventName; listener: WidgetListener<WidgetEventName>; offs: Map<ChatWidget, () => void> }[] = [];
  const each = (fn: (widget: ChatWidget) => void): void => widgets.forEach(({ widget }) => fn(widget));

  const api: GovChatApi = {
    open: () => each((w) => w.open()),
    close: () => each((w) => w.close()),
    ask: (text) => each((w) => void w.ask(String(text))),
    setLang: (lang) => each((w) => w.setLang(lang)),
    on(name, listener) {
      if (!isWidgetEventName(name) || typeof listener !== 'function') {
        console.warn(`govchat: GovChat.on(${JSON.stringify(name)}) — events are open, close, answer, feedback`);
        return () => undefined;
      }
      const subscription = { name, listener: listener as WidgetListener<WidgetEventName>, offs: new Map<ChatWidget, () => void>() };
      subscriptions.push(subscription);
      each((w) => subscription.offs.set(w, w.on(name, listener)));
      return () => {
        subscription.offs.forEach((off) => off());
        subscriptions.splice(subscriptions.indexOf(subscription), 1);
      };
    },
    get: (bot) => widgets.find(({ widget }) => widget.bot === bot)?.widget,
    list: () => widgets.map(({ widget }) => widget.bot),
    version,
  };

  return {
    api,
    add(widget, position) {
      widgets.push({ widget, position });
      for (const s of subscriptions) s.offs.set(widget, widget.on(s.name, s.listener));
    },
    remove(widget) {
      const index = widgets.findIndex((entry) => entry.widget === widget);
      if (index >= 0) widgets.splice(index, 1);
      for (const s of subscriptions) {
        s.offs.get(widget)?.();
        s.offs.delete(widget);
      }
    },
    countAt: (position) => widgets.filter((entry) => entry.position === position).length,
  };
}
