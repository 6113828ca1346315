/** Resolving a site path to a Wagtail page and its registered page type (or a 404). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageTypeOf } from "@/components/pages/registry";
import { findPage } from "@/lib/api/pages";

export async function resolvePage(path: string) {
  const page = await findPage(path);
  const type = pageTypeOf(page?.meta.type);
  if (!page || !type) notFound();
  return { path, page, type };
}

export async function metadataForPath(path: string): Promise<Metadata> {
  const { page, type } = await resolvePage(path);
  return type.metadata(page, path);
}
