// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AnswerMessage } from './chat-state.js';
import { renderMessage, type MessageContext } from './render-message.js';
import { UI_STRINGS } from './ui-strings.js';

const ctx = (overrides: Partial<MessageContext> = {}): MessageContext => ({
  doc: document,
  lang: 'en',
  strings: UI_STRINGS.en,
  contact: { phone: '182 123', url: 'https://www.iamsmart.gov.hk' },
  online: true,
  busy: false,
  ...overrides,
});
const answer = (overrides: Partial<AnswerMessage> = {}): AnswerMessage => ({
  kind: 'answer',
  id: 'a1',
  status: 'done',
  text: 'Register in the app.',
  sources: [],
  related: [],
  abstained: false,
  ...overrides,
});

describe('renderMessage', () => {
  it('renders the citizen’s question as text, labelled for screen readers', () => {
    const item = renderMessage(ctx(), { kind: 'question', id: 'q', text: '<b>hi</b>' });
    expect(item.querySelector('b')).toBeNull();
    expect(item.textContent).toBe('You said: <b>hi</b>');
    expect(item.dataset).toMatchObject({ id: 'q', kind: 'question' });
  });

  it('shows a typing indicator until the first delta, and no feedback while streaming', () => {
    const waiting = renderMessage(ctx(), answer({ status: 'waiting', text: '' }));
    expect(waiting.querySelector('.typing')).not.toBeNull();
    expect(waiting.querySelector('.body')).toBeNull();
    const streaming = renderMessage(ctx(), answer({ status: 'streaming', text: 'Reg' }));
    expect(streaming.querySelector('.typing')).toBeNull();
    expect(streaming.querySelector('.body')?.textContent).toBe('Reg');
    expect(streaming.querySelector('[data-action="rate"]')).toBeNull();
  });

  it('tags the answer text with its own language', () => {
    const item = renderMessage(ctx(), answer({ lang: 'zh-CN', text: '在应用程序登记。' }));
    expect(item.querySelector('.body')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('links sources that have a safe URL and lists the others as text', () => {
    const item = renderMessage(
      ctx(),
      answer({
        sources: [
          { id: 'reg', question: 'How do I register?', url: 'https://www.iamsmart.gov.hk/en/reg.html', score: 0.9 },
          { id: 'x', question: 'No link', score: 0.5 },
          { id: 'y', question: 'Bad link', url: 'javascript:alert(1)', score: 0.4 },
        ],
      }),
    );
    const links = Array.from(item.querySelectorAll('.sources a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.iamsmart.gov.hk/en/reg.html']);
    expect(item.querySelector('.sources')?.textContent).toContain('No link');
    expect(item.querySelector('.sources')?.textContent).toContain('Bad link');
  });

  it('offers related questions as chips once the answer is done, disabled while offline', () => {
    const related = [{ id: 'r', question: 'What is iAM Smart+?' }];
    expect(renderMessage(ctx(), answer({ status: 'streaming', related })).querySelector('.related')).toBeNull();
    const chip = renderMessage(ctx(), answer({ related })).querySelector<HTMLButtonElement>('.related button');
    expect(chip?.dataset).toMatchObject({ action: 'ask', question: 'What is iAM Smart+?' });
    expect(chip?.disabled).toBe(false);
    expect(renderMessage(ctx({ online: false }), answer({ related })).querySelector<HTMLButtonElement>('.related button')?.disabled).toBe(true);
  });

  it('shows thumbs as toggle buttons, then a comment form, then thanks', () => {
    const unrated = renderMessage(ctx(), answer());
    const thumbs = Array.from(unrated.querySelectorAll<HTMLButtonElement>('[data-action="rate"]'));
    expect(thumbs.map((b) => [b.dataset.rating, b.getAttribute('aria-pressed'), b.textContent?.trim()])).toEqual([
      ['up', 'false', 'Helpful'],
      ['down', 'false', 'Not helpful'],
    ]);
    expect(unrated.querySelector('form.comment')).toBeNull();

    const rated = renderMessage(ctx(), answer({ rating: 'down' }));
    expect(rated.querySelector('[data-rating="down"]')?.getAttribute('aria-pressed')).toBe('true');
    const field = rated.querySelector('form.comment textarea');
    expect(field && rated.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Tell us more (optional)');

    const commented = renderMessage(ctx(), answer({ rating: 'down', comment: 'unclear' }));
    expect(commented.querySelector('form.comment')).toBeNull();
    expect(commented.textContent).toContain('Thank you for your feedback.');
  });

  it('adds the contact details when the bot could not answer', () => {
    const item = renderMessage(ctx(), answer({ abstained: true, text: 'Sorry, I could not find an answer.' }));
    expect(Array.from(item.querySelectorAll('.contact-inline a')).map((a) => a.getAttribute('href'))).toEqual(['tel:182123', 'https://www.iamsmart.gov.hk']);
  });

  it('explains errors and interruptions in the UI language', () => {
    expect(renderMessage(ctx({ lang: 'zh-HK', strings: UI_STRINGS['zh-HK'] }), answer({ status: 'error', errorCode: 'BUSY', text: '' })).querySelector('.error')?.textContent).toBe(
      UI_STRINGS['zh-HK'].errors.BUSY,
    );
    expect(renderMessage(ctx(), answer({ status: 'interrupted', text: 'half' })).querySelector('.error')?.textContent).toBe(UI_STRINGS.en.interrupted);
  });
});
