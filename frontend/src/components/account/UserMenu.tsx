"use client";
/**
 * The header's account corner, filled in the browser from `/api/me/` (the server-rendered HTML
 * stays the same for everyone, so anonymous pages remain cacheable).
 */
import Link from "@/components/common/IntentLink";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import NotificationBell from "@/components/library/NotificationBell";
import { type Me, SESSION_CHANGED_EVENT, announceSessionChange, fetchMe, signOut } from "@/lib/api/auth";
import styles from "./Account.module.css";

export default function UserMenu() {
  const router = useRouter();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      const current = new AbortController();
      controller = current;
      fetchMe(current.signal)
        .then(setMe)
        .catch(() => {
          if (!current.signal.aborted) setMe(null);
        });
    };
    load();
    window.addEventListener(SESSION_CHANGED_EVENT, load);
    return () => {
      window.removeEventListener(SESSION_CHANGED_EVENT, load);
      controller.abort();
    };
  }, []);

  async function onSignOut() {
    await signOut();
    announceSessionChange();
    router.push("/");
  }

  if (me === undefined) return <div className={styles.userMenu} aria-hidden="true" />;
  if (me === null) {
    return (
      <div className={styles.userMenu}>
        <Link href="/accounts/sign-in/">Увійти</Link>
      </div>
    );
  }
  return (
    <div className={styles.userMenu} data-testid="user-menu">
      <span className={styles.userName}>{me.username}</span>
      <Link href="/my/">Мій список</Link>
      <NotificationBell />
      <span title="Репутація">
        {me.level.name} · {me.reputation}
      </span>
      <button type="button" className={styles.linkButton} onClick={onSignOut}>
        Вийти
      </button>
    </div>
  );
}
