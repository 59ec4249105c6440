// @govchat/server — the streaming chat service. Anything not exported here (and all of
// src/internal/) may change without notice.

// Service
export { createServer } from './create-server.js';
export type { GovchatServer, ServerRuntime } from './create-server.js';

// Configuration
export { BOT_ADMIN_KEY_PREFIX, CONFIG_ENV_VARS, loadConfig } from './config.js';
export type { LogLevel, ServerConfig } from './config.js';
