/**
 * The one route component of the catalog indexes (`/anime/`, `/manga/`): they render per
 * request because the filters live in the query string, and otherwise resolve like any other
 * Wagtail page. `app/anime/page.tsx` and `app/manga/page.tsx` only name their path.
 */
import type { Metadata } from "next";
import { metadataForPath, resolvePage } from "@/components/pages/resolve";
import type { SearchParamsRecord } from "@/lib/api/titles";

export type CatalogPath = "/anime/" | "/manga/";

export function catalogRoute(path: CatalogPath) {
  function generateMetadata(): Promise<Metadata> {
    return metadataForPath(path);
  }

  async function CatalogRoute(props: { searchParams: Promise<SearchParamsRecord> }) {
    const { page, type } = await resolvePage(path);
    return <type.View page={page} path={path} searchParams={props.searchParams} />;
  }

  return { generateMetadata, CatalogRoute };
}
