/** `/anime/`: the catalog index page, rendered per request because filters live in the URL. */
import type { Metadata } from "next";
import { metadataForPath, resolvePage } from "@/components/pages/resolve";
import type { SearchParamsRecord } from "@/lib/api/titles";

const PATH = "/anime/";

export const dynamic = "force-dynamic";

export function generateMetadata(): Promise<Metadata> {
  return metadataForPath(PATH);
}

export default async function CatalogRoute(props: { searchParams: Promise<SearchParamsRecord> }) {
  const { page, path, type } = await resolvePage(PATH);
  return <type.View page={page} path={path} searchParams={props.searchParams} />;
}
