import { createAnswerer, createBotEngine, resolveAnswererConfig, type BotEngine, type BotIndex } from '@govchat/core';
import type { Logger } from './server-logger.js';

/** Turns a loaded index into the engine that answers for its bot. */
export type EngineFactory = (index: BotIndex) => BotEngine;

/**
 * Engines with each bot's configured answerer: bot.json's `answerer` block over GOVCHAT_ANSWERER
 * and GOVCHAT_LLM_* (docs/generative.md). Resolved per engine, so a bad LLM setting fails that
 * bot's load with CONFIG_INVALID naming the field, and a reindex picks up a changed bot.json.
 *
 * @example const makeEngine = createEngineFactory(process.env, logger); bots.set(makeEngine(index));
 */
export function createEngineFactory(env: NodeJS.ProcessEnv, logger: Logger): EngineFactory {
  return function createEngineFor(index) {
    const answerer = createAnswerer(resolveAnswererConfig(index.bot, env), { logger: logger.child({ bot: index.bot.id }) });
    return createBotEngine(index, { answerer });
  };
}

/** The default answerer for every bot (extractive unless the environment says otherwise). */
export const createDefaultEngine: EngineFactory = (index) => createBotEngine(index);
