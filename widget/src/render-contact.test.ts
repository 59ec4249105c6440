// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isEmailAddress, renderContactList, toTelHref } from './render-contact.js';
import { UI_STRINGS } from './ui-strings.js';

describe('contact details', () => {
  it('makes dialable tel: links from displayed numbers', () => {
    expect(toTelHref('182 123')).toBe('tel:182123');
    expect(toTelHref('+852 2835-2500')).toBe('tel:+85228352500');
    expect(toTelHref('call us')).toBeUndefined();
  });

  it('accepts plain e-mail addresses only', () => {
    expect(isEmailAddress('enquiry@iamsmart.gov.hk')).toBe(true);
    expect(isEmailAddress('a@b.hk?bcc=x@y.hk')).toBe(false);
    expect(isEmailAddress('not an email')).toBe(false);
  });

  it('lists hotline, website and e-mail as links, in the UI language', () => {
    const list = renderContactList(document, { phone: '182 123', url: 'https://www.iamsmart.gov.hk/', email: 'a@b.gov.hk' }, UI_STRINGS['zh-HK']);
    const links = Array.from(list.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['tel:182123', 'https://www.iamsmart.gov.hk/', 'mailto:a@b.gov.hk']);
    expect(list.textContent).toContain('熱線: 182 123');
  });

  it('drops unsafe or missing entries', () => {
    const list = renderContactList(document, { phone: '', url: 'javascript:alert(1)' }, UI_STRINGS.en);
    expect(list.querySelectorAll('li')).toHaveLength(0);
  });
});
