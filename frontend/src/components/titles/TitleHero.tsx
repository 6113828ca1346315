/** The top of a title page: poster, every name, badges, ratings and the facts list. */
import Link from "@/components/common/IntentLink";
import type { ReactNode } from "react";
import ListControls from "@/components/library/ListControls";
import TitleRating from "@/components/library/TitleRating";
import Poster from "@/components/titles/Poster";
import type { TitleDetail } from "@/lib/api/types";
import {
  AGE_RATING_LABELS,
  FORMAT_LABELS,
  SEASON_LABELS,
  STATUS_LABELS,
  formatDate,
  formatRating,
  labelOf,
} from "@/lib/labels";
import ui from "@/components/common/ui.module.css";
import styles from "@/components/titles/TitleHero.module.css";

interface TitleHeroProps {
  title: TitleDetail;
  /** Kind-specific facts (episodes, chapters) placed after the common ones. */
  extraFacts?: { label: string; value: ReactNode }[];
  /** Primary action, e.g. "Дивитися 1 серію". */
  action?: ReactNode;
}

function datesOf(title: TitleDetail): string {
  const start = formatDate(title.startDate);
  const end = formatDate(title.endDate);
  if (start && end && start !== end) return `${start} — ${end}`;
  return start || end;
}

export default function TitleHero({ title, extraFacts = [], action }: TitleHeroProps) {
  const catalog = `/${title.kind}/`;
  const season = [labelOf(SEASON_LABELS, title.season), title.year].filter(Boolean).join(" ");
  const facts: { label: string; value: ReactNode }[] = [
    { label: "Формат", value: labelOf(FORMAT_LABELS, title.format) },
    { label: "Статус", value: labelOf(STATUS_LABELS, title.status) },
    ...extraFacts,
    {
      label: "Сезон",
      value: season && (
        <Link href={`${catalog}?${title.season ? `season=${title.season}&` : ""}year=${title.year ?? ""}`}>
          {season}
        </Link>
      ),
    },
    { label: "Дати виходу", value: datesOf(title) },
    { label: "Вікове обмеження", value: labelOf(AGE_RATING_LABELS, title.ageRating) },
    {
      label: title.studios.length > 1 ? "Студії" : "Студія",
      value: title.studios.length > 0 && (
        <span className={ui.commaList}>
          {title.studios.map((studio) =>
            studio.slug ? (
              <Link key={studio.slug} href={`${catalog}?studio=${encodeURIComponent(studio.slug)}`}>
                {studio.name}
              </Link>
            ) : (
              <span key={studio.name}>{studio.name}</span>
            ),
          )}
        </span>
      ),
    },
  ];
  const otherNames = [title.titleEn, title.titleRomaji, title.titleNative, ...title.synonyms].filter(
    (name, index, names) => name && name !== title.title && names.indexOf(name) === index,
  );
  return (
    <section className={styles.titleHero}>
      <div className={styles.titleHeroPoster} data-testid="title-poster">
        <Poster src={title.posterUrl} title={title.title} eager />
      </div>
      <div>
        <h1>{title.title}</h1>
        {otherNames.length > 0 && (
          <ul className={styles.titleHeroNames} aria-label="Інші назви">
            {otherNames.map((name) => (
              <li key={name} lang={name === title.titleNative ? "ja" : undefined}>
                {name}
              </li>
            ))}
          </ul>
        )}
        <div className={styles.titleHeroRatings}>
          <TitleRating titleId={title.id} rating={title.rating} ratingCount={title.ratingCount} />
          {title.externalScore !== null && (
            <div className={`${styles.ratingBox} ${styles.ratingBoxMuted}`}>
              <span className={styles.ratingBoxValue}>{formatRating(title.externalScore)}</span>
              <span className={styles.ratingBoxLabel}>світовий рейтинг</span>
            </div>
          )}
        </div>
        {title.genres.length > 0 && (
          <ul className={ui.tags} aria-label="Жанри">
            {title.genres.map((genre) => (
              <li key={genre.slug}>
                <Link href={`${catalog}?genre=${encodeURIComponent(genre.slug)}`}>{genre.name}</Link>
              </li>
            ))}
          </ul>
        )}
        <dl className={ui.facts}>
          {facts
            .filter((fact) => fact.value)
            .map((fact) => (
              <div key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
        </dl>
        {action && <div className={styles.titleHeroActions}>{action}</div>}
        <ListControls titleId={title.id} kind={title.kind} name={title.title} />
      </div>
    </section>
  );
}
