/**
 * What the player remembers in localStorage: the position per episode (offered as "resume"
 * when the episode is reopened) and the viewer's volume, quality and dub choice.
 */

export interface ResumeEntry {
  position: number;
  duration: number;
  savedAt: number;
}

export interface PlayerPrefs {
  volume: number;
  muted: boolean;
  /** Preferred height; null = automatic. */
  quality: number | null;
  dub: string | null;
}

const RESUME_PREFIX = "anihata:resume:";
const PREFS_KEY = "anihata:player";
/** Too early to be worth offering, or so near the end that the episode counts as watched. */
export const MIN_RESUME_SECONDS = 5;
const WATCHED_TAIL_SECONDS = 30;

/** The last 30 s (a tenth of a short clip) count as "watched to the end". */
export function watchedTail(duration: number): number {
  return Math.min(WATCHED_TAIL_SECONDS, duration * 0.1);
}
const MAX_ENTRIES = 200;

export const DEFAULT_PREFS: PlayerPrefs = { volume: 1, muted: false, quality: null, dub: null };

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

function readJson<T>(storage: Store, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null; // corrupted entry or storage disabled: behave as if nothing was saved
  }
}

function writeJson(storage: Store, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or private mode: remembering is a convenience, never an error.
  }
}

export function createResumeStore(storage: Store, now: () => number = Date.now) {
  return {
    save(episodeId: number, position: number, duration: number): void {
      if (!Number.isFinite(position) || !Number.isFinite(duration) || duration <= 0) return;
      if (position >= duration - watchedTail(duration)) {
        storage.removeItem(RESUME_PREFIX + episodeId);
        return;
      }
      writeJson(storage, RESUME_PREFIX + episodeId, { position, duration, savedAt: now() });
      pruneOldest(storage);
    },
    /** The position to offer, or null when there is nothing worth resuming. */
    load(episodeId: number): number | null {
      const entry = readJson<ResumeEntry>(storage, RESUME_PREFIX + episodeId);
      if (!entry || typeof entry.position !== "number") return null;
      if (entry.position < MIN_RESUME_SECONDS) return null;
      if (entry.duration && entry.position >= entry.duration - watchedTail(entry.duration)) return null;
      return entry.position;
    },
    clear(episodeId: number): void {
      storage.removeItem(RESUME_PREFIX + episodeId);
    },
  };
}

/** Keep the newest MAX_ENTRIES positions so localStorage does not grow for ever. */
function pruneOldest(storage: Store): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(RESUME_PREFIX)) keys.push(key);
  }
  if (keys.length <= MAX_ENTRIES) return;
  const byAge = keys
    .map((key) => ({ key, savedAt: readJson<ResumeEntry>(storage, key)?.savedAt ?? 0 }))
    .sort((a, b) => a.savedAt - b.savedAt);
  for (const { key } of byAge.slice(0, keys.length - MAX_ENTRIES)) storage.removeItem(key);
}

export function loadPrefs(storage: Store): PlayerPrefs {
  const saved = readJson<Partial<PlayerPrefs>>(storage, PREFS_KEY) ?? {};
  const volume = typeof saved.volume === "number" ? Math.min(1, Math.max(0, saved.volume)) : 1;
  return {
    volume,
    muted: saved.muted === true,
    quality: typeof saved.quality === "number" ? saved.quality : null,
    dub: typeof saved.dub === "string" ? saved.dub : null,
  };
}

export function savePrefs(storage: Store, patch: Partial<PlayerPrefs>): PlayerPrefs {
  const next = { ...loadPrefs(storage), ...patch };
  writeJson(storage, PREFS_KEY, next);
  return next;
}
