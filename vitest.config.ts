import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, not a possibly stale dist/.
    alias: {
      '@govchat/core': src('./packages/core/src/index.ts'),
      '@govchat/protocol': src('./packages/protocol/src/index.ts'),
      '@govchat/eval': src('./eval/src/index.ts'),
      '@govchat/server': src('./packages/server/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'eval/src/**/*.test.ts', 'widget/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
