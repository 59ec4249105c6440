// @vitest-environment happy-dom
import type { PublicBotConfig } from '@govchat/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChatWidget, type ChatWidget, type ChatWidgetDeps } from './chat-widget.js';
import type { SpeechRecognitionLike } from './speech-input.js';
import { createFakeConnect, type FakeSocket } from './test-support/fake-socket.js';
import { createMemoryStorage } from './test-support/memory-storage.js';
import { UI_STRINGS } from './ui-strings.js';
import type { WidgetOptions } from './widget-options.js';

const CONFIG: PublicBotConfig = {
  id: 'iam-smart',
  name: { en: 'iAM Smart', 'zh-HK': '智方便' },
  greeting: { en: 'Hi! Ask me about iAM Smart.', 'zh-HK': '你好！歡迎查詢「智方便」。' },
  contact: { phone: '182 123', url: 'https://www.iamsmart.gov.hk' },
  theme: { color: '#1f6f5c' },
  suggested: {
    en: [{ id: 'what', question: 'What is iAM Smart?' }],
    'zh-HK': [{ id: 'what', question: '「智方便」是甚麼？' }],
    'zh-CN': [{ id: 'what', question: '“智方便”是什么？' }],
  },
};

const OPTIONS: WidgetOptions = { bot: 'iam-smart', server: 'https://chat.example', lang: null, position: 'right', color: null, title: null, open: false };

const mounted: ChatWidget[] = [];

afterEach(() => {
  mounted.splice(0).forEach((w) => w.destroy());
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

async function mount(options: Partial<WidgetOptions> = {}, deps: ChatWidgetDeps = {}) {
  const { connect, sockets } = createFakeConnect();
  const storage = deps.storage ?? createMemoryStorage();
  const host = document.createElement('div');
  document.body.appendChild(host);
  const widget = createChatWidget(host, { ...OPTIONS, ...options }, {
    connect,
    storage,
    speech: null,
    fetch: async () => new Response(JSON.stringify(CONFIG)),
    ...deps,
  });
  mounted.push(widget);
  const root = host.shadowRoot;
  const socket = sockets[0];
  if (!root || !socket) throw new Error('widget did not start');
  const $ = <T extends Element = HTMLElement>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  // The config arrives asynchronously; the bot's name shows once it has.
  await vi.waitFor(() => expect([CONFIG.name.en, CONFIG.name['zh-HK']]).toContain($('#title').textContent));
  return { widget, host, root, socket, storage, $ };
}

function pressEnter(target: HTMLElement, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }));
}

function typeQuestion(input: HTMLTextAreaElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  pressEnter(input);
}

function lastAskId(socket: FakeSocket): string {
  const ask = socket.sent('ask').at(-1) as { id: string } | undefined;
  if (!ask) throw new Error('nothing asked');
  return ask.id;
}

