"use client";
/**
 * A manga's chapter list on its title page. For a signed-in reader, the chapters they stopped
 * in before the end are marked «Читаю» (`GET /api/me/reading/?title=`, asked in the browser so
 * the page stays the same, cacheable HTML for everyone).
 */
import Link from "@/components/common/IntentLink";
import { useEffect, useState } from "react";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import { useSignedIn } from "@/components/library/useSignedIn";
import { fetchTitleReading } from "@/lib/api/reading";
import type { ChapterSummary } from "@/lib/api/types";
import styles from "@/components/episodes/Episodes.module.css";
import ui from "@/components/common/ui.module.css";

const NONE: ReadonlySet<number> = new Set();

/** The chapters being read: a position saved and the chapter not read to the end. */
function useReadingChapters(titleId: number): ReadonlySet<number> {
  const signedIn = useSignedIn();
  const [reading, setReading] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    fetchTitleReading(titleId, controller.signal).then(
      (items) => setReading(new Set(items.filter((item) => !item.completed).map((item) => item.chapter.id))),
      () => undefined, // a convenience mark: left out when it cannot load
    );
    return () => controller.abort();
  }, [signedIn, titleId]);
  return signedIn ? reading : NONE;
}

export default function ChapterList({ titleId, chapters }: { titleId: number; chapters: ChapterSummary[] }) {
  const reading = useReadingChapters(titleId);
  return (
    <ol className={styles.episodeList}>
      {chapters.map((chapter) => (
        <li key={chapter.id} className={reading.has(chapter.id) ? styles.isCurrent : undefined}>
          <Link href={chapter.url} className={styles.episodeListLink}>
            <span className={styles.episodeListNumber}>{chapter.number}</span>
            <span className={styles.episodeListTitle}>
              {chapter.volume && `Том ${chapter.volume}, `}Розділ {chapter.number}
              {chapter.title && !/^розділ/i.test(chapter.title) ? ` — ${chapter.title}` : ""}
            </span>
          </Link>
          {reading.has(chapter.id) && (
            <span className={`${ui.badge} ${ui.badgeAzure}`} data-testid="chapter-reading">
              Читаю
            </span>
          )}
          {chapter.translator && <DubTeamChips teams={[chapter.translator]} />}
        </li>
      ))}
    </ol>
  );
}
