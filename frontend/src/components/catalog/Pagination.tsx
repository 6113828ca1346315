/** Numbered pagination as plain links (keeps every filter in the URL). */
import Link from "@/components/common/IntentLink";
import styles from "@/components/catalog/Catalog.module.css";

interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

/** Page numbers to show: first, last, and a window around the current one (0 = a gap). */
export function pageWindow(page: number, pageCount: number, radius = 2): number[] {
  const pages: number[] = [];
  for (let p = 1; p <= pageCount; p++) {
    if (p === 1 || p === pageCount || Math.abs(p - page) <= radius) pages.push(p);
    else if (pages[pages.length - 1] !== 0) pages.push(0);
  }
  return pages;
}

export default function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className={styles.pagination} aria-label="Сторінки">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Назад
        </Link>
      )}
      {pageWindow(page, pageCount).map((p, index) =>
        p === 0 ? (
          <span key={`gap-${index}`} className={styles.paginationGap}>
            …
          </span>
        ) : p === page ? (
          <span key={p} aria-current="page" className={styles.paginationCurrent}>
            {p}
          </span>
        ) : (
          <Link key={p} href={hrefFor(p)}>
            {p}
          </Link>
        ),
      )}
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next">
          Далі →
        </Link>
      )}
    </nav>
  );
}
