import type { AnswerLang, PublicBotConfig } from '@govchat/protocol';
import { fetchBotConfig, type ConfigFailure } from './bot-config.js';
import { createChatConnection, type ChatConnection, type ConnectSocket } from './chat-connection.js';
import { createInitialState, findPendingAnswer, reduceChat, type ChatAction, type ChatState } from './chat-state.js';
import { deriveTheme } from './colour-contrast.js';
import { replaceChildren } from './replace-children.js';
import { isAnswerLang, isExplicitLanguage, resolveLanguage } from './resolve-language.js';
import { loadConversation, openSessionStorage, saveConversation, serialiseConversation, type KeyValueStore } from './session-store.js';
import { createSpeechInput, findSpeechRecognition, isMicrophoneAllowed, type SpeechInput, type SpeechRecognitionConstructor } from './speech-input.js';
import { describeError, UI_STRINGS } from './ui-strings.js';
import { createWidgetEmitter, type WidgetEventName, type WidgetListener } from './widget-events.js';
import type { WidgetOptions } from './widget-options.js';
import { createWidgetView, type SpeechState, type ViewModel } from './widget-view.js';

/** One widget on the page, as the `GovChat` API addresses it. */
export interface ChatWidget {
  readonly bot: string;
  /** Opens the panel and moves focus into it. */
  open(): void;
  /** Closes the panel; focus returns to the launcher if it was in the widget. */
  close(): void;
  /** Opens the panel and asks `text`; false when it could not be sent (offline, answer in progress, empty). */
  ask(text: string): boolean;
  /** Switches UI and answer language. */
  setLang(lang: AnswerLang): void;
  on<E extends WidgetEventName>(name: E, listener: WidgetListener<E>): () => void;
  /** Disconnects and removes the widget's DOM. */
  destroy(): void;
}

/** Replaceable browser facilities, for tests. */
export interface ChatWidgetDeps {
  connect?: ConnectSocket;
  fetch?: typeof fetch;
  storage?: KeyValueStore;
  /** `null` = no speech recognition. */
  speech?: SpeechRecognitionConstructor | null;
  /** Widgets already in the same corner (see ViewModel.stackIndex). */
  stackIndex?: number;
}

let askCounter = 0;

