/**
 * The catalog listing (`/api/v2/titles/`): filters parsed from a page's URL, the matching API
 * query, and links that keep the URL in sync with the filters (same parameter names as the API).
 */
import { ApiError, apiGet, apiUrl, toQueryString } from "./client";
import { mapTitleListing } from "./mappers";
import type { TitleKind, TitleListing } from "./types";
import type { RawTitlesListing, TitlesQuery } from "./wagtail";

export const CATALOG_PAGE_SIZE = 24;

/** Single-valued filters of `titles/`, in the order they appear in URLs. */
export const SINGLE_FILTERS = [
  "search",
  "studio",
  "year",
  "year_from",
  "year_to",
  "season",
  "status",
  "format",
  "dub_team",
  "audio",
  "order",
] as const;
export type SingleFilter = (typeof SINGLE_FILTERS)[number];

export interface TitleFilters extends Partial<Record<SingleFilter, string>> {
  /** Repeatable: every listed genre must match. */
  genre: string[];
  /** 1-based page of the listing (the API's offset is derived from it). */
  page: number;
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? "").trim();
}

/** Reads filters from a URL's search params; unknown keys are ignored, values passed through. */
export function parseTitleFilters(params: SearchParamsRecord): TitleFilters {
  const filters: TitleFilters = { genre: [], page: 1 };
  const genres = params.genre;
  filters.genre = (Array.isArray(genres) ? genres : genres ? [genres] : [])
    .map((genre) => genre.trim())
    .filter(Boolean);
  for (const key of SINGLE_FILTERS) {
    const value = first(params[key]);
    if (value) filters[key] = value;
  }
  const page = Number(first(params.page));
  filters.page = Number.isInteger(page) && page > 1 ? Math.min(page, 10_000) : 1;
  return filters;
}

function filterParams(filters: TitleFilters): Record<string, string | string[] | undefined> {
  const params: Record<string, string | string[] | undefined> = { genre: filters.genre };
  for (const key of SINGLE_FILTERS) params[key] = filters[key];
  return params;
}

/** Query parameters for `titles/` (kind, filters, limit/offset), checked against the schema. */
export function titlesApiParams(
  kind: TitleKind | undefined,
  filters: TitleFilters,
  pageSize = CATALOG_PAGE_SIZE,
): TitlesQuery {
  const query: TitlesQuery = { kind, genre: filters.genre };
  for (const key of SINGLE_FILTERS) {
    const value = filters[key];
    if (value === undefined) continue;
    if (key === "studio") query.studio = [value];
    else query[key] = value;
  }
  query.limit = String(pageSize);
  query.offset = String((filters.page - 1) * pageSize);
  return query;
}

/** The site URL for these filters on a catalog page, with optional changes applied. */
export function catalogHref(
  basePath: string,
  filters: TitleFilters,
  changes: Partial<TitleFilters> = {},
): string {
  const next: TitleFilters = { ...filters, page: 1, ...changes };
  const params = { ...filterParams(next), page: next.page > 1 ? next.page : undefined };
  const query = toQueryString(params);
  // A base path may carry fixed parameters of its own (the search page's `?kind=anime`).
  return basePath.includes("?") && query ? `${basePath}&${query.slice(1)}` : `${basePath}${query}`;
}

export function hasActiveFilters(filters: TitleFilters): boolean {
  return filters.genre.length > 0 || SINGLE_FILTERS.some((key) => key !== "order" && filters[key]);
}

export async function getTitles(
  kind: TitleKind | undefined,
  filters: TitleFilters,
  pageSize = CATALOG_PAGE_SIZE,
): Promise<TitleListing> {
  const url = apiUrl("/api/v2/titles/", titlesApiParams(kind, filters, pageSize));
  const raw = await apiGet<RawTitlesListing>(url, { tags: ["catalog"] });
  return mapTitleListing(raw);
}

/** A listing, or the name of the filter the API rejected (a 400 names its parameter). */
export type TitlesResult =
  | { ok: true; listing: TitleListing }
  | { ok: false; rejected: string };

export async function getTitlesOrRejection(
  kind: TitleKind | undefined,
  filters: TitleFilters,
  pageSize = CATALOG_PAGE_SIZE,
): Promise<TitlesResult> {
  try {
    return { ok: true, listing: await getTitles(kind, filters, pageSize) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return { ok: false, rejected: rejectedFilterOf(error.body) };
    }
    throw error;
  }
}

/**
 * Which of our filter names a 400 body blames: the API's `parameter` (its one 4xx shape,
 * `{"detail", "parameter"}`), else a key named after a filter, else a name in the text.
 */
export function rejectedFilterOf(body: unknown): string {
  const names = ["genre", "kind", "limit", "offset", ...SINGLE_FILTERS];
  if (body && typeof body === "object") {
    const { parameter } = body as { parameter?: unknown };
    if (typeof parameter === "string" && names.includes(parameter)) return parameter;
    const key = Object.keys(body).find((name) => names.includes(name));
    if (key) return key;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body ?? "");
  return names.find((name) => new RegExp(`\\b${name}\\b`).test(text)) ?? "";
}

/** Shortcut for the home page's rows. */
export function homeRow(
  kind: TitleKind,
  order: string,
  extra: Partial<TitleFilters> = {},
  size = 12,
): Promise<TitleListing> {
  return getTitles(kind, { genre: [], page: 1, order, ...extra }, size);
}
