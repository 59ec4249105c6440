import { describe, expect, it, vi } from 'vitest';
import type { ChatWidget } from './chat-widget.js';
import { createWidgetRegistry } from './govchat-api.js';
import { createWidgetEmitter } from './widget-events.js';

function fakeWidget(bot: string) {
  const emitter = createWidgetEmitter();
  const calls: string[] = [];
  const widget: ChatWidget = {
    bot,
    open: () => calls.push('open'),
    close: () => calls.push('close'),
    ask: (text) => (calls.push(`ask:${text}`), true),
    setLang: (lang) => calls.push(`lang:${lang}`),
    on: (name, listener) => emitter.on(name, listener),
    destroy: () => calls.push('destroy'),
  };
  return { widget, calls, emitter };
}

describe('GovChat API', () => {
  it('addresses every widget, or one by bot id', () => {
    const registry = createWidgetRegistry('test');
    const a = fakeWidget('iam-smart');
    const b = fakeWidget('housing');
    registry.add(a.widget, 'right');
    registry.add(b.widget, 'left');
    registry.api.open();
    registry.api.setLang('zh-CN');
    registry.api.get('housing')?.ask('公屋');
    expect(a.calls).toEqual(['open', 'lang:zh-CN']);
    expect(b.calls).toEqual(['open', 'lang:zh-CN', 'ask:公屋']);
    expect(registry.api.list()).toEqual(['iam-smart', 'housing']);
    expect(registry.api.get('nope')).toBeUndefined();
  });

  it('delivers events from widgets added before and after on(), until unsubscribed', () => {
    const registry = createWidgetRegistry('test');
    const early = fakeWidget('iam-smart');
    registry.add(early.widget, 'right');
    const seen: string[] = [];
    const off = registry.api.on('open', ({ bot }) => seen.push(bot));
    const late = fakeWidget('housing');
    registry.add(late.widget, 'right');
    early.emitter.emit('open', { bot: 'iam-smart' });
    late.emitter.emit('open', { bot: 'housing' });
    off();
    early.emitter.emit('open', { bot: 'iam-smart' });
    expect(seen).toEqual(['iam-smart', 'housing']);
  });

  it('stops delivering a removed widget’s events and counts widgets per corner', () => {
    const registry = createWidgetRegistry('test');
    const a = fakeWidget('a');
    registry.add(a.widget, 'right');
    registry.add(fakeWidget('b').widget, 'right');
    expect(registry.countAt('right')).toBe(2);
    expect(registry.countAt('left')).toBe(0);
    const seen: unknown[] = [];
    registry.api.on('close', (e) => seen.push(e));
    registry.remove(a.widget);
    a.emitter.emit('close', { bot: 'a' });
    expect(seen).toEqual([]);
    expect(registry.countAt('right')).toBe(1);
  });

  it('warns about unknown events instead of throwing into the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const registry = createWidgetRegistry('test');
    const off = registry.api.on('message' as 'open', () => undefined);
    expect(typeof off).toBe('function');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('keeps a throwing page listener from breaking other listeners', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const emitter = createWidgetEmitter();
    const seen: string[] = [];
    emitter.on('close', () => {
      throw new Error('page bug');
    });
    emitter.on('close', ({ bot }) => seen.push(bot));
    emitter.emit('close', { bot: 'x' });
    expect(seen).toEqual(['x']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
