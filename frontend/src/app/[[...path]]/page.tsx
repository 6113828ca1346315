/**
 * Every Wagtail page: the path is resolved with `pages/find/` and `meta.type` picks the
 * component from the registry. Rendered on first visit, then served from cache (ISR) until
 * it expires or Wagtail revalidates it. The catalog indexes, whose query string matters, have
 * their own dynamic routes (`app/anime`, `app/manga`) that use the same registry.
 */
import type { Metadata } from "next";
import { metadataForPath, resolvePage } from "@/components/pages/resolve";
import { sitePath } from "@/lib/api/pages";

export const revalidate = 300;
export const dynamicParams = true;

/** Nothing is prerendered at build time (the API may be down then); pages render on demand. */
export function generateStaticParams(): { path: string[] }[] {
  return [];
}

interface RouteProps {
  params: Promise<{ path?: string[] }>;
}

/** Static rendering has no query string; pages that need one have dynamic routes. */
const NO_SEARCH_PARAMS = Promise.resolve({});

export async function generateMetadata({ params }: RouteProps): Promise<Metadata> {
  return metadataForPath(sitePath((await params).path));
}

export default async function WagtailPageRoute({ params }: RouteProps) {
  const { page, path, type } = await resolvePage(sitePath((await params).path));
  return <type.View page={page} path={path} searchParams={NO_SEARCH_PARAMS} />;
}
