import { describe, expect, it } from 'vitest';
import { detectSmallTalk, type SmallTalkKind } from '@govchat/core';

describe('detectSmallTalk', () => {
  const cases: ReadonlyArray<readonly [string, SmallTalkKind]> = [
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning', 'greeting'],
    ['早晨', 'greeting'],
    ['你好呀', 'greeting'],
    ['thanks, have a nice day', 'thanks'],
    ['Thank you so much for your help!', 'thanks'],
    ['唔該晒', 'thanks'],
    ['多謝你！拜拜', 'thanks'],
    ['谢谢', 'thanks'],
    ['bye', 'farewell'],
    ['再見', 'farewell'],
    ['who are you?', 'identity'],
    ['are you a real person or a bot', 'identity'],
    ['你叫咩名呀，係咪機械人嚟', 'identity'],
    ['你係咪真人嚟㗎？', 'identity'],
    ['你好呀，你叫什么名字？今天心情怎么样', 'identity'],
    ['how are you doing today', 'wellbeing'],
    ['你好嗎？', 'wellbeing'],
    ['tell me a joke', 'joke'],
    ['给我讲个笑话吧', 'joke'],
  ];
  it.each(cases)('%s → %s', (text, kind) => {
    expect(detectSmallTalk(text)).toBe(kind);
  });

  // A greeting or thanks around a real question is a question: the FAQs must answer it.
  it.each([
    'hi, how do I renew my passport?',
    'thanks, and how much is the fee?',
    '你好，我想問點樣登記智方便',
    '唔該，公屋要等幾耐',
    'hey whats up, do you like cats',
    'good morning, what documents do I need',
    'who can apply for public housing',
    'what is your phone number',
    'how are vouchers paid to the clinic',
    '',
  ])('%s → not small talk', (text) => {
    expect(detectSmallTalk(text)).toBeUndefined();
  });
});
