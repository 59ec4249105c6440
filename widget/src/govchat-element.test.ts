// @vitest-environment happy-dom
import type { PublicBotConfig } from '@govchat/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWidgetRegistry } from './govchat-api.js';
import { defineGovchatElement, ELEMENT_NAME, readElementAttribute } from './govchat-element.js';
import { createFakeConnect } from './test-support/fake-socket.js';
import { createMemoryStorage } from './test-support/memory-storage.js';

const config = (id: string, name: string): PublicBotConfig => ({
  id,
  name: { en: name, 'zh-HK': name },
  greeting: { en: `Hello from ${name}`, 'zh-HK': name },
  contact: { phone: '1823', url: 'https://www.1823.gov.hk' },
  suggested: { en: [], 'zh-HK': [], 'zh-CN': [] },
});

// customElements.define is once per document, so one registry serves every test here.
const { connect, sockets } = createFakeConnect();
const registry = createWidgetRegistry('test');
const fetches: string[] = [];
defineGovchatElement(registry, 'https://chat.example', {
  connect,
  storage: createMemoryStorage(),
  speech: null,
  fetch: async (input) => {
    const url = String(input);
    fetches.push(url);
    const id = url.split('/').pop() ?? '';
    return new Response(JSON.stringify(config(id, id.toUpperCase())));
  },
});

afterEach(async () => {
  document.body.replaceChildren();
  await Promise.resolve();
});

describe('<govchat-widget>', () => {
  it('reads options from plain or data- attributes', () => {
    const element = document.createElement('div');
    element.setAttribute('bot', 'a');
    element.setAttribute('data-title', 'T');
    expect(readElementAttribute(element, 'bot')).toBe('a');
    expect(readElementAttribute(element, 'title')).toBe('T');
  });

  it('hosts several widgets for different bots, each with its own connection, stacked per corner', async () => {
    document.body.innerHTML = `<${ELEMENT_NAME} bot="housing"></${ELEMENT_NAME}><${ELEMENT_NAME} bot="labour" data-position="left"></${ELEMENT_NAME}><${ELEMENT_NAME} bot="iam-smart"></${ELEMENT_NAME}>`;
    const [housing, labour, iam] = Array.from(document.querySelectorAll(ELEMENT_NAME));
    expect(registry.api.list()).toEqual(['housing', 'labour', 'iam-smart']);
    expect(sockets.slice(-3).map((s) => s.readAuth())).toEqual([{ bot: 'housing' }, { bot: 'labour' }, { bot: 'iam-smart' }]);
    await vi.waitFor(() => expect(iam?.shadowRoot?.querySelector('#title')?.textContent).toBe('IAM-SMART'));
    expect(housing?.shadowRoot?.querySelector('#title')?.textContent).toBe('HOUSING');
    const stack = (el: Element | undefined): string | undefined => el?.shadowRoot?.querySelector<HTMLElement>('.root')?.style.getPropertyValue('--gc-stack');
    expect([stack(housing), stack(labour), stack(iam)]).toEqual(['0', '0', '1']);
    expect(fetches).toContain('https://chat.example/api/bots/labour');

    registry.api.get('labour')?.open();
    expect(labour?.shadowRoot?.querySelector<HTMLElement>('.panel')?.hidden).toBe(false);
    expect(housing?.shadowRoot?.querySelector<HTMLElement>('.panel')?.hidden).toBe(true);
  });

  it('survives being moved in the DOM, and disconnects when removed', async () => {
    const element = document.createElement(ELEMENT_NAME);
    element.setAttribute('bot', 'moving');
    document.body.appendChild(element);
    const socket = sockets.at(-1);
    const wrapper = document.createElement('section');
    document.body.appendChild(wrapper);
    wrapper.appendChild(element);
    await Promise.resolve();
    expect(registry.api.get('moving')).toBeDefined();
    expect(socket?.disconnectCalls).toBe(0);

    element.remove();
    await Promise.resolve();
    expect(registry.api.get('moving')).toBeUndefined();
    expect(socket?.disconnectCalls).toBe(1);
  });

  it('refuses a missing bot id with one console error and no widget', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = sockets.length;
    document.body.appendChild(document.createElement(ELEMENT_NAME));
    expect(sockets).toHaveLength(before);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/data-bot/));
    error.mockRestore();
  });
});
