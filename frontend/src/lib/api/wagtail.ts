/**
 * Raw JSON shapes of Wagtail's API v2 (`/api/v2/pages/`, `find/`, `titles/`, `page_preview/`).
 * Wagtail's page API is not part of the DRF OpenAPI schema, so it is typed here, once; every
 * field is optional or loose because the mappers in `mappers.ts` are the only readers.
 * Endpoints that are in the schema (`titles/`, `episodes/latest/`) take their types from the generated schema.d.ts.
 */
import type { components, operations } from "./schema";

export interface WagtailParentRef {
  id: number;
  meta?: { type?: string; html_url?: string | null; detail_url?: string };
  title?: string;
}

export interface WagtailPageMeta {
  type: string;
  html_url?: string | null;
  detail_url?: string;
  slug?: string;
  first_published_at?: string | null;
  last_published_at?: string | null;
  seo_title?: string;
  search_description?: string;
  parent?: WagtailParentRef | null;
}

/** A page as `pages/<id>/` answers it: base fields plus the model's api_fields. */
export interface WagtailPage {
  id: number;
  meta: WagtailPageMeta;
  title: string;
  [field: string]: unknown;
}

export interface WagtailListing<Item = WagtailPage> {
  meta: { total_count: number; [extra: string]: unknown };
  items: Item[];
}

/** Raw snippet/reference shapes as they appear inside title pages. */
export interface RawNamed {
  id?: number;
  slug?: string;
  name?: string;
  name_en?: string;
  title?: string;
  url?: string;
  html_url?: string;
  logo_url?: string | null;
}

/** `titles/` answer (typed by the OpenAPI schema); its items are title pages. */
export type RawTitlesListing = Omit<components["schemas"]["TitlesListing"], "items"> & {
  items: WagtailPage[];
};

/** DRF answers typed by the OpenAPI schema (the parsers still check every field). */
export type RawSchedule = components["schemas"]["Schedule"];
export type RawPublicProfile = components["schemas"]["PublicProfile"];
export type RawInstantSearch = components["schemas"]["InstantSearch"];
export type RawLatestEpisodes = components["schemas"]["LatestEpisodes"];
/** `pages/<id>/children/`: a title's episodes or chapters, or the dub teams. */
export type RawPageChildren = components["schemas"]["PageChildren"];

/** Query parameters `titles/` accepts, as the OpenAPI schema names them. */
export type TitlesQuery = NonNullable<operations["v2_titles_retrieve"]["parameters"]["query"]>;
export type LatestEpisodesQuery = NonNullable<
  operations["v2_episodes_latest_retrieve"]["parameters"]["query"]
>;
