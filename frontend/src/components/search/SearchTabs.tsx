/**
 * Result-kind tabs of the search page. Titles are the only kind today; forum topics or users
 * become new entries in SEARCH_TABS with their own result component.
 */
import Link from "@/components/common/IntentLink";
import { toQueryString } from "@/lib/api/client";
import styles from "@/components/search/Search.module.css";

export interface SearchTab {
  key: string;
  label: string;
  /** Value of the `kind` parameter, undefined for "everything". */
  kind?: string;
}

export const SEARCH_TABS: SearchTab[] = [
  { key: "all", label: "Усе" },
  { key: "anime", label: "Аніме", kind: "anime" },
  { key: "manga", label: "Манґа", kind: "manga" },
];

export function activeTab(kind: string | undefined): SearchTab {
  return SEARCH_TABS.find((tab) => tab.kind === kind) ?? SEARCH_TABS[0]!;
}

export default function SearchTabs({ query, current }: { query: string; current: SearchTab }) {
  return (
    <nav className={styles.tabs} aria-label="Що шукати">
      {SEARCH_TABS.map((tab) => (
        <Link
          key={tab.key}
          href={`/search/${toQueryString({ q: query, kind: tab.kind })}`}
          aria-current={tab.key === current.key ? "page" : undefined}
          className={styles.tabsTab}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
