import { describe, expect, it } from 'vitest';
import { createSpeechInput, findSpeechRecognition, isMicrophoneAllowed, type SpeechRecognitionLike } from './speech-input.js';

/** A scripted recognition engine: the test says what it "hears". */
class FakeRecognition implements SpeechRecognitionLike {
  static instances: FakeRecognition[] = [];
  lang = '';
  interimResults = false;
  continuous = true;
  maxAlternatives = 5;
  onresult: SpeechRecognitionLike['onresult'] = null;
  onerror: SpeechRecognitionLike['onerror'] = null;
  onend: SpeechRecognitionLike['onend'] = null;
  started = false;
  constructor() {
    FakeRecognition.instances.push(this);
  }
  start(): void {
    this.started = true;
  }
  stop(): void {
    this.onend?.();
  }
  abort(): void {
    this.onerror?.({ error: 'aborted' });
    this.onend?.();
  }
  hear(...chunks: string[]): void {
    const results = chunks.map((transcript) => Object.assign([{ transcript }], { isFinal: true }));
    this.onresult?.({ resultIndex: 0, results });
  }
}

function setUp() {
  FakeRecognition.instances = [];
  const transcripts: string[] = [];
  const ends: boolean[] = [];
  const speech = createSpeechInput(FakeRecognition, { onTranscript: (t) => transcripts.push(t), onEnd: (failed) => ends.push(failed) });
  return { speech, transcripts, ends };
}

describe('speech input', () => {
  it('is only offered where the browser has recognition (standard or webkit-prefixed)', () => {
    expect(findSpeechRecognition({})).toBeUndefined();
    expect(findSpeechRecognition({ webkitSpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
    expect(findSpeechRecognition({ SpeechRecognition: FakeRecognition, webkitSpeechRecognition: 1 })).toBe(FakeRecognition);
    expect(findSpeechRecognition({ SpeechRecognition: 'nope' })).toBeUndefined();
  });

  it('is not offered where the page’s Permissions-Policy forbids the microphone', () => {
    expect(isMicrophoneAllowed({})).toBe(true);
    expect(isMicrophoneAllowed({ featurePolicy: { allowsFeature: (f: string) => f !== 'microphone' } })).toBe(false);
    expect(isMicrophoneAllowed({ permissionsPolicy: { allowsFeature: () => true } })).toBe(true);
  });

  it.each([
    ['zh-HK', 'zh-HK'],
    ['en', 'en-HK'],
    ['zh-CN', 'zh-CN'],
  ] as const)('listens for %s in %s, one utterance with interim results', (lang, locale) => {
    const { speech } = setUp();
    speech.start(lang);
    const recognition = FakeRecognition.instances[0];
    expect(recognition).toMatchObject({ lang: locale, interimResults: true, continuous: false, started: true });
    expect(speech.isListening()).toBe(true);
  });

  it('passes the transcript on and ends successfully', () => {
    const { speech, transcripts, ends } = setUp();
    speech.start('zh-HK');
    FakeRecognition.instances[0]?.hear('點樣', '登記智方便');
    FakeRecognition.instances[0]?.stop();
    expect(transcripts).toEqual(['點樣登記智方便']);
    expect(ends).toEqual([false]);
    expect(speech.isListening()).toBe(false);
  });

  it('reports failure when nothing was heard or an error occurred', () => {
    const { speech, ends } = setUp();
    speech.start('en');
    const recognition = FakeRecognition.instances[0];
    recognition?.onerror?.({ error: 'not-allowed' });
    recognition?.onend?.();
    expect(ends).toEqual([true]);
  });

  it('does not call it a failure when the citizen stops listening', () => {
    const { speech, ends } = setUp();
    speech.start('en');
    speech.stop();
    expect(ends).toEqual([false]);
  });
});
