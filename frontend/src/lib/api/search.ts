/** Header instant search (`/api/search/instant/`) and the schedule (`/api/schedule/`). */
import { browserGet } from "./browser";
import { apiGetOrNull, apiUrl } from "./client";
import { mapDubTeamRef, mapInstantSearch, mapSchedule } from "./mappers";
import type { DubTeamRef, InstantSearchResult, ScheduleDay } from "./types";
import type { RawInstantSearch, RawSchedule } from "./wagtail";

/** The API answers 400 past this many characters. */
export const INSTANT_QUERY_MAX_LENGTH = 100;

/** Browser-side: titles and teams matching the header box's text (trimmed to what the API takes). */
export async function instantSearch(query: string, signal?: AbortSignal): Promise<InstantSearchResult> {
  const q = query.trim().slice(0, INSTANT_QUERY_MAX_LENGTH);
  return mapInstantSearch(await browserGet("/api/search/instant/", { query: { q }, signal }));
}

/** Server-side: the dub teams matching the search page's query (the instant answer's teams). */
export async function searchTeams(query: string): Promise<DubTeamRef[]> {
  const q = query.trim().slice(0, INSTANT_QUERY_MAX_LENGTH);
  if (!q) return [];
  const raw = await apiGetOrNull<RawInstantSearch>(apiUrl("/api/search/instant/", { q }), {
    tags: ["catalog"],
  });
  return (raw?.teams ?? []).map(mapDubTeamRef).filter((team): team is DubTeamRef => team !== null);
}

/** The week's schedule, or null while the endpoint does not exist yet. */
export async function getSchedule(): Promise<ScheduleDay[] | null> {
  const raw = await apiGetOrNull<RawSchedule>(apiUrl("/api/schedule/"), {
    tags: ["schedule"],
    revalidate: 600,
  });
  return raw === null ? null : mapSchedule(raw);
}
