/**
 * A grid of title cards in 2, 3, 4 or 6 columns (Cards.module.css). `wholeRows` hides the cards
 * of an incomplete last row (rows of a page; a catalog page keeps every card). The first
 * `eager` posters load at once with high priority (the first row above the fold), the rest lazily.
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

/** Cards in the widest row: what `eager` is set to for a page's first grid. */
export const FIRST_ROW = 6;

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
