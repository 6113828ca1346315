"use client";
/**
 * The header's bell for a signed-in visitor: new episodes in the dubs they follow
 * (`/api/me/notifications/`), the unread count on the bell, marked read one by one (opening
 * one) or all at once.
 */
import Link from "@/components/common/IntentLink";
import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "@/lib/api/browser";
import { type Notification, fetchNotifications, markNotificationsRead } from "@/lib/api/library";
import styles from "./Library.module.css";

/** «Фрірен»: серія 5 — Тиха Гавань */
export function notificationText(item: Notification): string {
  const team = item.dub_team ? ` — ${item.dub_team.title}` : "";
  return `«${item.title.title}»: серія ${item.episode.number}${team}`;
}

export default function NotificationBell() {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchNotifications(controller.signal).then(
      (answer) => {
        setItems(answer.items);
        setUnread(answer.meta.unread_count);
      },
      () => undefined, // the bell stays quiet when it cannot load
    );
    return () => controller.abort();
  }, []);

  const markRead = useCallback(async (ids?: number[]) => {
    setError(null);
    try {
      setUnread(await markNotificationsRead(ids));
      setItems((current) => current.map((item) => (!ids || ids.includes(item.id) ? { ...item, read: true } : item)));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  return (
    <div
      className={styles.bell}
      data-testid="notification-bell"
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <button
        type="button"
        className={styles.bellButton}
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={unread ? `Сповіщення: ${unread} нових` : "Сповіщення"}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className={styles.bellCount} aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div className={styles.bellPanel} id="notification-panel">
          {items.length === 0 ? (
            <p>Сповіщень поки немає. Підпишіться на озвучку на сторінці аніме — і ми повідомимо про нову серію.</p>
          ) : (
            <ul>
              {items.map((item) => (
                <li key={item.id} className={item.read ? undefined : styles.unread}>
                  <Link
                    href={item.episode.url}
                    onClick={() => {
                      setOpen(false);
                      if (!item.read) void markRead([item.id]);
                    }}
                  >
                    {notificationText(item)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {unread > 0 && (
            <button type="button" className={styles.toggle} onClick={() => void markRead()}>
              Позначити всі прочитаними
            </button>
          )}
          {error && (
            <p className={styles.error} role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