describe('chat widget: opening and closing', () => {
  it('opens from the launcher with focus in the input, and Escape closes back to the launcher', async () => {
    const { widget, root, $ } = await mount();
    const events: string[] = [];
    widget.on('open', () => events.push('open'));
    widget.on('close', () => events.push('close'));
    const launcher = $<HTMLButtonElement>('.launcher');
    expect($('.panel').hidden).toBe(true);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');

    launcher.click();
    expect($('.panel').hidden).toBe(false);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(root.activeElement).toBe($('textarea#input'));

    $('textarea#input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect($('.panel').hidden).toBe(true);
    expect(root.activeElement).toBe(launcher);
    expect(events).toEqual(['open', 'close']);
  });

  it('shows the bot’s name, greeting and suggested questions as a labelled dialog', async () => {
    const { $ } = await mount();
    expect($('.panel').getAttribute('role')).toBe('dialog');
    expect($('#title').textContent).toBe('iAM Smart');
    expect($('.launcher').textContent).toBe('Chat with iAM Smart');
    expect($('.greeting').textContent).toBe('Hi! Ask me about iAM Smart.');
    expect($('.intro .chips button').textContent).toBe('What is iAM Smart?');
    expect($('label[for="input"]').textContent).toBe('Your question');
  });

  it('opens at once with data-open, without taking focus from the page', async () => {
    const { root, $ } = await mount({ open: true });
    expect($('.panel').hidden).toBe(false);
    expect(root.activeElement).toBeNull();
  });
});

describe('chat widget: asking', () => {
  it('streams an answer: typing indicator, deltas, sources, then one announcement and an answer event', async () => {
    const { widget, socket, $ } = await mount();
    const answers: unknown[] = [];
    widget.on('answer', (a) => answers.push(a));
    socket.goOnline();
    $('.launcher').click();
    typeQuestion($('textarea#input'), '點樣登記智方便');

    expect(socket.sent('ask')).toEqual([{ id: expect.any(String), text: '點樣登記智方便' }]);
    expect($<HTMLTextAreaElement>('textarea#input').value).toBe('');
    const id = lastAskId(socket);
    expect($('.msg.answer .typing')).toBeTruthy();
    expect($('.send').textContent).toBe(UI_STRINGS.en.stop);

    const live = $('[aria-live="polite"]');
    socket.receive('answer.start', { id, lang: 'zh-HK' });
    socket.receive('answer.delta', { id, text: '你可以透過' });
    expect($('.msg.answer').querySelector('.typing')).toBeNull();
    expect($('.msg.answer .body').textContent).toBe('你可以透過');
    socket.receive('answer.delta', { id, text: '「智方便」應用程式登記。' });
    socket.receive('answer.sources', {
      id,
      sources: [{ id: 'register', question: '如何登記「智方便」？', url: 'https://www.iamsmart.gov.hk/tc/reg.html', score: 0.9 }],
      related: [{ id: 'plus', question: '如何升級至「智方便+」？' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(live.textContent).toBe('');

    socket.receive('answer.end', { id, abstained: false, latencyMs: 5 });
    await vi.waitFor(() => expect(live.textContent).toBe('你可以透過「智方便」應用程式登記。'));
    expect($('.msg.answer .sources a').getAttribute('href')).toBe('https://www.iamsmart.gov.hk/tc/reg.html');
    expect($('.msg.answer .related button').textContent).toBe('如何升級至「智方便+」？');
    expect($('.send').textContent).toBe(UI_STRINGS.en.send);
    expect(answers).toEqual([
      {
        bot: 'iam-smart',
        id,
        question: '點樣登記智方便',
        text: '你可以透過「智方便」應用程式登記。',
        lang: 'zh-HK',
        abstained: false,
        sources: [expect.objectContaining({ id: 'register' })],
      },
    ]);
  });

  it('does not send while an IME is composing (Enter confirms Chinese characters there)', async () => {
    const { socket, $ } = await mount();
    socket.goOnline();
    const input = $<HTMLTextAreaElement>('textarea#input');
    input.value = 'dim';
    pressEnter(input, { isComposing: true });
    pressEnter(input, { shiftKey: true });
    expect(socket.sent('ask')).toEqual([]);
  });

  it('asks a suggested question from its chip, keeping focus in the panel', async () => {
    const { socket, root, $ } = await mount();
    socket.goOnline();
    $('.launcher').click();
    $('.intro .chips button').click();
    expect(socket.sent('ask')).toEqual([{ id: expect.any(String), text: 'What is iAM Smart?' }]);
    expect(root.activeElement).toBe($('textarea#input'));
  });

  it('turns Send into Stop while answering, which cancels the ask', async () => {
    const { socket, $ } = await mount();
    socket.goOnline();
    typeQuestion($('textarea#input'), 'hello');
    const id = lastAskId(socket);
    $<HTMLButtonElement>('.send').click();
    expect(socket.sent('cancel')).toEqual([{ id }]);
    socket.receive('answer.error', { id, code: 'CANCELLED', message: 'cancelled' });
    expect($('.msg.answer .error').textContent).toBe(UI_STRINGS.en.errors.CANCELLED);
  });

  it('asks through the API too, opening the panel', async () => {
    const { widget, socket, $ } = await mount();
    expect(widget.ask('hi')).toBe(false);
    socket.goOnline();
    expect(widget.ask('  hi  ')).toBe(true);
    expect($('.panel').hidden).toBe(false);
    expect(socket.sent('ask')).toEqual([{ id: expect.any(String), text: 'hi' }]);
    expect(widget.ask('again')).toBe(false);
  });
});

describe('chat widget: language switch', () => {
  it('starts in the page language, and EN / 繁 / 简 changes UI strings, suggestions and the answer language sent', async () => {
    document.documentElement.lang = 'zh-HK';
    const { socket, $ } = await mount();
    socket.goOnline();
    expect($('.root').getAttribute('lang')).toBe('zh-HK');
    expect($('.intro .chips button').textContent).toBe('「智方便」是甚麼？');
    typeQuestion($('textarea#input'), 'first');
    // Guessed from the page: not forced on the answer.
    expect(socket.sent('ask').at(-1)).not.toHaveProperty('lang');
    socket.receive('answer.end', { id: lastAskId(socket), abstained: false, latencyMs: 1 });

    const simplified = $<HTMLButtonElement>('button[data-lang="zh-CN"]');
    expect(simplified.textContent).toBe('简');
    simplified.click();
    expect(simplified.getAttribute('aria-pressed')).toBe('true');
    expect($('button[data-lang="zh-HK"]').getAttribute('aria-pressed')).toBe('false');
    expect($('.root').getAttribute('lang')).toBe('zh-CN');
    expect($<HTMLTextAreaElement>('textarea#input').placeholder).toBe(UI_STRINGS['zh-CN'].inputPlaceholder);
    expect($('.intro .chips button').textContent).toBe('“智方便”是什么？');
    expect($('.greeting').textContent).toBe(UI_STRINGS['zh-CN'].defaultGreeting('智方便'));
    typeQuestion($('textarea#input'), '点样登记智方便');
    expect(socket.sent('ask').at(-1)).toEqual({ id: expect.any(String), text: '点样登记智方便', lang: 'zh-CN' });
  });

  it('sends the language fixed by data-lang from the first ask', async () => {
    const { socket, $ } = await mount({ lang: 'en' });
    socket.goOnline();
    typeQuestion($('textarea#input'), '點樣登記');
    expect(socket.sent('ask')).toEqual([{ id: expect.any(String), text: '點樣登記', lang: 'en' }]);
  });
});

describe('chat widget: connection state', () => {
  it('shows an offline banner and locks the input until reconnected, interrupting a half answer', async () => {
    const { socket, root, $ } = await mount();
    socket.goOnline();
    $('.launcher').click();
    typeQuestion($('textarea#input'), 'hello');
    socket.receive('answer.delta', { id: lastAskId(socket), text: 'half' });
    socket.goOffline();

    expect($('.banner').hidden).toBe(false);
    expect($('.banner').textContent).toBe(UI_STRINGS.en.offline);
    const input = $<HTMLTextAreaElement>('textarea#input');
    expect(input.getAttribute('aria-disabled')).toBe('true');
    expect(input.readOnly).toBe(true);
    expect($<HTMLButtonElement>('.send').disabled).toBe(true);
    // Read-only, not disabled: keyboard focus stays in the panel.
    expect(root.activeElement).toBe(input);
    expect($('.msg.answer .error').textContent).toBe(UI_STRINGS.en.interrupted);
    typeQuestion(input, 'while offline');
    expect(socket.sent('ask')).toHaveLength(1);

    socket.goOnline();
    expect($('.banner').hidden).toBe(true);
    expect(input.getAttribute('aria-disabled')).toBe('false');
    expect($<HTMLButtonElement>('.send').disabled).toBe(false);
  });

  it('says the service is unavailable when the bot does not exist', async () => {
    const { connect } = createFakeConnect();
    const host = document.createElement('div');
    document.body.appendChild(host);
    mounted.push(createChatWidget(host, OPTIONS, { connect, storage: createMemoryStorage(), speech: null, fetch: async () => new Response('{}', { status: 404 }) }));
    await vi.waitFor(() => expect(host.shadowRoot?.querySelector('.greeting')?.textContent).toBe(UI_STRINGS.en.botUnavailable));
    expect(host.shadowRoot?.querySelector<HTMLElement>('.banner')?.hidden).toBe(false);
  });
});

describe('chat widget: feedback', () => {
  it('sends a rating at once and a comment after, and emits feedback events', async () => {
    const { widget, socket, root, $ } = await mount();
    const feedback: unknown[] = [];
    widget.on('feedback', (f) => feedback.push(f));
    socket.goOnline();
    $('.launcher').click();
    typeQuestion($('textarea#input'), 'hello');
    const id = lastAskId(socket);
    socket.receive('answer.delta', { id, text: 'Hi.' });
    socket.receive('answer.end', { id, abstained: false, latencyMs: 1 });

    const down = $<HTMLButtonElement>('[data-action="rate"][data-rating="down"]');
    down.focus();
    down.click();
    expect(socket.sent('feedback')).toEqual([{ id, rating: 'down' }]);
    // The message was re-rendered; focus followed the button.
    expect(root.activeElement).toBe($('[data-action="rate"][data-rating="down"]'));
    expect($('[data-rating="down"]').getAttribute('aria-pressed')).toBe('true');

    $<HTMLTextAreaElement>('form.comment textarea').value = '  not clear  ';
    $<HTMLButtonElement>('form.comment button').click();
    expect(socket.sent('feedback')).toEqual([{ id, rating: 'down' }, { id, rating: 'down', comment: 'not clear' }]);
    expect($('.msg.answer .thanks').textContent).toBe(UI_STRINGS.en.feedbackThanks);
    expect(feedback).toEqual([
      { bot: 'iam-smart', id, rating: 'down' },
      { bot: 'iam-smart', id, rating: 'down', comment: 'not clear' },
    ]);
  });

  it('keeps a half-typed comment when the language switches', async () => {
    const { socket, $ } = await mount();
    socket.goOnline();
    typeQuestion($('textarea#input'), 'hello');
    socket.receive('answer.end', { id: lastAskId(socket), abstained: false, latencyMs: 1 });
    $<HTMLButtonElement>('[data-rating="up"]').click();
    $<HTMLTextAreaElement>('form.comment textarea').value = 'great';
    $<HTMLButtonElement>('button[data-lang="zh-HK"]').click();
    expect($<HTMLTextAreaElement>('form.comment textarea').value).toBe('great');
    expect($('form.comment label').textContent).toBe(UI_STRINGS['zh-HK'].commentLabel);
  });
});

describe('chat widget: surviving navigation', () => {
  it('restores the transcript, language and open panel on the next page, and resumes the server session', async () => {
    const storage = createMemoryStorage();
    const first = await mount({}, { storage });
    first.socket.goOnline();
    first.socket.receive('session', { session: 'sess-1' });
    first.$('.launcher').click();
    first.$<HTMLButtonElement>('button[data-lang="zh-HK"]').click();
    typeQuestion(first.$('textarea#input'), '點樣登記');
    const id = lastAskId(first.socket);
    first.socket.receive('answer.delta', { id, text: '用手機。' });
    first.socket.receive('answer.end', { id, abstained: false, latencyMs: 1 });
    first.widget.destroy();

    const second = await mount({}, { storage });
    expect(second.socket.readAuth()).toEqual({ bot: 'iam-smart', session: 'sess-1' });
    expect(second.$('.panel').hidden).toBe(false);
    expect(second.$('.root').getAttribute('lang')).toBe('zh-HK');
    expect(second.$('.msg.question').textContent).toBe(`${UI_STRINGS['zh-HK'].youSaid} 點樣登記`);
    expect(second.$('.msg.answer .body').textContent).toBe('用手機。');
  });
});

describe('chat widget: look and speech', () => {
  it('derives readable colours from data-color', async () => {
    const { $ } = await mount({ color: '#ffcc00' });
    const style = $('.root').style;
    expect(style.getPropertyValue('--gc-accent')).toBe('#ffcc00');
    expect(style.getPropertyValue('--gc-on-accent')).toBe('#000000');
  });

  it('sits on the left when asked to', async () => {
    const { $ } = await mount({ position: 'left' });
    expect($('.root').dataset.position).toBe('left');
  });

  it('offers the microphone only with speech recognition, and listens in the chosen language', async () => {
    const { $: withoutSpeech } = await mount();
    expect(withoutSpeech('.mic').hidden).toBe(true);
    document.body.replaceChildren();

    const started: string[] = [];
    class Recognition implements SpeechRecognitionLike {
      lang = '';
      interimResults = false;
      continuous = false;
      maxAlternatives = 1;
      onresult: SpeechRecognitionLike['onresult'] = null;
      onerror: SpeechRecognitionLike['onerror'] = null;
      onend: SpeechRecognitionLike['onend'] = null;
      start(): void {
        started.push(this.lang);
        this.onresult?.({ resultIndex: 0, results: [Object.assign([{ transcript: '點樣登記' }], { isFinal: true })] });
        this.onend?.();
      }
      stop(): void {}
      abort(): void {}
    }
    const { socket, $ } = await mount({ lang: 'zh-HK' }, { speech: Recognition });
    socket.goOnline();
    const mic = $<HTMLButtonElement>('.mic');
    expect(mic.hidden).toBe(false);
    expect(mic.getAttribute('aria-label')).toBe(UI_STRINGS['zh-HK'].micStart);
    mic.click();
    expect(started).toEqual(['zh-HK']);
    expect($<HTMLTextAreaElement>('textarea#input').value).toBe('點樣登記');
    $<HTMLButtonElement>('button[data-lang="en"]').click();
    mic.click();
    expect(started).toEqual(['zh-HK', 'en-HK']);
  });
});
