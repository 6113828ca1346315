/**
 * Where a signed-in reader stopped in a manga chapter (`/api/me/reading/`), in the browser only:
 * the reader's account store (components/reader/accountReadingStore.ts) reads and writes it.
 */
import { BrowserApiError, browserGet, browserPut, type Schemas } from "./browser";

export type ReadingPosition = Schemas["Reading"];
export type ReadingReport = Schemas["ReadingInput"];

/** The saved position in a chapter, or null when it was never read (404). */
export async function fetchReading(chapterId: number): Promise<ReadingPosition | null> {
  try {
    return await browserGet("/api/me/reading/{chapter_id}/", { path: { chapter_id: chapterId } });
  } catch (error) {
    if (error instanceof BrowserApiError && error.status === 404) return null;
    throw error;
  }
}

export function saveReading(chapterId: number, report: ReadingReport): Promise<ReadingPosition> {
  return browserPut("/api/me/reading/{chapter_id}/", { path: { chapter_id: chapterId }, body: report });
}

/** The chapters of a manga the signed-in reader has positions in (the chapter list's «Читаю»). */
export async function fetchTitleReading(titleId: number, signal?: AbortSignal): Promise<ReadingPosition[]> {
  const answer = await browserGet("/api/me/reading/", { query: { title: titleId }, signal });
  return answer.items;
}
