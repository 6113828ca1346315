/**
 * Browser-side reader call: a chapter's page images (resolved by our API at read time), its
 * neighbours and where to read it at the source. Types come from the OpenAPI schema (`Reader`).
 */
import { browserGet, type Schemas } from "./browser";

export type ReaderData = Schemas["Reader"];
export type ReaderPage = Schemas["ReaderPage"];
export type ReaderQuality = "data" | "data-saver";

export function getReaderChapter(chapterId: number, quality: ReaderQuality, signal?: AbortSignal): Promise<ReaderData> {
  return browserGet("/api/reader/chapters/{id}/", {
    path: { id: chapterId },
    query: quality === "data-saver" ? { quality } : {},
    signal,
  });
}
