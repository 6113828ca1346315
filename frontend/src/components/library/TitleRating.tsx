"use client";
/**
 * The title's own rating on its page. The server renders the cached value (the same for
 * everyone); for a signed-in visitor the list entry from `/api/me/list/` carries the title's
 * current rating, so a score they give shows in the mean at once, without waiting for the
 * page's revalidation.
 */
import { VOTE_FORMS, countLabel, formatRating } from "@/lib/labels";
import styles from "@/components/titles/TitleHero.module.css";
import { useListEntry } from "./useListEntry";

interface TitleRatingProps {
  titleId: number;
  rating: number | null;
  ratingCount: number;
}

export default function TitleRating({ titleId, rating, ratingCount }: TitleRatingProps) {
  const { entry } = useListEntry(titleId);
  const live = entry ? { rating: entry.title_rating, count: entry.title_rating_count } : { rating, count: ratingCount };
  return (
    <div className={styles.ratingBox} data-testid="title-rating">
      <span className={styles.ratingBoxValue}>★ {formatRating(live.rating)}</span>
      <span className={styles.ratingBoxLabel}>
        {live.count > 0 ? countLabel(live.count, VOTE_FORMS) : "ще без оцінок"} на AniHata
      </span>
    </div>
  );
}
