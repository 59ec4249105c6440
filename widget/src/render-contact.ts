import type { PublicBotConfig } from '@govchat/protocol';
import { createExternalLink, isSafeHref } from './format-answer.js';
import type { UiStrings } from './ui-strings.js';

/** A `tel:` URI for a displayed phone number ("182 123" → "tel:182123", "+852 2835 2500" → "tel:+85228352500"). */
export function toTelHref(phone: string): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : undefined;
}

/** Whether a string looks like one e-mail address (nothing that could smuggle mailto parameters). */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@?&#/]+@[^\s@?&#/]+\.[^\s@?&#/]+$/.test(value);
}

/**
 * The department's hotline (a `tel:` link, so a phone dials it with one tap), website and e-mail,
 * as a list. Only what the config provides and is well-formed is shown.
 */
export function renderContactList(doc: Document, contact: PublicBotConfig['contact'] | undefined, strings: UiStrings): HTMLUListElement {
  const list = doc.createElement('ul');
  const addItem = (label: string, link: HTMLElement): void => {
    const item = doc.createElement('li');
    item.append(doc.createTextNode(`${label}: `), link);
    list.appendChild(item);
  };
  const phone = contact?.phone?.trim();
  const tel = phone ? toTelHref(phone) : undefined;
  if (phone && tel) {
    const link = doc.createElement('a');
    link.href = tel;
    link.textContent = phone;
    addItem(strings.hotline, link);
  }
  const url = contact?.url?.trim();
  if (url && isSafeHref(url)) {
    addItem(strings.website, createExternalLink(doc, url, url.replace(/^https?:\/\//, '').replace(/\/$/, ''), strings.opensInNewTab));
  }
  const email = contact?.email?.trim();
  if (email && isEmailAddress(email)) {
    const link = doc.createElement('a');
    link.href = `mailto:${email}`;
    link.textContent = email;
    addItem(strings.email, link);
  }
  return list;
}
