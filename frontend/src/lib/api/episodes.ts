/** The newest episodes across the catalog (`/api/v2/episodes/latest/`), for the home page. */
import { apiGet, apiUrl } from "./client";
import { mapLatestEpisodes } from "./mappers";
import type { LatestEpisode } from "./types";
import type { LatestEpisodesQuery, RawLatestEpisodes } from "./wagtail";

/** The API answers 400 outside 1–48. */
export const LATEST_EPISODES_MAX = 48;

export async function getLatestEpisodes(limit = 12): Promise<LatestEpisode[]> {
  const query: LatestEpisodesQuery = { limit };
  const raw = await apiGet<RawLatestEpisodes>(apiUrl("/api/v2/episodes/latest/", { ...query }), {
    tags: ["catalog"],
  });
  return mapLatestEpisodes(raw);
}

/** Keeps each title's newest episode (the list is newest first), at most `count` of them. */
export function onePerTitle(episodes: LatestEpisode[], count: number): LatestEpisode[] {
  const seen = new Set<number>();
  const result: LatestEpisode[] = [];
  for (const episode of episodes) {
    if (seen.has(episode.titlePage.id)) continue;
    seen.add(episode.titlePage.id);
    result.push(episode);
    if (result.length === count) break;
  }
  return result;
}
