import type { AnswerLang, PublicBotConfig, RelatedRef } from '@govchat/protocol';
import type { AnswerMessage, ChatMessage, QuestionMessage } from './chat-state.js';
import { createExternalLink, isSafeHref, renderAnswer } from './format-answer.js';
import { createIcon } from './widget-icons.js';
import { renderContactList } from './render-contact.js';
import { describeError, type UiStrings } from './ui-strings.js';

/** What rendering a message needs besides the message itself. */
export interface MessageContext {
  doc: Document;
  /** The UI language (answers keep their own `lang` attribute for their text). */
  lang: AnswerLang;
  /** `UI_STRINGS[lang]`. */
  strings: UiStrings;
  contact?: PublicBotConfig['contact'];
  /** Chips that would send an ask are disabled while offline. */
  online: boolean;
  /** An answer is still arriving: related chips wait until it is done. */
  busy: boolean;
}

/**
 * Interactive elements carry `data-action` (handled by one delegated listener in the view) and
 * `data-key` (stable across re-renders, so focus and typed text survive replacing a message).
 */
function createButton(ctx: MessageContext, action: string, key: string, text?: string): HTMLButtonElement {
  const button = ctx.doc.createElement('button');
  button.type = 'button';
  button.dataset.action = action;
  button.dataset.key = key;
  if (text !== undefined) button.textContent = text;
  return button;
}

function createHiddenText(doc: Document, text: string): HTMLSpanElement {
  const span = doc.createElement('span');
  span.className = 'sr-only';
  span.textContent = `${text} `;
  return span;
}

/** A list of question chips; clicking one asks it. Used for suggested and related questions. */
export function renderQuestionChips(ctx: MessageContext, questions: RelatedRef[], keyPrefix: string, labelId: string): HTMLUListElement {
  const list = ctx.doc.createElement('ul');
  list.className = 'chips';
  list.setAttribute('aria-labelledby', labelId);
  questions.forEach((q, i) => {
    const item = ctx.doc.createElement('li');
    const button = createButton(ctx, 'ask', `${keyPrefix}-${i}`, q.question);
    button.dataset.question = q.question;
    button.disabled = !ctx.online || ctx.busy;
    item.appendChild(button);
    list.appendChild(item);
  });
  return list;
}

function renderQuestion(ctx: MessageContext, message: QuestionMessage): HTMLLIElement {
  const item = ctx.doc.createElement('li');
  item.className = 'msg question';
  item.append(createHiddenText(ctx.doc, ctx.strings.youSaid), ctx.doc.createTextNode(message.text));
  return item;
}

function renderTyping(ctx: MessageContext): HTMLElement {
  const typing = ctx.doc.createElement('span');
  typing.className = 'typing';
  for (let i = 0; i < 3; i++) {
    const dot = ctx.doc.createElement('span');
    dot.className = 'dot';
    typing.appendChild(dot);
  }
  typing.appendChild(createHiddenText(ctx.doc, ctx.strings.typing));
  return typing;
}

function renderSources(ctx: MessageContext, message: AnswerMessage): HTMLElement {
  const box = ctx.doc.createElement('div');
  box.className = 'sources';
  const labelId = `sources-${message.id}`;
  const label = ctx.doc.createElement('p');
  label.className = 'label';
  label.id = labelId;
  label.textContent = ctx.strings.sourcesHeading;
  const list = ctx.doc.createElement('ul');
  list.setAttribute('aria-labelledby', labelId);
  for (const source of message.sources) {
    const item = ctx.doc.createElement('li');
    item.appendChild(
      source.url && isSafeHref(source.url)
        ? createExternalLink(ctx.doc, source.url, source.question, ctx.strings.opensInNewTab)
        : ctx.doc.createTextNode(source.question),
    );
    list.appendChild(item);
  }
  box.append(label, list);
  return box;
}

