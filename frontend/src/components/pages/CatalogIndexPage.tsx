/** `anime.AnimeIndexPage` and `manga.MangaIndexPage`: the filterable catalog. */
import CatalogView from "@/components/catalog/CatalogView";
import Breadcrumbs from "@/components/common/Breadcrumbs";
import type { PageType, PageViewProps } from "@/components/pages/types";
import { str } from "@/lib/api/mappers";
import { parseTitleFilters } from "@/lib/api/titles";
import type { TitleKind } from "@/lib/api/types";
import { pageMetadata } from "@/lib/seo";
import ui from "@/components/common/ui.module.css";

const DESCRIPTIONS: Record<TitleKind, string> = {
  anime:
    "Каталог аніме з українським озвученням: фільтри за жанрами, роками, сезонами, статусом і " +
    "командами озвучення.",
  manga: "Каталог манґи, манхви та маньхуа українською: жанри, роки, статус і команди перекладу.",
};

function catalogIndex(kind: TitleKind): PageType {
  async function View({ page, path, searchParams }: PageViewProps) {
    const filters = parseTitleFilters(await searchParams);
    const intro = str(page.intro);
    return (
      <>
        <Breadcrumbs items={[{ href: path, label: page.title }]} />
        <div className={ui.pageHead}>
          <h1>{page.title}</h1>
          {intro && <p className={ui.pageHeadIntro}>{intro}</p>}
        </div>
        <CatalogView kind={kind} action={path} filters={filters} />
      </>
    );
  }
  return {
    View,
    metadata: (page, path) =>
      pageMetadata({
        title: str(page.meta.seo_title) || page.title,
        description: str(page.meta.search_description) || str(page.intro) || DESCRIPTIONS[kind],
        path,
      }),
  };
}

export const AnimeIndexPageType = catalogIndex("anime");
export const MangaIndexPageType = catalogIndex("manga");
