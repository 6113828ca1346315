"use client";
/**
 * The chapter page's reader: loads `/api/reader/chapters/<id>/` (`useReaderChapter`) in the
 * quality the reader chose, shows a spinner or a retry while it cannot, a Ukrainian message and
 * the link to the source when the chapter has no pages here (removed from MangaDex, hosted by
 * its translators, MangaDex not answering), and otherwise hands the pages to `LoadedReader`.
 * Reuses the player's overlays and the controls kit.
 */
import { useRouter } from "next/navigation";
import { PillButton } from "@/components/controls/ControlButton";
import { LoadingOverlay, MessageOverlay } from "@/components/player/Overlays";
import { chapterNumber } from "@/lib/api/mappers";
import LoadedReader from "./LoadedReader";
import styles from "./Reader.module.css";
import { useReaderChapter } from "./useReaderChapter";
import { useReaderPrefs } from "./useReaderPrefs";

export const UNAVAILABLE_MESSAGE = "Сторінки цього розділу зараз недоступні.";

export default function Reader({ chapterId, titleUrl }: { chapterId: number; titleUrl: string }) {
  const router = useRouter();
  const { prefs, updatePrefs } = useReaderPrefs();
  const state = useReaderChapter(chapterId, prefs.quality);
  const navigate = (url: string) => router.push(url);

  if (state.status === "ready" && state.data.pages.length > 0) {
    return (
      <section className={styles.reader} data-testid="reader" aria-label="Читання розділу">
        <LoadedReader
          data={state.data}
          prefs={prefs}
          onPrefs={updatePrefs}
          onNavigate={navigate}
          onReload={state.retry}
          titleUrl={titleUrl}
        />
      </section>
    );
  }

  let overlay;
  if (state.status === "loading") {
    overlay = <LoadingOverlay />;
  } else if (state.status === "failed") {
    overlay = (
      <MessageOverlay text={state.message} action={<PillButton onClick={state.retry}>Спробувати ще раз</PillButton>} />
    );
  } else {
    const { source_url: source, next } = state.data;
    overlay = (
      <MessageOverlay
        testId="reader-unavailable"
        text={state.data.message ?? UNAVAILABLE_MESSAGE}
        action={
          <div className={styles.row}>
            {source && (
              <a className={styles.sourceLink} href={source} target="_blank" rel="noopener noreferrer nofollow">
                Читати в джерелі ↗
              </a>
            )}
            {next && (
              <PillButton onClick={() => navigate(next.url)}>Розділ {chapterNumber(next.number)} →</PillButton>
            )}
          </div>
        }
      />
    );
  }
  return (
    <section
      className={styles.reader}
      data-testid="reader"
      aria-label="Читання розділу"
      aria-busy={state.status === "loading" || undefined}
    >
      <div className={styles.frame}>{overlay}</div>
    </section>
  );
}
