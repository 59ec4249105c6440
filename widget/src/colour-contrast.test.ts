import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  DEFAULT_BRAND_COLOUR,
  deriveTheme,
  darkenToContrast,
  formatColour,
  MIN_TEXT_CONTRAST,
  parseColour,
  relativeLuminance,
  type Rgb,
} from './colour-contrast.js';

const rgb = (hex: string): Rgb => {
  const parsed = parseColour(hex);
  if (!parsed) throw new Error(`bad test colour ${hex}`);
  return parsed;
};
const SURFACE = rgb('#f2f4f5');
const WHITE = rgb('#ffffff');

describe('parseColour', () => {
  it('reads #rgb, #rrggbb and rgb()', () => {
    expect(parseColour('#1F6F5C')).toEqual({ r: 31, g: 111, b: 92 });
    expect(parseColour('#fa0')).toEqual({ r: 255, g: 170, b: 0 });
    expect(parseColour(' rgb(10, 20, 30) ')).toEqual({ r: 10, g: 20, b: 30 });
    expect(parseColour('rgba(10,20,30,0.5)')).toEqual({ r: 10, g: 20, b: 30 });
  });

  it('rejects what it cannot read instead of guessing', () => {
    for (const bad of ['', 'red', '#12345', '#ggg', 'rgb(300, 0, 0)', 'javascript:alert(1)', null, undefined]) {
      expect(parseColour(bad)).toBeUndefined();
    }
  });
});

describe('WCAG maths', () => {
  it('matches the reference values for black and white', () => {
    expect(relativeLuminance(WHITE)).toBeCloseTo(1, 5);
    expect(relativeLuminance(rgb('#000'))).toBe(0);
    expect(contrastRatio(WHITE, rgb('#000'))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb('#000'), WHITE)).toBeCloseTo(21, 5);
  });

  it('gives the well-known 4.54:1 for #767676 on white', () => {
    expect(contrastRatio(rgb('#767676'), WHITE)).toBeCloseTo(4.54, 2);
  });

  it('darkens a light colour until it reaches the target, keeping its hue', () => {
    const yellow = rgb('#ffcc00');
    const dark = darkenToContrast(yellow, WHITE, 4.5);
    expect(contrastRatio(dark, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(dark.r).toBeGreaterThan(dark.g);
    expect(dark.b).toBe(0);
    expect(darkenToContrast(rgb('#000080'), WHITE, 4.5)).toEqual(rgb('#000080'));
  });

  it('formats back to hex', () => {
    expect(formatColour({ r: 31, g: 111, b: 92 })).toBe('#1f6f5c');
    expect(formatColour({ r: -3, g: 300, b: 9.6 })).toBe('#00ff0a');
  });
});

describe('deriveTheme', () => {
  it('puts white text on dark brand colours and black text on light ones', () => {
    expect(deriveTheme('#1f6f5c')).toMatchObject({ accent: '#1f6f5c', onAccent: '#ffffff' });
    expect(deriveTheme('#ffcc00')).toMatchObject({ accent: '#ffcc00', onAccent: '#000000' });
    expect(deriveTheme('#ffffff')).toMatchObject({ onAccent: '#000000' });
  });

  it('reaches 4.5:1 for every text/background pair, whatever colour the page gives', () => {
    // A sweep of the RGB cube (including the mid-greys and saturated hues where black and white both come close).
    const steps = [0, 0x33, 0x66, 0x77, 0x88, 0x99, 0xbb, 0xdd, 0xff];
    for (const r of steps) {
      for (const g of steps) {
        for (const b of steps) {
          const theme = deriveTheme(formatColour({ r, g, b }));
          expect(contrastRatio(rgb(theme.accent), rgb(theme.onAccent))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
          expect(contrastRatio(rgb(theme.accentText), WHITE)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
          expect(contrastRatio(rgb(theme.accentText), SURFACE)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
        }
      }
    }
  });

  it('keeps a brand colour that is already dark enough as the link colour', () => {
    expect(deriveTheme('#0b3d91').accentText).toBe('#0b3d91');
  });

  it('falls back to the default colour for missing or unreadable input', () => {
    expect(deriveTheme(undefined)).toEqual(deriveTheme(DEFAULT_BRAND_COLOUR));
    expect(deriveTheme('url(evil)')).toEqual(deriveTheme(DEFAULT_BRAND_COLOUR));
    expect(contrastRatio(rgb(DEFAULT_BRAND_COLOUR), WHITE)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});
