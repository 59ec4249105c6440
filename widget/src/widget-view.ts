import type { AnswerLang, PublicBotConfig } from '@govchat/protocol';
import type { ConfigFailure } from './bot-config.js';
import { selectBotName, selectGreeting, selectSuggested } from './bot-config.js';
import { findPendingAnswer, type ChatMessage, type ChatState } from './chat-state.js';
import { SURFACE_COLOUR, type WidgetTheme } from './colour-contrast.js';
import { renderContactList } from './render-contact.js';
import { renderMessage, renderQuestionChips, type MessageContext } from './render-message.js';
import { replaceChildren } from './replace-children.js';
import { ANSWER_LANGS } from './resolve-language.js';
import { LANGUAGE_LABELS, UI_STRINGS } from './ui-strings.js';
import { createIcon } from './widget-icons.js';
import type { WidgetPosition } from './widget-options.js';
import { WIDGET_CSS } from './widget-styles.js';

/** Speech input as the view shows it. */
export type SpeechState = 'unsupported' | 'idle' | 'listening';

/** Everything the view draws. */
export interface ViewModel {
  state: ChatState;
  config?: PublicBotConfig;
  configFailure?: ConfigFailure;
  /** `data-title`, overriding the bot's name. */
  title: string | null;
  theme: WidgetTheme;
  position: WidgetPosition;
  /** How many widgets sit below this one in the same corner (launchers stack instead of overlapping). */
  stackIndex: number;
  speech: SpeechState;
}

/** What the citizen did, for the controller to act on. */
export interface ViewHandlers {
  toggle(): void;
  close(): void;
  /** The composer was submitted (Enter or the Send button). */
  submit(text: string): void;
  stop(): void;
  /** A suggested or related question chip was chosen. */
  askChip(question: string): void;
  setLang(lang: AnswerLang): void;
  rate(id: string, rating: 'up' | 'down'): void;
  comment(id: string, comment: string): void;
  toggleMic(): void;
}

/** The widget's DOM inside its shadow root. */
export interface WidgetView {
  render(model: ViewModel): void;
  focusInput(): void;
  focusLauncher(): void;
  /** Reads text into the one polite live region (once per call). */
  announce(text: string): void;
  getInputText(): string;
  setInputText(text: string): void;
}

function createElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  return element;
}

/** Replaces `old` with `fresh`, keeping focus and typed text on the element with the same `data-key`. */
function replacePreservingFocus(root: ShadowRoot, old: Element, fresh: Element): void {
  const active = root.activeElement as HTMLElement | null;
  const focusKey = active && old.contains(active) ? active.dataset.key : undefined;
  for (const field of Array.from(old.querySelectorAll<HTMLTextAreaElement>('textarea[data-key]'))) {
    const twin = fresh.querySelector<HTMLTextAreaElement>(`textarea[data-key="${field.dataset.key}"]`);
    if (twin && field.value !== '') twin.value = field.value;
  }
  old.replaceWith(fresh);
  if (focusKey) fresh.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus();
}

/**
 * Builds the widget's DOM in `root` and returns a renderer. Rendering is keyed: a message element is
 * rebuilt only when its message object (or the language / connection) changed, so a streaming answer
 * does not disturb focus elsewhere in the transcript.
 */
