// Types for importing build.mjs from the TypeScript tests.
import type { Metafile } from 'esbuild';

export declare const GZIP_BUDGET_BYTES: number;
export declare const WIDGET_DIR: string;
export declare const ENTRY: string;
export declare const OUTFILE: string;
export declare function measureGzip(contents: Uint8Array): number;
export declare function newestSourceMtime(dir?: string): number;
export declare function isBundleStale(): boolean;
export declare function buildWidget(options?: {
  typecheck?: boolean;
  log?: (line: string) => void;
  outfile?: string;
  budgetBytes?: number;
}): Promise<{
  outfile: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}>;
