import type { AnswerLang, PublicBotConfig } from '@govchat/protocol';
import { MAX_MESSAGES, selectPersistableMessages, type ChatMessage, type ChatState } from './chat-state.js';
import { isAnswerLang } from './resolve-language.js';

/** What survives a page navigation, per bot, in sessionStorage (so it ends with the tab). */
export interface SavedConversation {
  session?: string;
  lang: AnswerLang;
  langChosen: boolean;
  open: boolean;
  messages: ChatMessage[];
  /** Last bot config seen, so the next page draws the panel before the fetch returns. */
  config?: PublicBotConfig;
}

const VERSION = 1;

/** sessionStorage key of a bot's conversation. */
export function storageKey(bot: string): string {
  return `govchat:${bot}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a stored value is a message we can render (the page can write anything to sessionStorage). */
export function isChatMessage(value: unknown): value is ChatMessage {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.text !== 'string') return false;
  if (value.kind === 'question') return true;
  return (
    value.kind === 'answer' &&
    typeof value.status === 'string' &&
    Array.isArray(value.sources) &&
    Array.isArray(value.related) &&
    typeof value.abstained === 'boolean'
  );
}

/** Parses a stored conversation, discarding anything malformed rather than failing to start. */
export function parseSavedConversation(raw: string | null): SavedConversation | undefined {
  if (!raw) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.v !== VERSION || !isAnswerLang(data.lang)) return undefined;
  const messages = Array.isArray(data.messages) ? data.messages.filter(isChatMessage).slice(-MAX_MESSAGES) : [];
  return {
    ...(typeof data.session === 'string' && data.session !== '' ? { session: data.session } : {}),
    lang: data.lang,
    langChosen: data.langChosen === true,
    open: data.open === true,
    messages,
    ...(isRecord(data.config) && typeof data.config.id === 'string' ? { config: data.config as unknown as PublicBotConfig } : {}),
  };
}

/** Serialises what should survive navigation from the current state. */
export function serialiseConversation(state: ChatState, config: PublicBotConfig | undefined): string {
  return JSON.stringify({
    v: VERSION,
    session: state.session,
    lang: state.lang,
    langChosen: state.langChosen,
    open: state.open,
    messages: selectPersistableMessages(state),
    config,
  });
}

/** The subset of the Storage API we use — sessionStorage in the browser, a Map in tests. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Returns the page's sessionStorage, or undefined when it is unavailable (blocked cookies,
 * sandboxed iframes throw on mere access) — then the conversation just doesn't survive navigation.
 */
export function openSessionStorage(): KeyValueStore | undefined {
  try {
    const storage = window.sessionStorage;
    const probe = '__govchat__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** Reads a bot's saved conversation. */
export function loadConversation(store: KeyValueStore | undefined, bot: string): SavedConversation | undefined {
  try {
    return parseSavedConversation(store?.getItem(storageKey(bot)) ?? null);
  } catch {
    return undefined;
  }
}

/** Saves a bot's conversation; a full or blocked storage only costs persistence, never the chat. */
export function saveConversation(store: KeyValueStore | undefined, bot: string, serialised: string): void {
  try {
    store?.setItem(storageKey(bot), serialised);
  } catch {
    // Quota exceeded or storage revoked mid-session: keep chatting without persistence.
  }
}
