import type { AnswerLang, RelatedRef, SourceRef } from '@govchat/protocol';

/** Where the socket stands. `failed` = the server refused us for good (unknown bot, origin). */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'failed';

/** Something the citizen asked. */
export interface QuestionMessage {
  kind: 'question';
  /** The ask id this question was sent with. */
  id: string;
  text: string;
}

/** Life of an answer: `waiting` until the first delta (typing indicator), then `streaming`, then an end. */
export type AnswerStatus = 'waiting' | 'streaming' | 'done' | 'error' | 'interrupted';

/** The bot's reply to one ask. */
export interface AnswerMessage {
  kind: 'answer';
  /** Same id as the question it answers. */
  id: string;
  status: AnswerStatus;
  /** Set by `answer.start`; until then the answer's language is unknown. */
  lang?: AnswerLang;
  text: string;
  sources: SourceRef[];
  related: RelatedRef[];
  abstained: boolean;
  errorCode?: string;
  /** Set when the server withdrew generated text (`answer.reset`) and sent the FAQ's own answer instead. */
  corrected?: boolean;
  rating?: 'up' | 'down';
  comment?: string;
}

export type ChatMessage = QuestionMessage | AnswerMessage;

/** Everything the widget renders, in one value. */
export interface ChatState {
  /** UI language, and the answer language sent on asks once `langChosen`. */
  lang: AnswerLang;
  /**
   * Whether the language was chosen (data-lang or the EN/繁/简 switch) rather than guessed. Only a
   * chosen language is sent with asks: a guessed English UI must not force English answers on a
   * citizen who types Cantonese.
   */
  langChosen: boolean;
  connection: ConnectionState;
  /** Server session id, for resuming the conversation after navigation or reconnect. */
  session?: string;
  open: boolean;
  messages: ChatMessage[];
}

/** Everything that can happen to the widget. Socket events map one-to-one onto `answer-*` actions. */
export type ChatAction =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'set-lang'; lang: AnswerLang }
  | { type: 'connection'; state: ConnectionState }
  | { type: 'session'; session: string }
  | { type: 'ask'; id: string; text: string }
  | { type: 'answer-start'; id: string; lang: AnswerLang }
  | { type: 'answer-delta'; id: string; text: string }
  | { type: 'answer-reset'; id: string }
  | { type: 'answer-sources'; id: string; sources: SourceRef[]; related: RelatedRef[] }
  | { type: 'answer-end'; id: string; abstained: boolean }
  | { type: 'answer-error'; id: string; code: string }
  | { type: 'rate'; id: string; rating: 'up' | 'down' }
  | { type: 'comment'; id: string; comment: string };

/** Transcript length kept in memory and storage: enough context for a citizen, bounded for sessionStorage. */
export const MAX_MESSAGES = 60;

/** The state of a widget that has never been used. */
export function createInitialState(lang: AnswerLang, langChosen: boolean): ChatState {
  return { lang, langChosen, connection: 'connecting', open: false, messages: [] };
}

/** Whether an answer is still arriving (so a new ask must wait, and a disconnect interrupts it). */
export function isAnswerPending(message: ChatMessage): message is AnswerMessage {
  return message.kind === 'answer' && (message.status === 'waiting' || message.status === 'streaming');
}

/** The answer still arriving, if any. */
export function findPendingAnswer(state: ChatState): AnswerMessage | undefined {
  return state.messages.find(isAnswerPending);
}

/** Applies `update` to the answer with `id`; returns `state` itself when there is none (events for old asks). */
function updateAnswer(state: ChatState, id: string, update: (answer: AnswerMessage) => AnswerMessage | undefined): ChatState {
  let changed = false;
  const messages = state.messages.map((message) => {
    if (message.kind !== 'answer' || message.id !== id) return message;
    const next = update(message);
    if (!next || next === message) return message;
    changed = true;
    return next;
  });
  return changed ? { ...state, messages } : state;
}

/**
 * The widget's reducer: pure, and returning the same object when nothing changed so the view can
 * skip work (each changed message is a new object; unchanged ones keep their identity).
 */
export function reduceChat(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'open':
      return state.open ? state : { ...state, open: true };
    case 'close':
      return state.open ? { ...state, open: false } : state;
    case 'set-lang':
      return state.lang === action.lang && state.langChosen ? state : { ...state, lang: action.lang, langChosen: true };
    case 'connection': {
      if (state.connection === action.state) return state;
      const next: ChatState = { ...state, connection: action.state };
      if ((action.state !== 'offline' && action.state !== 'failed') || !state.messages.some(isAnswerPending)) return next;
      // The server does not replay an answer after a reconnect, so a half-streamed one is over.
      return {
        ...next,
        messages: state.messages.map((m) => (isAnswerPending(m) ? { ...m, status: 'interrupted' } : m)),
      };
    }
    case 'session':
      return state.session === action.session ? state : { ...state, session: action.session };
    case 'ask': {
      const question: QuestionMessage = { kind: 'question', id: action.id, text: action.text };
      const answer: AnswerMessage = { kind: 'answer', id: action.id, status: 'waiting', text: '', sources: [], related: [], abstained: false };
      return { ...state, messages: [...state.messages, question, answer].slice(-MAX_MESSAGES) };
    }
    case 'answer-start':
      return updateAnswer(state, action.id, (a) => (isAnswerPending(a) ? { ...a, lang: action.lang } : undefined));
    case 'answer-delta':
      return updateAnswer(state, action.id, (a) =>
        isAnswerPending(a) && action.text !== '' ? { ...a, status: 'streaming', text: a.text + action.text } : undefined,
      );
    case 'answer-reset':
      // The text so far is withdrawn; the deltas that follow are the replacement.
      return updateAnswer(state, action.id, (a) => (isAnswerPending(a) ? { ...a, status: 'waiting', text: '', corrected: true } : undefined));
    case 'answer-sources':
      return updateAnswer(state, action.id, (a) =>
        isAnswerPending(a) ? { ...a, sources: action.sources, related: action.related } : undefined,
      );
    case 'answer-end':
      return updateAnswer(state, action.id, (a) =>
        isAnswerPending(a) ? { ...a, status: 'done', abstained: action.abstained } : undefined,
      );
    case 'answer-error':
      return updateAnswer(state, action.id, (a) =>
        isAnswerPending(a) ? { ...a, status: 'error', errorCode: action.code } : undefined,
      );
    case 'rate':
      return updateAnswer(state, action.id, (a) =>
        a.status === 'done' && a.rating !== action.rating ? { ...a, rating: action.rating } : undefined,
      );
    case 'comment':
      return updateAnswer(state, action.id, (a) =>
        a.rating && action.comment.trim() !== '' ? { ...a, comment: action.comment.trim() } : undefined,
      );
  }
}

/**
 * The transcript worth keeping across a page navigation: finished exchanges only. A pending answer
 * cannot resume on the next page (the server does not replay it), so it and its question are
 * dropped rather than shown as broken.
 */
export function selectPersistableMessages(state: ChatState): ChatMessage[] {
  const pendingIds = new Set(state.messages.filter(isAnswerPending).map((m) => m.id));
  return state.messages.filter((m) => !pendingIds.has(m.id));
}
