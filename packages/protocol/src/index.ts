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
}

/** Events the server emits on `/chat`. */
export interface ServerToClientEvents {
  session: (event: SessionEvent) => void;
  'answer.start': (event: AnswerStartEvent) => void;
  'answer.delta': (event: AnswerDeltaEvent) => void;
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
  answer: string;
  lang: AnswerLang;
  queryLang: QueryLang;
  abstained: boolean;
  reason?: 'low-confidence' | 'refused' | 'empty';
  confidence: number;
  usedHistory: boolean;
  sources: SourceRef[];
  related: RelatedRef[];
  session?: string;
  latencyMs?: number;
}

/** `GET /api/bots/:id`: what a widget needs to draw itself. */
export interface PublicBotConfig {
  id: string;
  name: { en: string; 'zh-HK': string };
  greeting: { en: string; 'zh-HK': string };
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
