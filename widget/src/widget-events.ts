import type { AnswerLang, SourceRef } from '@govchat/protocol';

/** Payloads of the events a page can listen to with `GovChat.on(event, fn)`. */
export interface WidgetEventMap {
  open: { bot: string };
  close: { bot: string };
  /** A finished answer (not errors or interruptions). */
  answer: { bot: string; id: string; question: string; text: string; lang?: AnswerLang; abstained: boolean; sources: SourceRef[] };
  feedback: { bot: string; id: string; rating: 'up' | 'down'; comment?: string };
}

export type WidgetEventName = keyof WidgetEventMap;
export type WidgetListener<E extends WidgetEventName> = (payload: WidgetEventMap[E]) => void;

/** The event names, for validating `on()` calls from untyped page scripts. */
export const WIDGET_EVENTS: readonly WidgetEventName[] = ['open', 'close', 'answer', 'feedback'];

/** Whether `name` is an event the widget emits. */
export function isWidgetEventName(name: unknown): name is WidgetEventName {
  return typeof name === 'string' && (WIDGET_EVENTS as readonly string[]).includes(name);
}

/** A tiny typed event emitter. */
export interface WidgetEmitter {
  /** Subscribes; returns the unsubscribe function. */
  on<E extends WidgetEventName>(name: E, listener: WidgetListener<E>): () => void;
  emit<E extends WidgetEventName>(name: E, payload: WidgetEventMap[E]): void;
}

/** Creates an emitter whose listeners cannot break the widget: a throwing page handler is logged and skipped. */
export function createWidgetEmitter(): WidgetEmitter {
  const listeners = new Map<WidgetEventName, Set<(payload: never) => void>>();
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (error) {
          console.error(`govchat: a "${name}" listener threw`, error);
        }
      }
    },
  };
}
