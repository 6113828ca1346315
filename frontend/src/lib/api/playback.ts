/**
 * Browser-side playback calls: the resolved sources of an episode and a visitor's report of a
 * broken source. Types come from the OpenAPI schema (`Playback`, `PlaybackSource`, …).
 */
import { browserGet, browserPost, type Schemas } from "./browser";

export type PlaybackData = Schemas["Playback"];
export type PlaybackGroup = Schemas["PlaybackGroup"];
export type PlaybackSource = Schemas["PlaybackSource"];
export type Quality = Schemas["Quality"];
export type Subtitle = Schemas["Subtitle"];
export type Language = Schemas["LanguageEnum"];
export type Marks = Schemas["Marks"];

export function getPlayback(episodeId: number, signal?: AbortSignal): Promise<PlaybackData> {
  return browserGet("/api/playback/episodes/{id}/", { path: { id: episodeId }, signal });
}

/** Reports a source that does not play; answers the server's Ukrainian thanks. */
export async function reportSource(sourceId: number, reason: string): Promise<string> {
  const result = await browserPost("/api/playback/sources/{id}/report/", {
    path: { id: sourceId },
    body: { reason },
  });
  return result.message;
}
