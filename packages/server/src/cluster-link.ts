import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisAdapter } from '@socket.io/redis-adapter';
import { Gauge, type Registry } from 'prom-client';
import type { Namespace } from 'socket.io';
import type { IndexWatcher } from './index-watcher.js';
import type { RedisLink } from './redis-link.js';
import type { Logger } from './server-logger.js';

/** Server-to-server event on `/chat`: a node made a new index generation of this bot live. */
const INDEX_CHANGED = 'govchat:index-changed';

/**
 * The Socket.IO Redis adapter for every namespace: broadcasts, rooms and server-side events reach
 * the sockets and servers of every node. Channel names start with the configured prefix, so
 * environments sharing one Redis do not hear each other.
 *
 * Loaded on demand: a single-node server never pays for the adapter's code.
 *
 * @example new Server(httpServer, { adapter: await createClusterAdapter(redis, 'govchat') });
 */
export async function createClusterAdapter(redis: RedisLink, prefix: string): Promise<(namespace: Namespace) => RedisAdapter> {
  const { pub, sub } = redis.adapterClients;
  const { createAdapter } = await import('@socket.io/redis-adapter');
  return createAdapter(pub, sub, { key: `${prefix}:socket.io`, publishOnSpecificResponseChannel: true, requestsTimeout: 2000 });
}

export interface ClusterLink {
  /** Tells every other node that `bot` has a new live index, so they need not wait for their next check. */
  announceReindex(bot: string): void;
}

export interface ClusterLinkOptions {
  readonly redis: RedisLink;
  readonly watcher: IndexWatcher | undefined;
  readonly registry: Registry;
  readonly logger: Logger;
  /** How long `/metrics` waits for the node count. */
  readonly timeoutMs: number;
}

/**
 * What the nodes tell each other through the adapter: reindex notices (a node's admin upload is
 * live everywhere at once, even on NFS where file events do not cross hosts), and how many nodes
 * share the `/chat` namespace (`govchat_cluster_nodes`, counted at each scrape).
 *
 * @example const cluster = linkCluster(io.of('/chat'), { redis, watcher, registry, logger, timeoutMs: 500 });
 */
export function linkCluster(chat: Namespace, options: ClusterLinkOptions): ClusterLink {
  const { redis, logger } = options;
  chat.on(INDEX_CHANGED, (bot: unknown) => {
    if (typeof bot !== 'string') return;
    logger.debug({ bot }, 'another node reindexed');
    void options.watcher?.check(bot);
  });

  new Gauge({
    name: 'govchat_cluster_nodes',
    help: 'Nodes serving /chat through the shared Redis (1 while this node cannot reach Redis)',
    registers: [options.registry],
    async collect() {
      if (!redis.isUp) {
        this.set(1);
        return;
      }
      const count = await Promise.race([
        chat.adapter.serverCount().catch(() => 1),
        sleep(options.timeoutMs, 1, { ref: false }),
      ]);
      this.set(count);
    },
  });

  return {
    announceReindex(bot) {
      try {
        chat.serverSideEmit(INDEX_CHANGED, bot);
      } catch (error) {
        logger.warn({ bot, err: { message: (error as Error).message } }, 'could not tell the other nodes about a reindex; they pick it up from the data dir');
      }
    },
  };
}
