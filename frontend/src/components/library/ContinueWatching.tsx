"use client";
/**
 * «Продовжити перегляд» on the home page: the latest episode of each title the signed-in
 * visitor watched (from `/api/me/history/`), or the next one when that was finished. Nothing
 * for anyone else, so the server-rendered home page stays the same for everyone.
 */
import Link from "@/components/common/IntentLink";
import { useEffect, useState } from "react";
import { formatTime } from "@/components/controls/formatTime";
import Poster from "@/components/titles/Poster";
import { type HistoryItem, fetchContinueWatching } from "@/lib/api/library";
import ui from "@/components/common/ui.module.css";
import styles from "./Library.module.css";
import { useSignedIn } from "./useSignedIn";

export interface ContinueItem {
  key: number;
  url: string;
  title: string;
  posterUrl: string | null;
  label: string;
  /** 0–100, null when the next episode starts from the beginning. */
  percent: number | null;
}

/** Where to go back to: the same episode where it stopped, or the next one after finishing it. */
export function continueItem(item: HistoryItem): ContinueItem | null {
  const base = { key: item.title.id, title: item.title.title, posterUrl: item.title.poster_url || null };
  if (item.completed) {
    if (!item.next) return null; // watched to the latest episode: nothing to continue yet
    return { ...base, url: item.next.url, label: `Серія ${item.next.number}`, percent: null };
  }
  const duration = item.duration ?? 0;
  const percent = duration > 0 ? Math.min(100, Math.round((item.position / duration) * 100)) : null;
  const at = duration > 0 ? `${formatTime(item.position)} з ${formatTime(duration)}` : formatTime(item.position);
  return { ...base, url: item.episode.url, label: `Серія ${item.episode.number} · ${at}`, percent };
}

export default function ContinueWatching() {
  const signedIn = useSignedIn();
  const [items, setItems] = useState<ContinueItem[]>([]);

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    fetchContinueWatching(12, controller.signal).then(
      (history) => setItems(history.map(continueItem).filter((item): item is ContinueItem => item !== null)),
      () => undefined, // a convenience row: left out when it cannot load
    );
    return () => controller.abort();
  }, [signedIn]);

  if (!signedIn || items.length === 0) return null;
  return (
    <section className={ui.section} aria-labelledby="continue" data-testid="continue-watching">
      <div className={ui.sectionHead}>
        <h2 id="continue">Продовжити перегляд</h2>
        <Link href="/my/" className={ui.sectionMore}>
          Мій список →
        </Link>
      </div>
      <ul className={styles.row}>
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.url}>
              <Poster src={item.posterUrl} title={item.title} />
              <span className={styles.itemTitle}>{item.title}</span>
            </Link>
            <p className={styles.itemMeta}>{item.label}</p>
            {item.percent !== null && (
              <div className={styles.progressBar} aria-hidden="true">
                <span style={{ width: `${item.percent}%` }} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
