import type { AnswerLang } from '@govchat/protocol';
import { SPEECH_LOCALES } from './resolve-language.js';

/** The parts of the Web Speech API's recognition object the widget uses (not in every TS DOM lib). */
export interface SpeechRecognitionLike {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  maxAlternatives: number;
  onresult: ((event: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

export type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

/** The browser's speech recognition (standard or Chrome/Safari-prefixed), or undefined: then there is no mic button. */
export function findSpeechRecognition(scope: object = globalThis): SpeechRecognitionConstructor | undefined {
  const candidates = scope as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown };
  const ctor = candidates.SpeechRecognition ?? candidates.webkitSpeechRecognition;
  return typeof ctor === 'function' ? (ctor as SpeechRecognitionConstructor) : undefined;
}

/**
 * Whether the page's Permissions-Policy lets it use the microphone (Chromium exposes the policy;
 * other browsers are assumed to allow it and report `not-allowed` on start if not). A page that
 * sends `microphone=()` gets no mic button rather than one that always fails.
 */
export function isMicrophoneAllowed(doc: object): boolean {
  const { permissionsPolicy, featurePolicy } = doc as { permissionsPolicy?: unknown; featurePolicy?: unknown };
  const policy = (permissionsPolicy ?? featurePolicy) as { allowsFeature?: (feature: string) => boolean } | undefined;
  if (typeof policy?.allowsFeature !== 'function') return true;
  try {
    return policy.allowsFeature('microphone');
  } catch {
    return true;
  }
}

/** Callbacks of a listening session. */
export interface SpeechHandlers {
  /** The transcript so far (interim results shown as they come, so the citizen sees it is working). */
  onTranscript: (text: string) => void;
  /** Listening stopped; `failed` when nothing usable was heard or access was refused (not when the citizen stopped it). */
  onEnd: (failed: boolean) => void;
}

/** A microphone that listens in the widget's language. */
export interface SpeechInput {
  start(lang: AnswerLang): void;
  stop(): void;
  isListening(): boolean;
}

/** Wraps a SpeechRecognition constructor: one utterance per start, in Cantonese / en-HK / Putonghua per language. */
export function createSpeechInput(Recognition: SpeechRecognitionConstructor, handlers: SpeechHandlers): SpeechInput {
  let active: SpeechRecognitionLike | undefined;
  let stoppedByCitizen = false;
  return {
    start(lang) {
      active?.abort();
      const recognition = new Recognition();
      recognition.lang = SPEECH_LOCALES[lang];
      recognition.interimResults = true;
      recognition.continuous = false;
      recognition.maxAlternatives = 1;
      let transcript = '';
      let failed = false;
      stoppedByCitizen = false;
      recognition.onresult = (event) => {
        let text = '';
        for (let i = 0; i < event.results.length; i++) text += event.results[i]?.[0]?.transcript ?? '';
        transcript = text.trim();
        handlers.onTranscript(transcript);
      };
      recognition.onerror = (event) => {
        // "aborted" is our own stop(); anything else (no-speech, not-allowed, network) is a failure.
        if (event.error !== 'aborted') failed = true;
      };
      recognition.onend = () => {
        if (active === recognition) active = undefined;
        handlers.onEnd(!stoppedByCitizen && (failed || transcript === ''));
      };
      active = recognition;
      try {
        recognition.start();
      } catch {
        active = undefined;
        handlers.onEnd(true);
      }
    },
    stop() {
      stoppedByCitizen = true;
      active?.stop();
    },
    isListening() {
      return active !== undefined;
    },
  };
}
