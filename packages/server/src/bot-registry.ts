import { GovchatError, type BotEngine } from '@govchat/core';

/**
 * The live engine of every bot. Swapping an engine is a single map write: asks already running
 * keep the engine they started with (they hold a reference), new asks get the new one.
 */
export interface BotRegistry {
  get(id: string): BotEngine | undefined;
  /** @throws GovchatError BOT_NOT_FOUND */
  require(id: string): BotEngine;
  /** Adds a bot or replaces its engine. */
  set(engine: BotEngine): void;
  /** Live engines, by bot id. */
  list(): BotEngine[];
  readonly size: number;
}

/**
 * @example
 * const bots = createBotRegistry(await loadBots(config, logger));
 * const engine = bots.require('housing');
 */
export function createBotRegistry(engines: Iterable<BotEngine> = []): BotRegistry {
  const live = new Map<string, BotEngine>();
  for (const engine of engines) live.set(engine.id, engine);
  return {
    get: (id) => live.get(id),
    require(id) {
      const engine = live.get(id);
      if (engine === undefined) throw new GovchatError('BOT_NOT_FOUND', `unknown bot "${id}"`);
      return engine;
    },
    set(engine) {
      live.set(engine.id, engine);
    },
    list: () => [...live.values()].sort((a, b) => a.id.localeCompare(b.id)),
    get size() {
      return live.size;
    },
  };
}
