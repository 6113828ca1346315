/**
 * Raw JSON shapes of Wagtail's API v2 (`/api/v2/pages/`, `find/`, `titles/`, `page_preview/`).
 * Wagtail's page API is not part of the DRF OpenAPI schema, so it is typed here, once; every
 * field is optional or loose because the mappers in `mappers.ts` are the only readers.
 */

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

export interface RawFacetValue {
  value: string | number;
  label?: string | null;
  count: number;
}

/** `titles/` answer: a Wagtail listing whose meta also carries facet counts. */
export interface RawTitlesListing extends WagtailListing {
  meta: {
    total_count: number;
    facets?: Partial<Record<string, RawFacetValue[]>>;
  };
}
