/**
 * Where a signed-in reader stopped, kept in the account (`/api/me/reading/`) so another device
 * opens the chapter at the same page: a `ReadingPositionStore` for `useReadingPosition`.
 * Page turns are saved at most every SAVE_DELAY_MS (the last page wins); reaching the end is
 * saved at once, as read.
 */
import { fetchReading, saveReading, type ReadingPosition, type ReadingReport } from "@/lib/api/reading";
import type { ReadingPositionStore } from "./readerStore";

export const SAVE_DELAY_MS = 1000;

export interface ReadingApi {
  fetch(chapterId: number): Promise<ReadingPosition | null>;
  save(chapterId: number, report: ReadingReport): Promise<unknown>;
}

export const READING_API: ReadingApi = { fetch: fetchReading, save: saveReading };

/** The page to open a chapter at from its saved position: none when read to the end. */
export function startPage(position: ReadingPosition | null): number | null {
  if (!position || position.page <= 0) return null;
  if (position.completed && position.total !== null && position.page >= position.total - 1) return null;
  return position.page;
}

export function createAccountReadingStore(api: ReadingApi = READING_API, delayMs = SAVE_DELAY_MS): ReadingPositionStore {
  let pending: { timer: ReturnType<typeof setTimeout>; chapterId: number } | null = null;
  const cancelPending = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  return {
    async load(chapterId) {
      return startPage(await api.fetch(chapterId));
    },
    save(chapterId, page, total) {
      if (!Number.isInteger(page) || page < 0 || total <= 0 || page >= total) return;
      cancelPending();
      pending = {
        chapterId,
        timer: setTimeout(() => {
          pending = null;
          void api.save(chapterId, { page, total, completed: false }).catch(() => undefined);
        }, delayMs),
      };
    },
    async clear(chapterId, total) {
      if (pending?.chapterId === chapterId) cancelPending();
      if (!total || total <= 0) return;
      await api.save(chapterId, { page: total - 1, total, completed: true });
    },
  };
}
