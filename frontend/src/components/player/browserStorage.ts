/** `localStorage` when the browser allows it (not during server rendering, not when disabled). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** What the player's and the reader's stores need of `Storage` (tests pass a fake). */
export type Store = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export function readJson<T>(storage: Store, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null; // corrupted entry or storage disabled: behave as if nothing was saved
  }
}

export function writeJson(storage: Store, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or private mode: remembering is a convenience, never an error.
  }
}

/** Keeps the newest `max` entries under `prefix` (by their `savedAt`) so storage does not grow. */
export function pruneOldest(storage: Store, prefix: string, max: number): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  if (keys.length <= max) return;
  const byAge = keys
    .map((key) => ({ key, savedAt: readJson<{ savedAt?: number }>(storage, key)?.savedAt ?? 0 }))
    .sort((a, b) => a.savedAt - b.savedAt);
  for (const { key } of byAge.slice(0, keys.length - max)) storage.removeItem(key);
}
