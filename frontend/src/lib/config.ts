/** Server-side settings read from the environment (see README: API_URL, FRONTEND_URL). */

function stripSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Django's origin as seen from the Next.js server. */
export function apiOrigin(): string {
  return stripSlash(process.env.API_URL || "http://127.0.0.1:8000");
}

/** The public origin of the site, used for canonical URLs, the sitemap and OpenGraph. */
export function siteOrigin(): string {
  return stripSlash(process.env.FRONTEND_URL || "http://localhost:3000");
}

/** Absolute public URL for a site path ("/anime/x/" -> "https://site/anime/x/"). */
export function absoluteUrl(path: string): string {
  return `${siteOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Absolute URL for a media URL that may be site-relative ("/media/x.svg"). */
export function absoluteMediaUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  return url.startsWith("/") ? absoluteUrl(url) : url;
}

export const SITE_NAME = "AniHata";
export const SITE_TAGLINE = "аніме українською";
