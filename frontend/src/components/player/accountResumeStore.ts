/**
 * Where a signed-in viewer stopped, kept in the account (`/api/me/progress/`) so another device
 * resumes at the same second: a `ResumePositionStore` for `useResumePosition`.
 *
 * Saves go out as PUT (every SAVE_EVERY_MS while playing, and on pause) and as a
 * `navigator.sendBeacon` POST when the page goes away. The positions this browser remembered
 * while signed out are merged into the account once, the first time the account store is made
 * after signing in (then removed from local storage, so they are never merged twice); an older
 * local position never overwrites a newer one of the account.
 */
import type { Schemas } from "@/lib/api/browser";
import { beaconProgress, fetchProgress, saveProgress, type ProgressReport } from "@/lib/api/library";
import type { SavedPosition } from "./resumeStore";
import { worthResuming } from "./resumeStore";
import type { ResumePositionStore } from "./useResumePosition";

/** The account is written less often than local storage: every ~15 s while playing. */
export const ACCOUNT_SAVE_EVERY_MS = 15_000;
/** At most this many local positions are merged (the newest). */
export const MERGE_LIMIT = 50;

export interface ProgressApi {
  fetch(episodeId: number): Promise<Schemas["Progress"] | null>;
  save(episodeId: number, report: ProgressReport): Promise<unknown>;
  beacon(episodeId: number, report: ProgressReport): boolean;
}

export const PROGRESS_API: ProgressApi = { fetch: fetchProgress, save: saveProgress, beacon: beaconProgress };

/** What the local store offers to merge and then forgets. */
export interface LocalPositions {
  entries(): SavedPosition[];
  clear(episodeId: number): void;
}

/** Sends the local positions to the account (unless the account's own is newer), then forgets them. */
export async function mergeLocalPositions(local: LocalPositions, api: ProgressApi = PROGRESS_API): Promise<number> {
  let merged = 0;
  for (const entry of local.entries().slice(0, MERGE_LIMIT)) {
    try {
      const current = await api.fetch(entry.episodeId);
      const accountTime = current ? Date.parse(current.updated_at) : NaN;
      if (!current || !(accountTime >= entry.savedAt)) {
        await api.save(entry.episodeId, { position: entry.position, duration: entry.duration });
        merged += 1;
      }
      local.clear(entry.episodeId);
    } catch {
      // Offline, or the episode is gone (404): keep it locally; a gone one is pruned in time.
    }
  }
  return merged;
}

export function createAccountResumeStore(
  api: ProgressApi = PROGRESS_API,
  merging: Promise<unknown> = Promise.resolve(),
): ResumePositionStore {
  return {
    saveEveryMs: ACCOUNT_SAVE_EVERY_MS,
    async load(episodeId) {
      await merging.catch(() => undefined);
      const progress = await api.fetch(episodeId);
      if (!progress) return null;
      return worthResuming(progress.position, progress.duration) ? progress.position : null;
    },
    async save(episodeId, position, duration, source = null) {
      await api.save(episodeId, { position, duration, source });
    },
    saveOnExit(episodeId, position, duration, source = null) {
      const report = { position, duration, source };
      if (!api.beacon(episodeId, report)) void api.save(episodeId, report).catch(() => undefined);
    },
    async clear(episodeId) {
      // Watched to the end: completed, and nothing left to offer (the API keeps the duration).
      await api.save(episodeId, { position: 0, duration: null, completed: true });
    },
  };
}
