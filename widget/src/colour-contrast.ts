/** An sRGB colour with 0–255 channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The colours the widget draws with, all derived from one brand colour. */
export interface WidgetTheme {
  /** Brand colour as a background (launcher, header, the citizen's bubbles); maybe darkened. */
  accent: string;
  /** Text / icon colour on `accent`: black or white, whichever reaches 4.5:1. */
  onAccent: string;
  /** Brand colour as text or focus ring (links, chips): darkened to 4.5:1 on the panel's white and grey surfaces. */
  accentText: string;
}

/** WCAG 2.1 AA minimum contrast for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Used when the page gives no colour, or one we cannot parse. A dark teal, 4.5:1+ with white. */
export const DEFAULT_BRAND_COLOUR = '#0b5f7a';

/** Background of the bot's bubbles and the greeting: the darkest surface brand-coloured text sits on. */
export const SURFACE_COLOUR = '#f2f4f5';

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/**
 * Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)`. Named CSS colours are not supported: resolving them
 * needs a 148-entry table for a case departments rarely use, so they fall back to the default.
 */
export function parseColour(input: string | null | undefined): Rgb | undefined {
  const value = input?.trim().toLowerCase() ?? '';
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) {
    const [, r = '', g = '', b = ''] = short;
    return { r: parseInt(r + r, 16), g: parseInt(g + g, 16), b: parseInt(b + b, 16) };
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) {
    const [, r = '', g = '', b = ''] = long;
    return { r: parseInt(r, 16), g: parseInt(g, 16), b: parseInt(b, 16) };
  }
  const fn = /^rgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(value);
  if (fn) {
    const channels = fn.slice(1, 4).map(Number);
    if (channels.every((c) => c <= 255)) {
      const [r = 0, g = 0, b = 0] = channels;
      return { r, g, b };
    }
  }
  return undefined;
}

/** `#rrggbb` for a colour (channels rounded and clamped). */
export function formatColour({ r, g, b }: Rgb): string {
  const hex = (c: number): string => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** WCAG 2.1 relative luminance (0 = black, 1 = white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.1 contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Darkens `colour` (scaling towards black, keeping its hue) just enough to reach `minimum` contrast
 * against `background`. Returns the colour unchanged when it already does.
 */
export function darkenToContrast(colour: Rgb, background: Rgb, minimum: number): Rgb {
  let current = colour;
  // 5 % steps: fine enough to stay close to the brand colour, and black is reached in ≤ 100 steps.
  for (let factor = 1; factor > 0 && contrastRatio(current, background) < minimum; factor -= 0.05) {
    current = { r: Math.round(colour.r * factor), g: Math.round(colour.g * factor), b: Math.round(colour.b * factor) };
  }
  return contrastRatio(current, background) < minimum ? BLACK : current;
}

/**
 * Derives the widget's theme from a department's brand colour so every text/background pair
 * reaches WCAG AA (4.5:1) whatever colour is given. White text is preferred on the brand colour
 * (the usual government look), black when only black reaches 4.5:1; if neither does (impossible for
 * opaque sRGB in theory — one of them always reaches ~4.58 — but rounding is guarded against) the
 * colour is darkened under white text.
 */
export function deriveTheme(input: string | null | undefined): WidgetTheme {
  const brand = parseColour(input) ?? (parseColour(DEFAULT_BRAND_COLOUR) as Rgb);
  let accent = brand;
  let onAccent: Rgb;
  if (contrastRatio(brand, WHITE) >= MIN_TEXT_CONTRAST) onAccent = WHITE;
  else if (contrastRatio(brand, BLACK) >= MIN_TEXT_CONTRAST) onAccent = BLACK;
  else {
    onAccent = WHITE;
    accent = darkenToContrast(brand, WHITE, MIN_TEXT_CONTRAST);
  }
  // Checked against the grey surface: darker than white, so 4.5:1 there means 4.5:1 on white too.
  const accentText = darkenToContrast(brand, parseColour(SURFACE_COLOUR) as Rgb, MIN_TEXT_CONTRAST);
  return { accent: formatColour(accent), onAccent: formatColour(onAccent), accentText: formatColour(accentText) };
}
