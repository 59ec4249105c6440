/** Which corner the launcher sits in. */
export type WidgetPosition = 'right' | 'left';

/** How one widget was configured by the embedding page. */
export interface WidgetOptions {
  bot: string;
  /** Base URL of the govchat server (origin, plus a path when mounted under one). */
  server: string;
  /** `data-lang` as given (`en`, `zh-HK`, `zh-CN`, `auto` or absent); resolved later. */
  lang: string | null;
  position: WidgetPosition;
  color: string | null;
  /** Replaces the bot's name in the panel header. */
  title: string | null;
  /** Open the panel as soon as the widget loads. */
  open: boolean;
}

/** Reads an option by its bare name (`bot`, `lang` …); the caller decides between `data-x` and `x`. */
export type OptionReader = (name: keyof WidgetOptions) => string | null;

/** Bot ids as the server accepts them; anything else is an embedding mistake worth a console warning. */
const BOT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Whether a boolean data attribute is on: present (even empty) unless it says false/0/no/off. */
export function isFlagOn(value: string | null): boolean {
  return value !== null && !/^(false|0|no|off)$/i.test(value.trim());
}

/**
 * The server a script was loaded from: the directory of its URL, so
 * `https://x.gov.hk/govchat/widget.js` → `https://x.gov.hk/govchat`. Undefined when the URL is
 * not http(s) (inline script, blob).
 */
export function deriveServerFromScript(src: string | null | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const url = new URL('.', src);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** Normalises a `data-server` value; undefined when it is not an absolute http(s) URL. */
export function normaliseServer(value: string | null, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * Collects a widget's options; returns an error string instead when they cannot work (no bot, no
 * server), so the embedder sees one clear console message rather than a broken launcher.
 */
export function readWidgetOptions(read: OptionReader, defaultServer: string | undefined, pageUrl?: string): WidgetOptions | string {
  const bot = read('bot')?.trim() ?? '';
  if (!BOT_ID.test(bot)) return `govchat: data-bot ${JSON.stringify(bot)} is not a bot id (lower-case letters, digits and "-")`;
  const server = normaliseServer(read('server'), pageUrl) ?? defaultServer;
  if (!server) return 'govchat: cannot tell which server to use; set data-server="https://…"';
  const position = read('position')?.trim().toLowerCase() === 'left' ? 'left' : 'right';
  return {
    bot,
    server,
    lang: read('lang'),
    position,
    color: read('color'),
    title: read('title')?.trim() || null,
    open: isFlagOn(read('open')),
  };
}
