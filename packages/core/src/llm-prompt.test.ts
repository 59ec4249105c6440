import { describe, expect, it } from 'vitest';
import { buildLlmPrompt, faqEntrySchema } from './index.js';
import { answerContext, LOST_PHONE, REGISTER_IN_PERSON, REGISTER_REMOTELY } from './test-helpers/answer-fixtures.js';

describe('buildLlmPrompt', () => {
  it('merges a history of questions into one labelled user message, so roles alternate', () => {
    const prompt = buildLlmPrompt(answerContext({ history: ['How do I register?', 'Is it free?'], question: 'And remotely?' }));
    expect(prompt.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(prompt.messages[1]!.content).toBe('Earlier question: How do I register?\n\nEarlier question: Is it free?\n\nAnd remotely?');
    expect(prompt.historyTurns).toBe(2);
  });

  it('never starts the conversation with an assistant message', () => {
    const prompt = buildLlmPrompt(
      answerContext({ conversation: [{ role: 'assistant', text: 'Hi! Ask me about iAM Smart.' }, { role: 'user', text: 'Is it free?' }, { role: 'assistant', text: 'Yes.' }], question: 'Really?' }),
    );
    expect(prompt.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  });

  it('drops lower-ranked FAQs that do not fit the budget but always keeps the chosen one', () => {
    const prompt = buildLlmPrompt(answerContext({ hits: [REGISTER_IN_PERSON, REGISTER_REMOTELY, LOST_PHONE] }), { faqTokens: 10 });
    expect(prompt.faqIds).toEqual(['register-in-person']);
    expect(buildLlmPrompt(answerContext({ hits: [REGISTER_IN_PERSON, REGISTER_REMOTELY, LOST_PHONE] })).faqIds).toEqual([
      'register-in-person',
      'register-remotely-app',
      'lost-phone-suspend',
    ]);
  });

  it('masks identity and card numbers even in FAQ text, but keeps published phone numbers', () => {
    const entry = faqEntrySchema.parse({
      id: 'sample-form',
      question: { en: 'What does a filled form look like?' },
      answer: { en: 'Example: HKID A123456(3), card 4111 1111 1111 1111. Questions: call 2824 6111.' },
    });
    const system = buildLlmPrompt(answerContext({ hits: [entry] })).messages[0]!.content;
    expect(system).toContain('HKID [HKID], card [CARD]');
    expect(system).toContain('call 2824 6111');
  });

  it('lists the fixed wording of its rules for the leak check, not the bot’s contact details', () => {
    const prompt = buildLlmPrompt(answerContext(), { canary: 'gc-abc' });
    expect(prompt.instructions.join(' ')).toContain('Answer the question using only the FAQ entries');
    expect(prompt.instructions.join(' ')).not.toContain('182 123');
    expect(prompt.leakMarkers).toContain('gc-abc');
    expect(prompt.estimatedTokens).toBeGreaterThan(100);
  });
});
