/** Renders a Wagtail draft with the page type's own component (draft mode only). */
import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { pageTypeOf } from "@/components/pages/registry";
import { pathOf } from "@/lib/api/mappers";
import { getPreviewPage } from "@/lib/api/pages";
import type { SearchParamsRecord } from "@/lib/api/titles";
import ui from "@/components/common/ui.module.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Попередній перегляд",
  description: "Чернетка сторінки AniHata.",
  robots: { index: false, follow: false },
};

interface DraftRouteProps {
  searchParams: Promise<SearchParamsRecord>;
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function DraftRoute({ searchParams }: DraftRouteProps) {
  if (!(await draftMode()).isEnabled) notFound();
  const params = await searchParams;
  const page = await getPreviewPage(single(params.content_type), single(params.token));
  const type = pageTypeOf(page?.meta.type);
  if (!page || !type) notFound();
  return (
    <>
      <p className={ui.previewBanner} role="status">
        Попередній перегляд чернетки
      </p>
      <type.View
        page={page}
        path={pathOf(page.meta.html_url)}
        searchParams={Promise.resolve({})}
      />
    </>
  );
}
