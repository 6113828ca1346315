/** A responsive grid of title cards. */
import TitleCard from "@/components/titles/TitleCard";
import type { TitleSummary } from "@/lib/api/types";
import styles from "@/components/titles/Cards.module.css";

export default function TitleGrid({ titles, label }: { titles: TitleSummary[]; label?: string }) {
  return (
    <ul className={styles.grid} aria-label={label}>
      {titles.map((title, index) => (
        <li key={title.id}>
          <TitleCard title={title} eager={index < 4} />
        </li>
      ))}
    </ul>
  );
}
