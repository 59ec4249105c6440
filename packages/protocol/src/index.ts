/**
 * @govchat/protocol — the wire protocol between the govchat server and its clients (the widget,
 * external Socket.IO clients, REST callers). Types only: importing it adds no bytes to a bundle.
 * Documented for humans in docs/protocol.md; keep both in step.
 */

/** Languages an answer can be written in. */
export type AnswerLang = 'en' | 'zh-HK' | 'zh-CN';
/** What the citizen wrote in, as detected. */
export type QueryLang = 'en' | 'zh-HK' | 'yue' | 'zh-CN' | 'mixed';

/** Socket.IO namespace of the chat protocol. */
export type ChatNamespace = '/chat';

/** Handshake `auth` of the `/chat` namespace. */
export interface ChatAuth {
  bot: string;
  /** A session id from an earlier `session` event: resumes that conversation. */
  session?: string;
}

export interface AskPayload {
  /** Chosen by the client; echoed on every event about this ask. */
  id: string;
  text: string;
  /** Answer in this language instead of the question's. */
  lang?: AnswerLang;
}

export interface CancelPayload {
  id: string;
}

export interface FeedbackPayload {
  /** The ask id the feedback is about. */
  id: string;
  rating: 'up' | 'down';
  comment?: string;
}

export interface SessionEvent {
  session: string;
}

export interface AnswerStartEvent {
  id: string;
  lang: AnswerLang;
}

export interface AnswerDeltaEvent {
  id: string;
  text: string;
}

export interface SourceRef {
  id: string;
  question: string;
  url?: string;
  score: number;
}

export interface RelatedRef {
  id: string;
  question: string;
}

export interface AnswerSourcesEvent {
  id: string;
  sources: SourceRef[];
  related: RelatedRef[];
}

export interface AnswerEndEvent {
  id: string;
  abstained: boolean;
  latencyMs: number;
  /** FAQ ids the answer shown is built from (an LLM answer's citations), when the server reports them. */
  citations?: string[];
}

/**
 * Why a generated answer was withdrawn. Kept in step with `AnswerResetReason` in @govchat/core.
 * - `no-citation`: the answer cited no FAQ; `unknown-citation`: it cited an FAQ it was not given;
 * - `prompt-leak`: it repeated the bot's instructions; `off-domain-url`: it linked outside the bot's domains;
 * - `llm-failed` / `timeout`: the model failed or was too slow after text had been shown.
 */
export type AnswerResetReason = 'no-citation' | 'unknown-citation' | 'prompt-leak' | 'off-domain-url' | 'llm-failed' | 'timeout';

/**
 * Sent between `answer.delta` events when the text shown so far is withdrawn: the client clears
 * the answer's text (optionally noting that it was corrected); the `answer.delta` events that
 * follow carry the replacement (the FAQ's own answer). Only LLM-answering bots send it, at most
 * once per ask, always before `answer.sources` and `answer.end`.
 */
export interface AnswerResetEvent {
  id: string;
  reason: AnswerResetReason;
}

/** Error codes a client may see. */
export type ClientErrorCode =
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'BUSY'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'BOT_NOT_FOUND'
  | 'INDEX_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN_ORIGIN'
  | 'NOT_FOUND'
  | 'INTERNAL';

export interface AnswerErrorEvent {
  /** The ask id, or '' when the payload had none. */
  id: string;
  code: ClientErrorCode;
  message: string;
}

export interface FeedbackAckEvent {
  id: string;
  ok: boolean;
  /** Why the feedback was not recorded (when `ok` is false). */
  code?: ClientErrorCode;
  message?: string;
}

/** Events the server emits on `/chat`. */
export interface ServerToClientEvents {
  session: (event: SessionEvent) => void;
  'answer.start': (event: AnswerStartEvent) => void;
  'answer.delta': (event: AnswerDeltaEvent) => void;
  'answer.reset': (event: AnswerResetEvent) => void;
  'answer.sources': (event: AnswerSourcesEvent) => void;
  'answer.end': (event: AnswerEndEvent) => void;
  'answer.error': (event: AnswerErrorEvent) => void;
  'feedback.ack': (event: FeedbackAckEvent) => void;
}

/** Events a client emits on `/chat`. */
export interface ClientToServerEvents {
  ask: (payload: AskPayload) => void;
  cancel: (payload: CancelPayload) => void;
  feedback: (payload: FeedbackPayload) => void;
}

/** `POST /api/bots/:id/ask` body. */
export interface AskRequest {
  text: string;
  session?: string;
  history?: string[];
  lang?: AnswerLang;
}

/** `POST /api/bots/:id/ask` JSON response (same shape as `govchat ask --json`). */
export interface AskResponse {
  /** The ask id the server gave this answer: `id` of `POST /api/feedback`. */
  id?: string;
  answer: string;
  lang: AnswerLang;
  queryLang: QueryLang;
  abstained: boolean;
  /**
   * Why no FAQ answered: `small-talk` is a greeting, thanks, goodbye or "who are you?", answered
   * politely; `unclear` is keyboard mashing with no word in it.
   */
  reason?: 'low-confidence' | 'refused' | 'empty' | 'small-talk' | 'unclear';
  confidence: number;
  usedHistory: boolean;
  sources: SourceRef[];
  related: RelatedRef[];
  /** FAQ ids the answer is built from (an LLM answer's citations; the quoted FAQ otherwise). */
  citations?: string[];
  /** Who wrote the answer: 'llm' or 'extractive' (or 'guard' / 'fallback' / 'small-talk' when refusing or abstaining). */
  answeredBy?: string;
  /** Set when an LLM answer was replaced by the FAQ's own answer, and why. */
  fallback?: AnswerResetReason;
  session?: string;
  latencyMs?: number;
}

/** `GET /api/bots/:id`: what a widget needs to draw itself. */
export interface PublicBotConfig {
  id: string;
  /** `zh-CN` is the Simplified form of `zh-HK`, for the widget's 简 setting. */
  name: { en: string; 'zh-HK': string; 'zh-CN'?: string };
  greeting: { en: string; 'zh-HK': string; 'zh-CN'?: string };
  contact: { phone: string; url: string; email?: string };
  theme?: { color: string };
  /** Starter questions, per answer language. */
  suggested: Record<AnswerLang, RelatedRef[]>;
  /** Fallback when no answer is found, per answer language. */
  fallback?: Record<AnswerLang, string>;
}

/** REST error body. */
export interface ErrorBody {
  error: { code: ClientErrorCode | string; message: string };
}
