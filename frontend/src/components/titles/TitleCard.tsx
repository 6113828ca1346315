/** A poster card for grids: poster, badges (Ukrainian dub, status), name, year and dub teams. */
import Link from "@/components/common/IntentLink";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import CardListControls from "@/components/library/CardListControls";
import Poster from "@/components/titles/Poster";
import type { TitleSummary } from "@/lib/api/types";
import { FORMAT_LABELS, KIND_LABELS, STATUS_LABELS, formatRating, labelOf } from "@/lib/labels";
import styles from "@/components/titles/Cards.module.css";
import ui from "@/components/common/ui.module.css";

interface TitleCardProps {
  title: TitleSummary;
  /** Extra badge text such as "Нова серія". */
  badge?: string;
  eager?: boolean;
}

export default function TitleCard({ title, badge, eager }: TitleCardProps) {
  const kindOrFormat = labelOf(FORMAT_LABELS, title.format) || labelOf(KIND_LABELS, title.kind);
  const meta = [title.year, kindOrFormat].filter(Boolean).join(" · ");
  return (
    <article className={styles.card} data-testid="card">
      <Link href={title.url} className={styles.cardLink}>
        <div className={styles.cardPoster}>
          <Poster src={title.posterUrl} title={title.title} eager={eager} />
          <div className={styles.cardBadges}>
            {badge && <span className={`${ui.badge} ${ui.badgeYellow}`}>{badge}</span>}
            {title.dubTeams.length > 0 && <span className={`${ui.badge} ${ui.badgeYellow}`}>UA</span>}
            {title.status === "ongoing" && (
              <span className={`${ui.badge} ${ui.badgeAzure}`}>{labelOf(STATUS_LABELS, title.status)}</span>
            )}
          </div>
          {title.rating !== null && (
            <span className={styles.cardRating} aria-label={`Рейтинг ${formatRating(title.rating)}`}>
              ★ {formatRating(title.rating)}
            </span>
          )}
        </div>
        <h3 className={styles.cardTitle} data-testid="card-title">{title.title}</h3>
      </Link>
      {meta && <p className={styles.cardMeta}>{meta}</p>}
      <DubTeamChips teams={title.dubTeams} linked={false} limit={2} />
      <CardListControls titleId={title.id} kind={title.kind} name={title.title} />
    </article>
  );
}
