/** A poster card for grids: poster, badges (Ukrainian dub, status), name, year and dub teams. */
import Link from "next/link";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import Poster from "@/components/titles/Poster";
import type { TitleSummary } from "@/lib/api/types";
import { FORMAT_LABELS, KIND_LABELS, STATUS_LABELS, formatRating, labelOf } from "@/lib/labels";

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
    <article className="card">
      <Link href={title.url} className="card__link" prefetch={false}>
        <div className="card__poster">
          <Poster
            src={title.posterUrl}
            title={title.title}
            sizes="(max-width: 600px) 45vw, 200px"
            eager={eager}
          />
          <div className="card__badges">
            {badge && <span className="badge badge--yellow">{badge}</span>}
            {title.dubTeams.length > 0 && <span className="badge badge--yellow">UA</span>}
            {title.status === "ongoing" && (
              <span className="badge badge--azure">{labelOf(STATUS_LABELS, title.status)}</span>
            )}
          </div>
          {title.rating !== null && (
            <span className="card__rating" aria-label={`Рейтинг ${formatRating(title.rating)}`}>
              ★ {formatRating(title.rating)}
            </span>
          )}
        </div>
        <h3 className="card__title">{title.title}</h3>
      </Link>
      {meta && <p className="card__meta">{meta}</p>}
      <DubTeamChips teams={title.dubTeams} linked={false} limit={2} />
    </article>
  );
}
