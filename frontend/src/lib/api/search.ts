/** Header instant search (`/api/search/instant/`) and the schedule (`/api/schedule/`). */
import { apiGetOrNull, apiUrl } from "./client";
import { mapInstantItem, mapSchedule } from "./mappers";
import type { InstantSearchItem, ScheduleDay } from "./types";

/** Browser-side: same-origin URL, answered by Django (nginx or Next rewrites route it). */
export function instantSearchUrl(query: string): string {
  return `/api/search/instant/?q=${encodeURIComponent(query)}`;
}

/** Reads the instant-search answer; anything unexpected becomes an empty list. */
export function parseInstantSearch(raw: unknown): InstantSearchItem[] {
  const items = (raw as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items
    .map(mapInstantItem)
    .filter((item): item is InstantSearchItem => item !== null)
    .slice(0, 8);
}

/** The week's schedule, or null while the endpoint does not exist yet. */
export async function getSchedule(): Promise<ScheduleDay[] | null> {
  const raw = await apiGetOrNull<unknown>(apiUrl("/api/schedule/"), {
    tags: ["schedule"],
    revalidate: 600,
  });
  return raw === null ? null : mapSchedule(raw);
}
