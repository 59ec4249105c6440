import type { KeyValueStore } from '../session-store.js';

/** sessionStorage stand-in that a test can inspect, and share between two "page loads". */
export function createMemoryStorage(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}
