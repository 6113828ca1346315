/**
 * A grid of title cards in 2, 3, 4 or 6 columns (Cards.module.css). `wholeRows` hides the cards
 * of an incomplete last row (rows of a page; a catalog page keeps every card). The first
 * `eager` posters load at once with high priority, the rest lazily.
 */
import TitleCard from "@/components/titles/TitleCard";
import type { TitleSummary } from "@/lib/api/types";
import styles from "@/components/titles/Cards.module.css";

interface TitleGridProps {
  titles: TitleSummary[];
  label?: string;
  eager?: number;
  wholeRows?: boolean;
}

/**
 * What `eager` is set to for a page's first grid: its first card, the page's LCP element at every
 * width. Only that one: React preloads every image that is not lazy in <head>, ahead of the
 * stylesheets, and a dozen posters and team logos competing with the CSS for the browser's six
 * connections delayed the first paint (Lighthouse's mobile run). The rest of the first row is
 * lazy, which for an image in view means it starts right after the first layout.
 */
export const EAGER_POSTERS = 1;

export default function TitleGrid({ titles, label, eager = 0, wholeRows = false }: TitleGridProps) {
  return (
    <div className={styles.gridBox}>
      <ul className={`${styles.grid} ${wholeRows ? styles.gridWhole : ""}`} aria-label={label} data-testid="title-grid">
        {titles.map((title, index) => (
          <li key={title.id}>
            <TitleCard title={title} eager={index < eager} />
          </li>
        ))}
      </ul>
    </div>
  );
}
