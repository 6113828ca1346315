/**
 * The catalog (`/anime/`, `/manga/`) and the body of search results: filters from the URL, the
 * `titles/` listing with facet counts, active-filter chips, the poster grid and pagination.
 */
import Link from "@/components/common/IntentLink";
import CatalogFilters from "@/components/catalog/CatalogFilters";
import FiltersPanel from "@/components/catalog/FiltersPanel";
import Pagination from "@/components/catalog/Pagination";
import EmptyState from "@/components/common/EmptyState";
import TitleGrid, { EAGER_POSTERS } from "@/components/titles/TitleGrid";
import type { FacetName, TitleKind } from "@/lib/api/types";
import {
  CATALOG_PAGE_SIZE,
  SINGLE_FILTERS,
  type TitleFilters,
  catalogHref,
  getTitlesOrRejection,
  hasActiveFilters,
} from "@/lib/api/titles";
import {
  AUDIO_LABELS,
  FORMAT_LABELS,
  SEASON_LABELS,
  STATUS_LABELS,
  TITLE_FORMS,
  countLabel,
} from "@/lib/labels";
import styles from "@/components/catalog/Catalog.module.css";

const FILTER_NAMES: Record<string, string> = {
  genre: "жанр",
  studio: "студія",
  year: "рік",
  year_from: "рік від",
  year_to: "рік до",
  season: "сезон",
  status: "статус",
  format: "формат",
  dub_team: "команда",
  audio: "мова озвучення",
  search: "назва",
  order: "сортування",
  kind: "тип",
  limit: "кількість",
  offset: "сторінка",
};

const VALUE_LABELS: Partial<Record<string, Record<string, string>>> = {
  season: SEASON_LABELS,
  status: STATUS_LABELS,
  format: FORMAT_LABELS,
  audio: AUDIO_LABELS,
};

interface CatalogViewProps {
  /** Undefined lists anime and manga together (search results). */
  kind?: TitleKind;
  /** The page's path; links append the filters to it. */
  action: string;
  filters: TitleFilters;
  /** Parameters every link and the form keep (e.g. `{kind: "anime"}` on the search page). */
  fixedParams?: Record<string, string>;
  /** What to say when nothing matches (the search page suggests things). */
  emptyHint?: React.ReactNode;
  /** The «Назва» filter; off on the search page, whose own box holds the query. */
  searchField?: boolean;
}

export default async function CatalogView(props: CatalogViewProps) {
  const { kind, action, filters, fixedParams = {}, emptyHint, searchField = true } = props;
  const fixedQuery = new URLSearchParams(fixedParams).toString();
  const basePath = fixedQuery ? `${action}?${fixedQuery}` : action;
  const result = await getTitlesOrRejection(kind, filters);
  if (!result.ok) {
    const name = FILTER_NAMES[result.rejected] ?? result.rejected;
    return (
      <EmptyState title="Не вдалося застосувати фільтри">
        <p>
          {name ? `Неправильне значення фільтра «${name}».` : "Деякі фільтри мають неправильні значення."}{" "}
          <Link href={basePath}>Скинути фільтри</Link>
        </p>
      </EmptyState>
    );
  }
  const { listing } = result;
  const pageCount = Math.max(1, Math.ceil(listing.total / CATALOG_PAGE_SIZE));
  const labelFor = (name: FacetName, value: string) =>
    listing.facets[name].find((facet) => facet.value === value)?.label ??
    VALUE_LABELS[name]?.[value] ??
    value;

  const chips: { label: string; href: string }[] = [
    ...filters.genre.map((slug) => ({
      label: labelFor("genre", slug),
      href: catalogHref(basePath, filters, { genre: filters.genre.filter((g) => g !== slug) }),
    })),
    ...SINGLE_FILTERS.filter((key) => key !== "order" && (key !== "search" || searchField) && filters[key]).map((key) => ({
      label: `${FILTER_NAMES[key]}: ${
        key in listing.facets ? labelFor(key as FacetName, filters[key]!) : filters[key]
      }`,
      href: catalogHref(basePath, filters, { [key]: undefined }),
    })),
  ];

  return (
    <div className={styles.catalog} data-testid="catalog">
      <aside className={styles.catalogFilters} aria-label="Фільтри">
        <FiltersPanel activeCount={chips.length}>
          <CatalogFilters
            action={action}
            kind={kind}
            filters={filters}
            facets={listing.facets}
            hiddenFields={fixedParams}
            searchField={searchField}
          />
        </FiltersPanel>
      </aside>
      <section aria-labelledby="catalog-count">
        <div className={styles.catalogSummary}>
          {/* The heading between the page's h1 and the cards' h3. */}
          <h2 id="catalog-count" className={styles.catalogCount} data-testid="catalog-count">
            Знайдено {countLabel(listing.total, TITLE_FORMS)}
          </h2>
          {chips.length > 0 && (
            <ul className={styles.activeFilters} aria-label="Активні фільтри">
              {chips.map((chip) => (
                <li key={chip.href}>
                  <Link href={chip.href} aria-label={`Прибрати фільтр ${chip.label}`}>
                    {chip.label} <span aria-hidden="true">×</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        {listing.items.length > 0 ? (
          <TitleGrid titles={listing.items} label="Результати" eager={EAGER_POSTERS} />
        ) : (
          <EmptyState title="Нічого не знайдено">
            {listing.total > 0 ? (
              <p>
                Ця сторінка порожня.{" "}
                <Link href={catalogHref(basePath, filters, { page: 1 })}>Перейти на першу</Link>.
              </p>
            ) : (
              emptyHint ??
              (hasActiveFilters(filters) ? (
                <p>
                  Спробуйте прибрати частину фільтрів або{" "}
                  <Link href={basePath}>переглянути весь каталог</Link>.
                </p>
              ) : (
                <p>Каталог поки порожній.</p>
              ))
            )}
          </EmptyState>
        )}
        <Pagination
          page={filters.page}
          pageCount={pageCount}
          hrefFor={(page) => catalogHref(basePath, filters, { page })}
        />
      </section>
    </div>
  );
}