export function createWidgetView(root: ShadowRoot, handlers: ViewHandlers): WidgetView {
  const doc = root.ownerDocument;
  const style = createElement(doc, 'style');
  style.textContent = WIDGET_CSS;

  const container = createElement(doc, 'div', 'root');
  const launcher = createElement(doc, 'button', 'launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-controls', 'panel');
  launcher.setAttribute('aria-expanded', 'false');
  const launcherText = createElement(doc, 'span');
  const launcherIcons = { chat: createIcon(doc, 'chat'), close: createIcon(doc, 'close') };
  launcher.append(launcherIcons.chat, launcherText);

  const panel = createElement(doc, 'section', 'panel');
  panel.id = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'title');

  const header = createElement(doc, 'div', 'header');
  const headerTop = createElement(doc, 'div', 'header-top');
  const title = createElement(doc, 'h2', 'title');
  title.id = 'title';
  const closeButton = createElement(doc, 'button', 'close');
  closeButton.type = 'button';
  closeButton.dataset.key = 'close';
  closeButton.appendChild(createIcon(doc, 'close'));
  headerTop.append(title, closeButton);
  const toolbar = createElement(doc, 'div', 'toolbar');
  const langs = createElement(doc, 'div', 'langs');
  langs.setAttribute('role', 'group');
  const langButtons = new Map<AnswerLang, HTMLButtonElement>();
  for (const lang of ANSWER_LANGS) {
    const button = createElement(doc, 'button');
    button.type = 'button';
    button.lang = lang;
    button.dataset.lang = lang;
    button.textContent = LANGUAGE_LABELS[lang].short;
    // The spoken name must contain the visible one (WCAG 2.5.3): "繁體中文" contains 繁, "EN English" keeps EN.
    const { short, name } = LANGUAGE_LABELS[lang];
    button.setAttribute('aria-label', name.includes(short) ? name : `${short} ${name}`);
    langButtons.set(lang, button);
    langs.appendChild(button);
  }
  const contactToggle = createElement(doc, 'button', 'contact-toggle');
  contactToggle.type = 'button';
  contactToggle.setAttribute('aria-expanded', 'false');
  contactToggle.setAttribute('aria-controls', 'contact');
  toolbar.append(langs, contactToggle);
  header.append(headerTop, toolbar);

  const banner = createElement(doc, 'p', 'banner');
  banner.hidden = true;
  const contact = createElement(doc, 'section', 'contact');
  contact.id = 'contact';
  contact.hidden = true;
  contact.setAttribute('aria-labelledby', 'contact-heading');

  const scroll = createElement(doc, 'div', 'scroll');
  // Focusable so keyboard users can scroll a long conversation (WCAG 2.1.1).
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  const intro = createElement(doc, 'div', 'intro');
  const messageList = createElement(doc, 'ol', 'messages');
  scroll.append(intro, messageList);

  const composer = createElement(doc, 'form', 'composer');
  const inputLabel = createElement(doc, 'label', 'sr-only');
  inputLabel.htmlFor = 'input';
  const input = createElement(doc, 'textarea');
  input.id = 'input';
  input.rows = 1;
  input.maxLength = 1000;
  input.setAttribute('enterkeyhint', 'send');
  const mic = createElement(doc, 'button', 'mic');
  mic.type = 'button';
  mic.hidden = true;
  mic.appendChild(createIcon(doc, 'mic'));
  const send = createElement(doc, 'button', 'send');
  send.type = 'submit';
  composer.append(inputLabel, input, mic, send);

  // The one live region: finished answers and connection changes, read once each.
  const live = createElement(doc, 'div', 'sr-only');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');

  panel.append(header, banner, contact, scroll, composer, live);
  container.append(launcher, panel);
  root.append(style, container);

  let model: ViewModel | undefined;
  let contactOpen = false;
  let staticKey = '';
  let renderedConfig: PublicBotConfig | undefined;
  const rendered = new Map<string, { message: ChatMessage; element: HTMLLIElement }>();

  const isBusy = (): boolean => (model ? findPendingAnswer(model.state) !== undefined : false);

  launcher.addEventListener('click', () => handlers.toggle());
  closeButton.addEventListener('click', () => handlers.close());
  langs.addEventListener('click', (event) => {
    const lang = (event.target as Element).closest<HTMLElement>('[data-lang]')?.dataset.lang;
    if (lang) handlers.setLang(lang as AnswerLang);
  });
  contactToggle.addEventListener('click', () => {
    contactOpen = !contactOpen;
    if (model) render(model);
  });
  mic.addEventListener('click', () => handlers.toggleMic());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.stopPropagation();
      handlers.close();
    }
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter is a new line — but never while an IME is composing: Chinese input
    // methods use Enter to confirm characters.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submitComposer();
    }
  });
  input.addEventListener('input', () => fitInput());
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submitComposer();
  });
  // Transcript controls are re-created on render, so their events are delegated.
  scroll.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (!target || (target as HTMLButtonElement).disabled) return;
    const id = target.closest<HTMLElement>('[data-id]')?.dataset.id;
    if (target.dataset.action === 'ask' && target.dataset.question) handlers.askChip(target.dataset.question);
    if (target.dataset.action === 'rate' && id) handlers.rate(id, target.dataset.rating === 'down' ? 'down' : 'up');
  });
  scroll.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (form.dataset.action !== 'comment') return;
    event.preventDefault();
    const id = form.closest<HTMLElement>('[data-id]')?.dataset.id;
    const text = form.querySelector('textarea')?.value ?? '';
    if (id && text.trim() !== '') handlers.comment(id, text);
  });

  /** Send, or Stop while an answer is arriving (the same button). */
  function submitComposer(): void {
    if (isBusy()) handlers.stop();
    else handlers.submit(input.value);
  }

  function fitInput(): void {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + 2}px`;
  }

  function renderIntro(ctx: MessageContext, m: ViewModel, name: string): void {
    const greeting = createElement(doc, 'p', 'greeting');
    greeting.textContent = m.configFailure === 'not-found' ? ctx.strings.botUnavailable : selectGreeting(m.config, m.state.lang, name);
    const children: Node[] = [greeting];
    const suggested = selectSuggested(m.config, m.state.lang);
    if (suggested.length > 0) {
      const label = createElement(doc, 'h3', 'label');
      label.id = 'suggested-label';
      label.textContent = ctx.strings.suggestedHeading;
      children.push(label, renderQuestionChips(ctx, suggested, 'suggested', 'suggested-label'));
    }
    const active = root.activeElement as HTMLElement | null;
    const focusKey = active && intro.contains(active) ? active.dataset.key : undefined;
    replaceChildren(intro, ...children);
    if (focusKey) intro.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus();
  }

  function renderMessages(ctx: MessageContext, messages: ChatMessage[], rebuildAll: boolean): boolean {
    let appended = false;
    const seen = new Set<string>();
    let previous: Element | null = null;
    for (const message of messages) {
      const key = `${message.kind}:${message.id}`;
      seen.add(key);
      const entry = rendered.get(key);
      if (entry && entry.message === message && !rebuildAll) {
        previous = entry.element;
        continue;
      }
      const element = renderMessage(ctx, message);
      if (entry) replacePreservingFocus(root, entry.element, element);
      else {
        messageList.insertBefore(element, previous ? previous.nextSibling : messageList.firstChild);
        appended = true;
      }
      rendered.set(key, { message, element });
      previous = element;
    }
    for (const [key, entry] of rendered) {
      if (seen.has(key)) continue;
      entry.element.remove();
      rendered.delete(key);
    }
    return appended;
  }

  function render(next: ViewModel): void {
    const before = model;
    model = next;
    const { state, theme } = next;
    const strings = UI_STRINGS[state.lang];
    const online = state.connection === 'online';
    const busy = findPendingAnswer(state) !== undefined;
    const name = selectBotName(next.config, state.lang, next.title ?? undefined);
    const ctx: MessageContext = { doc, lang: state.lang, strings, contact: next.config?.contact, online, busy };

    container.lang = state.lang;
    container.dataset.position = next.position;
    container.classList.toggle('is-open', state.open);
    container.style.setProperty('--gc-accent', theme.accent);
    container.style.setProperty('--gc-on-accent', theme.onAccent);
    container.style.setProperty('--gc-accent-text', theme.accentText);
    container.style.setProperty('--gc-surface', SURFACE_COLOUR);
    container.style.setProperty('--gc-stack', String(next.stackIndex));

    launcher.setAttribute('aria-expanded', String(state.open));
    // The icon shows what a click will do; the name stays (a disclosure button, expanded or not).
    const icon = state.open ? launcherIcons.close : launcherIcons.chat;
    if (launcher.firstChild !== icon) launcher.replaceChild(icon, launcher.firstChild as Node);
    // Visible text is the accessible name (WCAG 2.5.3); aria-expanded tells open from closed.
    launcherText.textContent = strings.openChat(name);
    panel.hidden = !state.open;
    title.textContent = name;
    closeButton.setAttribute('aria-label', strings.closeChat);
    langs.setAttribute('aria-label', strings.languageSwitch);
    for (const [lang, button] of langButtons) button.setAttribute('aria-pressed', String(lang === state.lang));
    contactToggle.textContent = strings.contactUs;
    contactToggle.setAttribute('aria-expanded', String(contactOpen));
    contact.hidden = !contactOpen;
    scroll.setAttribute('aria-label', name);

    const bannerText =
      next.configFailure === 'not-found' || state.connection === 'failed'
        ? strings.botUnavailable
        : state.connection === 'offline'
          ? strings.offline
          : '';
    banner.hidden = bannerText === '';
    banner.textContent = bannerText;

    const nearBottom = scroll.scrollHeight - scroll.scrollTop - scroll.clientHeight < 80;
    // Everything messages and the intro depend on besides the messages themselves.
    const key = [state.lang, online, busy, name, next.configFailure ?? ''].join('\u0000');
    const staticChanged = key !== staticKey || next.config !== renderedConfig;
    staticKey = key;
    renderedConfig = next.config;
    if (staticChanged) {
      renderIntro(ctx, next, name);
      const heading = createElement(doc, 'h3');
      heading.id = 'contact-heading';
      heading.textContent = strings.contactHeading;
      replaceChildren(contact, heading, renderContactList(doc, next.config?.contact, strings));
    }
    const appended = renderMessages(ctx, state.messages, staticChanged);

    inputLabel.textContent = strings.inputLabel;
    input.placeholder = strings.inputPlaceholder;
    // Offline: read-only rather than disabled, so keyboard focus is not thrown out of the panel.
    input.readOnly = !online;
    input.setAttribute('aria-disabled', String(!online));
    send.textContent = busy ? strings.stop : strings.send;
    send.disabled = !online;
    mic.hidden = next.speech === 'unsupported';
    mic.disabled = !online;
    mic.setAttribute('aria-pressed', String(next.speech === 'listening'));
    mic.setAttribute('aria-label', next.speech === 'listening' ? strings.micStop : strings.micStart);
    mic.title = next.speech === 'listening' ? strings.micListening : strings.micStart;

    const grew = before !== undefined && before.state.messages !== state.messages;
    if (state.open && (appended || (grew && nearBottom))) scroll.scrollTop = scroll.scrollHeight;
  }

  return {
    render,
    focusInput: () => input.focus(),
    focusLauncher: () => launcher.focus(),
    announce(text) {
      // Clearing first makes screen readers read a message even if it equals the previous one.
      live.textContent = '';
      setTimeout(() => {
        live.textContent = text;
      }, 50);
    },
    getInputText: () => input.value,
    setInputText(text) {
      input.value = text;
      fitInput();
    },
  };
}