function renderFeedback(ctx: MessageContext, message: AnswerMessage): HTMLElement {
  const box = ctx.doc.createElement('div');
  const row = ctx.doc.createElement('div');
  row.className = 'feedback';
  row.setAttribute('role', 'group');
  const promptId = `rate-${message.id}`;
  const prompt = ctx.doc.createElement('span');
  prompt.id = promptId;
  prompt.textContent = ctx.strings.ratingQuestion;
  row.setAttribute('aria-labelledby', promptId);
  row.appendChild(prompt);
  for (const rating of ['up', 'down'] as const) {
    const button = createButton(ctx, 'rate', `rate-${rating}`);
    button.dataset.rating = rating;
    button.setAttribute('aria-pressed', String(message.rating === rating));
    button.append(createIcon(ctx.doc, rating), createHiddenText(ctx.doc, rating === 'up' ? ctx.strings.rateUp : ctx.strings.rateDown));
    row.appendChild(button);
  }
  box.appendChild(row);
  if (message.rating && message.comment === undefined) {
    const form = ctx.doc.createElement('form');
    form.className = 'comment';
    form.dataset.action = 'comment';
    const inputId = `comment-${message.id}`;
    const label = ctx.doc.createElement('label');
    label.htmlFor = inputId;
    label.textContent = ctx.strings.commentLabel;
    const input = ctx.doc.createElement('textarea');
    input.id = inputId;
    input.name = 'comment';
    input.rows = 2;
    input.maxLength = 1000;
    input.dataset.key = 'comment-input';
    const send = ctx.doc.createElement('button');
    send.type = 'submit';
    send.dataset.key = 'comment-send';
    send.textContent = ctx.strings.commentSend;
    form.append(label, input, send);
    box.appendChild(form);
  }
  if (message.rating) {
    const thanks = ctx.doc.createElement('p');
    thanks.className = 'thanks';
    thanks.textContent = ctx.strings.feedbackThanks;
    box.appendChild(thanks);
  }
  return box;
}

function renderAnswerMessage(ctx: MessageContext, message: AnswerMessage): HTMLLIElement {
  const item = ctx.doc.createElement('li');
  item.className = 'msg answer';
  item.appendChild(createHiddenText(ctx.doc, ctx.strings.botSaid));
  if (message.corrected === true) {
    const note = ctx.doc.createElement('p');
    note.className = 'corrected';
    note.textContent = ctx.strings.corrected;
    item.appendChild(note);
  }
  if (message.text !== '') {
    const body = ctx.doc.createElement('div');
    body.className = 'body';
    // The answer may be in another language than the UI (a Cantonese question on an English page).
    if (message.lang) body.lang = message.lang;
    body.appendChild(renderAnswer(ctx.doc, message.text, { newTabHint: ctx.strings.opensInNewTab }));
    item.appendChild(body);
  }
  if (message.status === 'waiting') item.appendChild(renderTyping(ctx));
  if (message.status === 'error' || message.status === 'interrupted') {
    const error = ctx.doc.createElement('p');
    error.className = 'error';
    error.textContent = message.status === 'error' ? describeError(ctx.lang, message.errorCode ?? '') : ctx.strings.interrupted;
    item.appendChild(error);
  }
  if (message.sources.length > 0) item.appendChild(renderSources(ctx, message));
  if (message.status === 'done' && message.abstained && ctx.contact) {
    const box = ctx.doc.createElement('div');
    box.className = 'contact-inline';
    const label = ctx.doc.createElement('p');
    label.className = 'label';
    label.textContent = ctx.strings.notFoundContact;
    box.append(label, renderContactList(ctx.doc, ctx.contact, ctx.strings));
    item.appendChild(box);
  }
  if (message.related.length > 0 && message.status === 'done') {
    const box = ctx.doc.createElement('div');
    box.className = 'related';
    const labelId = `related-${message.id}`;
    const label = ctx.doc.createElement('p');
    label.className = 'label';
    label.id = labelId;
    label.textContent = ctx.strings.relatedHeading;
    box.append(label, renderQuestionChips(ctx, message.related, 'related', labelId));
    item.appendChild(box);
  }
  if (message.status === 'done') item.appendChild(renderFeedback(ctx, message));
  return item;
}

/** Renders one transcript entry as a `<li>` tagged with the message id. */
export function renderMessage(ctx: MessageContext, message: ChatMessage): HTMLLIElement {
  const item = message.kind === 'question' ? renderQuestion(ctx, message) : renderAnswerMessage(ctx, message);
  item.dataset.id = message.id;
  item.dataset.kind = message.kind;
  return item;
}
