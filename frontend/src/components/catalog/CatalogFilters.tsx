/**
 * The catalog filter form: a GET form whose field names are the `titles/` parameters, so the
 * URL mirrors the filters and the form works without JavaScript. Options carry facet counts.
 */
import Link from "@/components/common/IntentLink";
import CleanGetForm from "@/components/common/CleanGetForm";
import type { FacetName, FacetValue, TitleKind } from "@/lib/api/types";
import type { TitleFilters } from "@/lib/api/titles";
import {
  AUDIO_LABELS,
  FORMAT_LABELS,
  ORDER_LABELS,
  SEASON_LABELS,
  STATUS_LABELS,
} from "@/lib/labels";
import styles from "@/components/catalog/Catalog.module.css";
import ui from "@/components/common/ui.module.css";

interface CatalogFiltersProps {
  /** Where the form submits (a path without a query string). */
  action: string;
  kind?: TitleKind;
  /** Fixed parameters the form must keep, e.g. the search page's kind tab. */
  hiddenFields?: Record<string, string>;
  filters: TitleFilters;
  facets: Record<FacetName, FacetValue[]>;
  /** Show the «Назва» field (the search page has its own box and keeps the query hidden). */
  searchField?: boolean;
}

const ANIME_FORMATS = ["tv", "movie", "ova", "ona", "special", "music"];
const MANGA_FORMATS = ["manga", "manhwa", "manhua", "one_shot", "light_novel"];

/** Options for a select: facet values (with counts) or, without facets, the known codes. */
function optionsFor(
  facet: FacetValue[],
  labels: Record<string, string>,
  codes: string[],
  selected: string | undefined,
): FacetValue[] {
  const base = facet.length
    ? facet.map((item) => ({
        ...item,
        label: item.label !== item.value ? item.label : (labels[item.value] ?? item.label),
      }))
    : codes.map((code) => ({ value: code, label: labels[code] ?? code, count: -1 }));
  if (selected && !base.some((item) => item.value === selected)) {
    base.push({ value: selected, label: labels[selected] ?? selected, count: 0 });
  }
  return base;
}

function optionText(option: FacetValue): string {
  return option.count >= 0 ? `${option.label} (${option.count})` : option.label;
}

function SelectFilter(props: {
  name: string;
  label: string;
  options: FacetValue[];
  value: string | undefined;
}) {
  const id = `filter-${props.name}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className={ui.input} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">Усі</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {optionText(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function CatalogFilters(props: CatalogFiltersProps) {
  const { action, kind, filters, facets, hiddenFields = {}, searchField = true } = props;
  const genres = optionsFor(facets.genre, {}, [], undefined);
  for (const slug of filters.genre) {
    if (!genres.some((genre) => genre.value === slug)) {
      genres.push({ value: slug, label: slug, count: 0 });
    }
  }
  const formats =
    kind === "manga" ? MANGA_FORMATS : kind === "anime" ? ANIME_FORMATS : [...ANIME_FORMATS, ...MANGA_FORMATS];
  return (
    <CleanGetForm className={styles.filters} action={action} aria-label="Фільтри каталогу">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {!searchField && filters.search && <input type="hidden" name="search" value={filters.search} />}
      {searchField && (
        <div className={styles.field}>
          <label htmlFor="filter-search">Назва</label>
          <input
            id="filter-search"
            className={ui.input}
            name="search"
            type="search"
            defaultValue={filters.search ?? ""}
            placeholder="Наприклад, Атака титанів"
          />
        </div>
      )}
      <fieldset className={styles.field}>
        <legend>Жанри</legend>
        <div className={styles.genresList}>
          {genres.map((genre) => (
            <label key={genre.value} className={styles.genreToggle}>
              <input
                type="checkbox"
                name="genre"
                value={genre.value}
                defaultChecked={filters.genre.includes(genre.value)}
              />
              <span>
                {genre.label}
                {genre.count >= 0 && <small> {genre.count}</small>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.field}>
        <span className={styles.fieldLabel} id="filter-years">
          Роки
        </span>
        <div className={styles.pair} role="group" aria-labelledby="filter-years">
          <input
            className={ui.input}
            name="year_from"
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            placeholder="від"
            aria-label="Рік від"
            defaultValue={filters.year_from ?? ""}
          />
          <input
            className={ui.input}
            name="year_to"
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            placeholder="до"
            aria-label="Рік до"
            defaultValue={filters.year_to ?? ""}
          />
        </div>
      </div>
      {filters.year && <input type="hidden" name="year" value={filters.year} />}
      <SelectFilter
        name="season"
        label="Сезон"
        value={filters.season}
        options={optionsFor(facets.season, SEASON_LABELS, Object.keys(SEASON_LABELS), filters.season)}
      />
      <SelectFilter
        name="status"
        label="Статус"
        value={filters.status}
        options={optionsFor(facets.status, STATUS_LABELS, Object.keys(STATUS_LABELS), filters.status)}
      />
      <SelectFilter
        name="format"
        label="Формат"
        value={filters.format}
        options={optionsFor(facets.format, FORMAT_LABELS, formats, filters.format)}
      />
      {kind !== "manga" && (
        <SelectFilter
          name="studio"
          label="Студія"
          value={filters.studio}
          options={optionsFor(facets.studio, {}, [], filters.studio)}
        />
      )}
      <SelectFilter
        name="dub_team"
        label={kind === "manga" ? "Команда перекладу" : "Команда озвучення"}
        value={filters.dub_team}
        options={optionsFor(facets.dub_team, {}, [], filters.dub_team)}
      />
      {kind !== "manga" && (
        <SelectFilter
          name="audio"
          label="Мова озвучення"
          value={filters.audio}
          options={optionsFor(facets.audio, AUDIO_LABELS, Object.keys(AUDIO_LABELS), filters.audio)}
        />
      )}
      <div className={styles.field}>
        <label htmlFor="filter-order">Сортування</label>
        <select id="filter-order" className={ui.input} name="order" defaultValue={filters.order ?? ""}>
          <option value="">Типове</option>
          {Object.entries(ORDER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filtersActions}>
        <button type="submit" className={ui.button}>
          Показати
        </button>
        <Link href={action} className={`${ui.button} ${ui.buttonGhost}`}>
          Скинути
        </Link>
      </div>
    </CleanGetForm>
  );
}
