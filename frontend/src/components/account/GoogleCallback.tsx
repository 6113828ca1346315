"use client";
/** `/accounts/google/callback/`: where allauth sends the browser back from Google. */
import Link from "@/components/common/IntentLink";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { announceSessionChange, fetchMe } from "@/lib/api/auth";
import styles from "./Account.module.css";

export default function GoogleCallback({ error }: { error: string | null }) {
  const router = useRouter();
  const [failed, setFailed] = useState(Boolean(error));

  useEffect(() => {
    if (error) return;
    let cancelled = false;
    fetchMe()
      .then((me) => {
        if (cancelled) return;
        if (!me) return setFailed(true);
        announceSessionChange();
        router.push("/");
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [error, router]);

  if (!failed) return <p role="status">Входимо через Google…</p>;
  return (
    <p className={styles.error} role="alert">
      Не вдалося увійти через Google{error === "cancelled" ? ": вхід скасовано" : ""}.{" "}
      <Link href="/accounts/sign-in/">Спробувати ще раз</Link>
    </p>
  );
}
