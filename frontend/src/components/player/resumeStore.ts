/**
 * What the player remembers in localStorage: the position per episode (offered as "resume"
 * when the episode is reopened) and the viewer's volume, quality and dub choice.
 */
import { pruneOldest, readJson, writeJson, type Store } from "./browserStorage";

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

/** Whether a saved position is worth offering: not at the very start, not in the last seconds. */
export function worthResuming(position: number, duration: number | null): boolean {
  if (!Number.isFinite(position) || position < MIN_RESUME_SECONDS) return false;
  return !duration || position < duration - watchedTail(duration);
}

export interface SavedPosition extends ResumeEntry {
  episodeId: number;
}
const MAX_ENTRIES = 200;

export const DEFAULT_PREFS: PlayerPrefs = { volume: 1, muted: false, quality: null, dub: null };

export function createResumeStore(storage: Store, now: () => number = Date.now) {
  return {
    save(episodeId: number, position: number, duration: number): void {
      if (!Number.isFinite(position) || !Number.isFinite(duration) || duration <= 0) return;
      if (position >= duration - watchedTail(duration)) {
        storage.removeItem(RESUME_PREFIX + episodeId);
        return;
      }
      writeJson(storage, RESUME_PREFIX + episodeId, { position, duration, savedAt: now() });
      pruneOldest(storage, RESUME_PREFIX, MAX_ENTRIES);
    },
    /** The position to offer, or null when there is nothing worth resuming. */
    load(episodeId: number): number | null {
      const entry = readJson<ResumeEntry>(storage, RESUME_PREFIX + episodeId);
      if (!entry || typeof entry.position !== "number") return null;
      return worthResuming(entry.position, entry.duration) ? entry.position : null;
    },
    clear(episodeId: number): void {
      storage.removeItem(RESUME_PREFIX + episodeId);
    },
    /** Every saved position, newest first (what is merged into the account at sign-in). */
    entries(): SavedPosition[] {
      const found: SavedPosition[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        const episodeId = key?.startsWith(RESUME_PREFIX) ? Number(key.slice(RESUME_PREFIX.length)) : NaN;
        if (!Number.isInteger(episodeId) || episodeId <= 0) continue;
        const entry = readJson<ResumeEntry>(storage, key!);
        if (entry && typeof entry.position === "number") found.push({ ...entry, episodeId });
      }
      return found.sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
    },
  };
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
