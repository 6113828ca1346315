/**
 * The one HTTP client for Django: server-side fetch with Next's data cache (tags + revalidate).
 * Pages and listings call `apiGet`; nothing else in the app builds API URLs by hand.
 */
import { apiOrigin } from "@/lib/config";
import { readBody, toQueryString, type QueryValue } from "./http";

export { toQueryString };

/** Default freshness of cached API answers; publishing in Wagtail revalidates sooner by tag. */
export const DEFAULT_REVALIDATE_SECONDS = 300;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: unknown,
  ) {
    super(`API ${status} for ${url}`);
    this.name = "ApiError";
  }
}

export interface ApiGetOptions {
  /** Cache tags, so the revalidate route can drop exactly what a publish changed. */
  tags?: string[];
  /** Seconds to keep the answer; `false` (or `draft`) bypasses the cache. */
  revalidate?: number | false;
  /** Draft/preview reads are never cached. */
  draft?: boolean;
}

export function apiUrl(path: string, params: Record<string, QueryValue> = {}): string {
  return `${apiOrigin()}${path}${toQueryString(params)}`;
}

/** GET a JSON document from Django; throws ApiError for any non-2xx answer. */
export async function apiGet<T>(url: string, options: ApiGetOptions = {}): Promise<T> {
  const { tags = [], revalidate = DEFAULT_REVALIDATE_SECONDS, draft = false } = options;
  const cached = !draft && revalidate !== false;
  const response = await fetch(url, {
    headers: { Accept: "application/json" },
    ...(cached ? { next: { tags, revalidate } } : { cache: "no-store" as const }),
  });
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, url, body);
  return body as T;
}

/** Like apiGet, but a 404 becomes `null` (a missing page, or an endpoint not deployed yet). */
export async function apiGetOrNull<T>(url: string, options: ApiGetOptions = {}): Promise<T | null> {
  try {
    return await apiGet<T>(url, options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
