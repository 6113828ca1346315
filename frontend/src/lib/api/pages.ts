/**
 * Wagtail page reads: resolve a site path to a page (`pages/find/`), a page by id, a page's
 * children list (`pages/<id>/children/`), and the preview of a draft (`page_preview/`).
 */
import { apiGet, apiGetOrNull, apiUrl } from "./client";
import type { RawPageChildren, WagtailListing, WagtailPage } from "./wagtail";

/** Listings are read in pages of WAGTAILAPI_LIMIT_MAX (the backend sets it to 100). */
const WAGTAIL_PAGE_SIZE = 100;

export function pathTag(path: string): string {
  return `path:${path}`;
}

export function pageTag(id: number): string {
  return `page:${id}`;
}

/** Normalises a route's segments into the site path Wagtail knows ("/anime/x/"). */
export function sitePath(segments: readonly string[] | undefined): string {
  const parts = (segments ?? []).map((part) => decodeURIComponent(part)).filter(Boolean);
  return parts.length ? `/${parts.join("/")}/` : "/";
}

/**
 * The page at a site path, or null: `find/` answers with the page itself (the body
 * `pages/<id>/` has), so one request per page.
 */
export function findPage(path: string): Promise<WagtailPage | null> {
  const url = apiUrl("/api/v2/pages/find/", { html_path: path });
  return apiGetOrNull<WagtailPage>(url, { tags: [pathTag(path), "catalog"] });
}

export function getPage(id: number): Promise<WagtailPage | null> {
  return apiGetOrNull<WagtailPage>(apiUrl(`/api/v2/pages/${id}/`), {
    tags: [pageTag(id), "catalog"],
  });
}

/**
 * A page's list in one request: a title's episodes or chapters, or the dub teams under their
 * index page (map them with mapEpisodeList / mapChapterList / mapTeamList). A page without
 * a list (or gone since) gives empty lists.
 */
export async function getChildren(parentId: number): Promise<RawPageChildren | null> {
  return apiGetOrNull<RawPageChildren>(apiUrl(`/api/v2/pages/${parentId}/children/`), {
    tags: [pageTag(parentId), "catalog"],
  });
}

/** Pages of a type across the site, newest first where Wagtail can order them. */
export async function getPagesOfType(
  type: string,
  params: Record<string, string | number> = {},
): Promise<WagtailListing> {
  const url = apiUrl("/api/v2/pages/", { type, fields: "*", limit: WAGTAIL_PAGE_SIZE, ...params });
  return apiGet<WagtailListing>(url, { tags: ["catalog"] });
}

/**
 * A draft for preview. wagtail-headless-preview checks the token; a wrong or expired one is
 * an error answer, which this turns into null. Never cached.
 */
export async function getPreviewPage(
  contentType: string,
  token: string,
): Promise<WagtailPage | null> {
  try {
    const url = apiUrl("/api/v2/page_preview/1/", { content_type: contentType, token });
    const page = await apiGet<WagtailPage>(url, { draft: true });
    return page && typeof page.id === "number" && page.meta ? page : null;
  } catch {
    return null;
  }
}
