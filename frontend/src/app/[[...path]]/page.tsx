/**
 * Every Wagtail page: the path is resolved with `pages/find/` and `meta.type` picks the
 * component from the registry. Rendered on first visit and then served from cache (ISR).
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageTypeOf } from "@/components/pages/registry";
import { findPage, sitePath } from "@/lib/api/pages";
import type { SearchParamsRecord } from "@/lib/api/titles";

export const revalidate = 300;
export const dynamicParams = true;

/** Nothing is prerendered at build time (the API may be down then); pages render on demand. */
export function generateStaticParams(): { path: string[] }[] {
  return [];
}

interface RouteProps {
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<SearchParamsRecord>;
}

async function resolve(params: RouteProps["params"]) {
  const path = sitePath((await params).path);
  const page = await findPage(path);
  const type = pageTypeOf(page?.meta.type);
  if (!page || !type) notFound();
  return { path, page, type };
}

export async function generateMetadata({ params }: RouteProps): Promise<Metadata> {
  const { page, path, type } = await resolve(params);
  return type.metadata(page, path);
}

export default async function WagtailPageRoute({ params, searchParams }: RouteProps) {
  const { page, path, type } = await resolve(params);
  return <type.View page={page} path={path} searchParams={searchParams} />;
}
