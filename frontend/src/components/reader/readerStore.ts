/**
 * What the reader remembers in localStorage: the page per chapter (where a reopened chapter
 * opens) and the reader's mode, fit and image quality.
 */
import { pruneOldest, readJson, writeJson, type Store } from "@/components/player/browserStorage";
import type { ReaderQuality } from "@/lib/api/reader";

export type ReaderMode = "webtoon" | "ltr" | "rtl";
export type ReaderFit = "width" | "height";

export interface ReaderPrefs {
  mode: ReaderMode;
  fit: ReaderFit;
  quality: ReaderQuality;
}

export interface ReadingEntry {
  page: number;
  total: number;
  savedAt: number;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { mode: "ltr", fit: "height", quality: "data" };
const PREFS_KEY = "anihata:reader";
const POSITION_PREFIX = "anihata:reading:";
const MAX_ENTRIES = 300;
const MODES: readonly ReaderMode[] = ["webtoon", "ltr", "rtl"];
const FITS: readonly ReaderFit[] = ["width", "height"];

export function loadReaderPrefs(storage: Store): ReaderPrefs {
  const saved = readJson<Partial<ReaderPrefs>>(storage, PREFS_KEY) ?? {};
  return {
    mode: MODES.includes(saved.mode as ReaderMode) ? (saved.mode as ReaderMode) : DEFAULT_READER_PREFS.mode,
    fit: FITS.includes(saved.fit as ReaderFit) ? (saved.fit as ReaderFit) : DEFAULT_READER_PREFS.fit,
    quality: saved.quality === "data-saver" ? "data-saver" : "data",
  };
}

export function saveReaderPrefs(storage: Store, patch: Partial<ReaderPrefs>): ReaderPrefs {
  const next = { ...loadReaderPrefs(storage), ...patch };
  writeJson(storage, PREFS_KEY, next);
  return next;
}

/**
 * Where a reader stopped, per chapter (a 0-based page index): local storage here, the
 * account's reading positions in `accountReadingStore.ts`.
 */
export interface ReadingPositionStore {
  /** The page to open at, or null to start at the first one. */
  load(chapterId: number): number | null | Promise<number | null>;
  save(chapterId: number, page: number, total: number): void | Promise<void>;
  /** The chapter (of `total` pages) was read to the end. */
  clear(chapterId: number, total: number): void | Promise<void>;
}

export function createReadingStore(storage: Store, now: () => number = Date.now): ReadingPositionStore {
  return {
    load(chapterId) {
      const entry = readJson<ReadingEntry>(storage, POSITION_PREFIX + chapterId);
      if (!entry || !Number.isInteger(entry.page) || entry.page <= 0) return null;
      return entry.page;
    },
    save(chapterId, page, total) {
      if (!Number.isInteger(page) || page < 0 || total <= 0) return;
      if (page === 0) {
        storage.removeItem(POSITION_PREFIX + chapterId);
        return;
      }
      writeJson(storage, POSITION_PREFIX + chapterId, { page, total, savedAt: now() });
      pruneOldest(storage, POSITION_PREFIX, MAX_ENTRIES);
    },
    clear(chapterId) {
      storage.removeItem(POSITION_PREFIX + chapterId);
    },
  };
}
