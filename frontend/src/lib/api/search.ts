/** Header instant search (`/api/search/instant/`) and the schedule (`/api/schedule/`). */
import { apiGetOrNull, apiUrl } from "./client";
import { mapSchedule } from "./mappers";
import type { ScheduleDay } from "./types";
import type { RawSchedule } from "./wagtail";

/** The API answers 400 past this many characters. */
export const INSTANT_QUERY_MAX_LENGTH = 100;

/** Browser-side: same-origin URL, answered by Django (nginx or Next rewrites route it). */
export function instantSearchUrl(query: string): string {
  const text = query.trim().slice(0, INSTANT_QUERY_MAX_LENGTH);
  return `/api/search/instant/?q=${encodeURIComponent(text)}`;
}

/** The week's schedule, or null while the endpoint does not exist yet. */
export async function getSchedule(): Promise<ScheduleDay[] | null> {
  const raw = await apiGetOrNull<RawSchedule>(apiUrl("/api/schedule/"), {
    tags: ["schedule"],
    revalidate: 600,
  });
  return raw === null ? null : mapSchedule(raw);
}
