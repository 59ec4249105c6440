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

  /**
   * A conversion's dictionaries, as `Converter` uses them. A dictionary is one string,
   * `"phrase replacement|phrase replacement|…"`; a group is dictionaries loaded into one trie, the
   * earlier winning on a phrase both have. Text is normalised by `normalizationChain`, cut into
   * `segmentation`'s phrases and the runs between them, and each piece converted by every group
   * of `conversionChain` in turn.
   */
  export interface LocaleConfig {
    readonly normalizationChain?: readonly (readonly string[])[];
    readonly segmentation?: readonly string[];
    readonly conversionChain: readonly (readonly string[])[];
  }

  /** The bundled dictionaries; `configs` is keyed like `s2hk`, `hk2s`, `s2tw`, `tw2s`. */
  export const Locale: {
    readonly configs: Readonly<Record<string, LocaleConfig | undefined>>;
  };
}
