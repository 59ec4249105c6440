// @govchat/cli — run the CLI programmatically (tests, scripts).
export { main } from './main.js';
export { processIo, resolveDataDir, UsageError } from './cli-context.js';
export type { CliIo } from './cli-context.js';
