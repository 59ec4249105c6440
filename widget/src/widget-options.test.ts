import { describe, expect, it } from 'vitest';
import { deriveServerFromScript, isFlagOn, normaliseServer, readWidgetOptions, type OptionReader } from './widget-options.js';

const reader = (attrs: Record<string, string>): OptionReader => (name) => attrs[name] ?? null;

describe('widget options', () => {
  it('defaults the server to the directory the script was loaded from', () => {
    expect(deriveServerFromScript('https://chat.gov.hk/widget.js')).toBe('https://chat.gov.hk');
    expect(deriveServerFromScript('https://x.gov.hk/govchat/widget.js?v=2')).toBe('https://x.gov.hk/govchat');
    expect(deriveServerFromScript('blob:https://x/1')).toBeUndefined();
    expect(deriveServerFromScript(null)).toBeUndefined();
  });

  it('reads every option, with sane defaults', () => {
    expect(readWidgetOptions(reader({ bot: 'iam-smart' }), 'https://h')).toEqual({
      bot: 'iam-smart',
      server: 'https://h',
      lang: null,
      position: 'right',
      color: null,
      title: null,
      open: false,
    });
    expect(
      readWidgetOptions(
        reader({ bot: 'housing', server: 'https://other.gov.hk/', lang: 'zh-CN', position: 'LEFT', color: '#123', title: ' Help ', open: '' }),
        'https://h',
      ),
    ).toEqual({ bot: 'housing', server: 'https://other.gov.hk', lang: 'zh-CN', position: 'left', color: '#123', title: 'Help', open: true });
  });

  it('explains what is wrong instead of starting a broken widget', () => {
    expect(readWidgetOptions(reader({}), 'https://h')).toMatch(/data-bot/);
    expect(readWidgetOptions(reader({ bot: '../admin' }), 'https://h')).toMatch(/data-bot/);
    expect(readWidgetOptions(reader({ bot: 'iam-smart' }), undefined)).toMatch(/data-server/);
    expect(readWidgetOptions(reader({ bot: 'iam-smart', server: 'javascript:alert(1)' }), undefined)).toMatch(/data-server/);
  });

  it('resolves a relative data-server against the page', () => {
    expect(normaliseServer('/govchat', 'https://dept.gov.hk/page.html')).toBe('https://dept.gov.hk/govchat');
  });

  it('treats data-open as a flag', () => {
    expect(isFlagOn('')).toBe(true);
    expect(isFlagOn('true')).toBe(true);
    expect(isFlagOn('false')).toBe(false);
    expect(isFlagOn('0')).toBe(false);
    expect(isFlagOn(null)).toBe(false);
  });
});
