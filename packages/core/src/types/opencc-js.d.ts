/**
 * Minimal types for opencc-js (only what govchat uses).
 *
 * opencc-js 1.4 does ship a `types/full.d.ts`, but it imports './core' and './preset' without
 * file extensions, which NodeNext resolution rejects. `skipLibCheck` hides the error and every
 * export quietly becomes `any`. An ambient module declaration takes precedence over the package's
 * own types, so this file restores real checking. Extend it when another export is needed.
 */
declare module 'opencc-js' {
  /** OpenCC locales: mainland Simplified, Taiwan (twp: with Taiwan phrases), Hong Kong, Japanese shinjitai, OpenCC Traditional. */
  export type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 'jp' | 't';

  export interface ConverterOptions {
    readonly from: Locale;
    readonly to: Locale;
  }

  /** Converts a whole text; phrases are matched before single characters. */
  export type ConverterFunction = (text: string) => string;

  /**
   * Builds a converter between two locales. Building loads the dictionaries (tens to hundreds of
   * milliseconds), so build once and reuse.
   *
   * @example
   * const toTraditional = Converter({ from: 'cn', to: 'hk' });
   * toTraditional('我想办理身份证'); // '我想辦理身份證'
   */
  export function Converter(options: ConverterOptions): ConverterFunction;
}