/** A unique-enough ask id without crypto.randomUUID (missing in Safari < 15.4). */
function createAskId(): string {
  askCounter += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${askCounter}`;
}

/**
 * Starting language: a language the citizen picked earlier in this tab wins, then the embedder's
 * `data-lang`, then the page and browser (see resolveLanguage).
 */
function chooseStartLanguage(options: WidgetOptions, saved: { lang: AnswerLang; langChosen: boolean } | undefined): { lang: AnswerLang; chosen: boolean } {
  if (saved?.langChosen) return { lang: saved.lang, chosen: true };
  const explicit = isExplicitLanguage(options.lang);
  const lang = resolveLanguage({
    requested: options.lang,
    pageLang: typeof document !== 'undefined' ? document.documentElement.lang : undefined,
    browserLangs: typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : [],
  });
  return { lang, chosen: explicit };
}

/** Creates a widget in `host`'s shadow root and connects it. */
export function createChatWidget(host: HTMLElement, options: WidgetOptions, deps: ChatWidgetDeps = {}): ChatWidget {
  const { bot } = options;
  const storage = deps.storage ?? openSessionStorage();
  const saved = loadConversation(storage, bot);
  const start = chooseStartLanguage(options, saved);
  let state: ChatState = {
    ...createInitialState(start.lang, start.chosen),
    ...(saved?.session ? { session: saved.session } : {}),
    messages: saved?.messages ?? [],
    // Reopen on the next page if it was open (without taking focus: the citizen did not just ask).
    open: saved ? saved.open : options.open,
  };
  let config: PublicBotConfig | undefined = saved?.config;
  let configFailure: ConfigFailure | undefined;
  let speechState: SpeechState = 'unsupported';
  let destroyed = false;
  const emitter = createWidgetEmitter();

  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  replaceChildren(root);

  const model = (): ViewModel => ({
    state,
    ...(config ? { config } : {}),
    ...(configFailure ? { configFailure } : {}),
    title: options.title,
    theme: deriveTheme(options.color ?? config?.theme?.color),
    position: options.position,
    stackIndex: deps.stackIndex ?? 0,
    speech: speechState,
  });
  const render = (): void => view.render(model());
  const persist = (): void => saveConversation(storage, bot, serialiseConversation(state, config));
  const isFocusInside = (): boolean => root.activeElement !== null;

  function dispatch(action: ChatAction): void {
    if (destroyed) return;
    const before = state;
    state = reduceChat(state, action);
    if (state === before) return;
    render();
    // Deltas change nothing that survives navigation (pending answers are not saved).
    if (action.type !== 'answer-delta') persist();
    afterChange(before, action);
  }

  function afterChange(before: ChatState, action: ChatAction): void {
    const strings = UI_STRINGS[state.lang];
    if (action.type === 'answer-end') {
      const index = state.messages.findIndex((m) => m.kind === 'answer' && m.id === action.id);
      const answer = state.messages[index];
      const question = state.messages.find((m) => m.kind === 'question' && m.id === action.id);
      if (answer?.kind !== 'answer') return;
      view.announce(answer.text);
      emitter.emit('answer', {
        bot,
        id: answer.id,
        question: question?.text ?? '',
        text: answer.text,
        ...(answer.lang ? { lang: answer.lang } : {}),
        abstained: answer.abstained,
        sources: answer.sources,
      });
    }
    if (action.type === 'answer-error') {
      const answer = state.messages.find((m) => m.kind === 'answer' && m.id === action.id);
      if (answer?.kind === 'answer' && answer.status === 'error') view.announce(describeError(state.lang, action.code));
    }
    if (action.type === 'connection') {
      if (action.state === 'offline' && before.connection === 'online') view.announce(strings.offline);
      if (action.state === 'online' && before.connection === 'offline') view.announce(strings.backOnline);
      if (action.state === 'online' && !config && configFailure !== 'not-found') void loadConfig();
    }
  }

  async function loadConfig(): Promise<void> {
    const result = await fetchBotConfig(options.server, bot, deps.fetch ?? ((...args) => fetch(...args)));
    if (destroyed) return;
    if (result.ok) {
      config = result.config;
      configFailure = undefined;
      persist();
    } else if (!config) {
      configFailure = result.reason;
    }
    render();
  }

  function open(focus: boolean): void {
    const wasOpen = state.open;
    dispatch({ type: 'open' });
    if (focus) view.focusInput();
    if (!wasOpen) emitter.emit('open', { bot });
  }

  function close(): void {
    if (!state.open) return;
    const hadFocus = isFocusInside();
    speech?.stop();
    dispatch({ type: 'close' });
    if (hadFocus) view.focusLauncher();
    emitter.emit('close', { bot });
  }

  function ask(text: string): boolean {
    const question = text.trim().slice(0, 1000);
    if (question === '' || state.connection !== 'online' || findPendingAnswer(state)) return false;
    const id = createAskId();
    const sent = connection.ask(state.langChosen ? { id, text: question, lang: state.lang } : { id, text: question });
    if (!sent) return false;
    dispatch({ type: 'ask', id, text: question });
    return true;
  }

  const view = createWidgetView(root, {
    toggle: () => (state.open ? close() : open(true)),
    close,
    submit(text) {
      if (ask(text)) view.setInputText('');
    },
    stop() {
      const pending = findPendingAnswer(state);
      if (pending) connection.cancel(pending.id);
    },
    askChip(question) {
      // The chip is disabled while the answer streams; keep keyboard focus in the panel.
      if (ask(question)) view.focusInput();
    },
    setLang(lang) {
      speech?.stop();
      dispatch({ type: 'set-lang', lang });
    },
    rate(id, rating) {
      const before = state;
      dispatch({ type: 'rate', id, rating });
      if (state === before) return;
      connection.feedback({ id, rating });
      emitter.emit('feedback', { bot, id, rating });
    },
    comment(id, comment) {
      dispatch({ type: 'comment', id, comment });
      const answer = state.messages.find((m) => m.kind === 'answer' && m.id === id);
      if (answer?.kind !== 'answer' || !answer.rating || answer.comment === undefined) return;
      // Same id and rating again, now with the comment: the server keeps the latest feedback per ask.
      connection.feedback({ id, rating: answer.rating, comment: answer.comment });
      emitter.emit('feedback', { bot, id, rating: answer.rating, comment: answer.comment });
    },
    toggleMic() {
      if (!speech) return;
      if (speech.isListening()) {
        speech.stop();
        return;
      }
      speechState = 'listening';
      render();
      speech.start(state.lang);
    },
  });

  const Recognition =
    deps.speech === undefined ? (isMicrophoneAllowed(document) ? findSpeechRecognition(globalThis) : undefined) : deps.speech ?? undefined;
  const speech: SpeechInput | undefined = Recognition
    ? createSpeechInput(Recognition, {
        onTranscript: (text) => view.setInputText(text),
        onEnd(failed) {
          speechState = 'idle';
          render();
          if (failed) view.announce(UI_STRINGS[state.lang].micFailed);
          else if (state.open) view.focusInput();
        },
      })
    : undefined;
  speechState = speech ? 'idle' : 'unsupported';

  render();
  const connection: ChatConnection = createChatConnection({
    server: options.server,
    bot,
    getSession: () => state.session,
    dispatch,
    ...(deps.connect ? { connect: deps.connect } : {}),
  });
  void loadConfig();

  return {
    bot,
    open: () => open(true),
    close,
    ask(text) {
      open(false);
      const sent = ask(text);
      if (sent) view.focusInput();
      return sent;
    },
    setLang(lang) {
      if (isAnswerLang(lang)) dispatch({ type: 'set-lang', lang });
    },
    on: (name, listener) => emitter.on(name, listener),
    destroy() {
      destroyed = true;
      speech?.stop();
      connection.close();
      replaceChildren(root);
    },
  };
}
