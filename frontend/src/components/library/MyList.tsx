"use client";
/**
 * «Мій список» (`/my/`): the signed-in visitor's titles with a tab per status, rendered in the
 * browser; signed out, an invitation to sign in.
 */
import Link from "@/components/common/IntentLink";
import { useEffect, useState } from "react";
import EmptyState from "@/components/common/EmptyState";
import Poster from "@/components/titles/Poster";
import { errorMessage } from "@/lib/api/browser";
import {
  LIST_STATUSES,
  type ListCounts,
  type ListEntry,
  type ListStatus,
  fetchList,
  listEntries,
  statusLabel,
} from "@/lib/api/library";
import ListControls from "./ListControls";
import styles from "./Library.module.css";
import { useSignedIn } from "./useSignedIn";

export default function MyList() {
  const signedIn = useSignedIn();
  const [status, setStatus] = useState<ListStatus>("watching");
  const [answer, setAnswer] = useState<{ status: ListStatus; items: ListEntry[]; counts: ListCounts } | null>(null);
  const [failure, setFailure] = useState<{ status: ListStatus; message: string } | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    fetchList({ status, limit: 200 }, controller.signal).then(
      ({ items, meta }) => {
        for (const item of items) listEntries.set(item.title.id, item); // the cards need not ask
        setAnswer({ status, items, counts: meta.counts });
      },
      (reason: unknown) => {
        if (!controller.signal.aborted) setFailure({ status, message: errorMessage(reason) });
      },
    );
    return () => controller.abort();
  }, [signedIn, status]);

  const items = answer?.status === status ? answer.items : null;
  const counts = answer?.counts ?? null;
  const error = failure?.status === status && !items ? failure.message : null;

  if (signedIn === undefined) return null;
  if (!signedIn) {
    return (
      <EmptyState title="Увійдіть, щоб вести свій список">
        <p>
          Позначайте, що дивитеся й читаєте, ставте оцінки й продовжуйте з того ж місця на будь-якому пристрої.{" "}
          <Link href="/accounts/sign-in/">Увійти</Link> або <Link href="/accounts/sign-up/">зареєструватися</Link>.
        </p>
      </EmptyState>
    );
  }

  return (
    <>
      <div className={styles.tabs} role="tablist" aria-label="Статуси">
        {LIST_STATUSES.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`tab-${value}`}
            aria-selected={value === status}
            aria-controls="list-panel"
            className={styles.tab}
            onClick={() => setStatus(value)}
          >
            {statusLabel(value, "mixed")}
            {counts ? ` · ${counts[value]}` : ""}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="list-panel" aria-labelledby={`tab-${status}`} data-testid="my-list">
        {error && <p role="alert">{error}</p>}
        {!error && items === null && <p aria-busy="true">Завантаження…</p>}
        {items?.length === 0 && <EmptyState title="Тут поки порожньо" />}
        {items && items.length > 0 && (
          <ul className={styles.grid}>
            {items.map((item) => (
              <li key={item.title.id} data-testid="my-list-item">
                <Link href={item.title.url}>
                  <Poster src={item.title.poster_url || null} title={item.title.title} />
                  <span className={styles.itemTitle}>{item.title.title}</span>
                </Link>
                <p className={styles.itemMeta}>
                  {[item.title.year, item.score ? `★ ${item.score}` : "", item.favourite ? "♥" : ""]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <ListControls titleId={item.title.id} kind={item.title.kind} name={item.title.title} compact />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
