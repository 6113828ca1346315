/** What the catch-all route hands to a page-type component. */
import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { SearchParamsRecord } from "@/lib/api/titles";
import type { WagtailPage } from "@/lib/api/wagtail";

export interface PageViewProps {
  page: WagtailPage;
  /** The site path the page was resolved from ("/anime/x/"). */
  path: string;
  /** Read only by pages that need it (the catalog), so other pages stay statically cacheable. */
  searchParams: Promise<SearchParamsRecord>;
}

export interface PageType {
  View: (props: PageViewProps) => Promise<ReactNode> | ReactNode;
  metadata: (page: WagtailPage, path: string) => Promise<Metadata> | Metadata;
}
