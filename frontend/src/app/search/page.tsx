/**
 * `/search/?q=`: one search box, result-kind tabs, and the results: on «Усе» grouped (dub teams,
 * anime, manga), on a kind's tab (or with filters) the catalog with its filters.
 */
import type { Metadata } from "next";
import CatalogView from "@/components/catalog/CatalogView";
import CleanGetForm from "@/components/common/CleanGetForm";
import SearchGroups from "@/components/search/SearchGroups";
import SearchSuggestions from "@/components/search/SearchSuggestions";
import SearchTabs, { activeTab } from "@/components/search/SearchTabs";
import { type SearchParamsRecord, hasActiveFilters, parseTitleFilters } from "@/lib/api/titles";
import type { TitleKind } from "@/lib/api/types";
import { pageMetadata } from "@/lib/seo";
import ui from "@/components/common/ui.module.css";
import styles from "@/components/search/Search.module.css";

interface SearchRouteProps {
  searchParams: Promise<SearchParamsRecord>;
}

function queryOf(params: SearchParamsRecord): string {
  const value = params.q ?? params.search;
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export async function generateMetadata({ searchParams }: SearchRouteProps): Promise<Metadata> {
  const query = queryOf(await searchParams);
  return {
    ...pageMetadata({
      title: query ? `Пошук: ${query}` : "Пошук",
      description: "Пошук аніме та манґи українською на AniHata за назвою, жанрами та роками.",
      path: "/search/",
    }),
    robots: { index: false, follow: true },
  };
}

export default async function SearchRoute({ searchParams }: SearchRouteProps) {
  const params = await searchParams;
  const query = queryOf(params);
  const kindParam = Array.isArray(params.kind) ? params.kind[0] : params.kind;
  const tab = activeTab(kindParam);
  const parsed = { ...parseTitleFilters(params), search: undefined };
  const filters = { ...parsed, search: query || undefined };
  const grouped = query && !tab.kind && !hasActiveFilters(parsed) && parsed.page === 1;
  return (
    <>
      <div className={ui.pageHead}>
        <h1>{query ? `Результати пошуку «${query}»` : "Пошук"}</h1>
        <CleanGetForm
          action="/search/"
          className={styles.searchPageForm}
          role="search"
          aria-label="Пошук тайтлів і команд"
        >
          <label htmlFor="search-page-q" className={ui.visuallyHidden}>
            Що шукаємо?
          </label>
          <input
            id="search-page-q"
            className={ui.input}
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Назва українською, англійською чи ромаджі"
          />
          {tab.kind && <input type="hidden" name="kind" value={tab.kind} />}
          <button type="submit" className={ui.button}>
            Шукати
          </button>
        </CleanGetForm>
      </div>
      <SearchTabs query={query} current={tab} />
      {grouped ? (
        <SearchGroups query={query} />
      ) : (
        <CatalogView
          kind={tab.kind as TitleKind | undefined}
          action="/search/"
          filters={filters}
          fixedParams={tab.kind ? { kind: tab.kind } : {}}
          emptyHint={<SearchSuggestions query={query} />}
          searchField={false}
        />
      )}
    </>
  );
}
