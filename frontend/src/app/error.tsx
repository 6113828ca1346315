"use client";
/** Error boundary for pages: a Ukrainian message and a retry button. */
import Link from "@/components/common/IntentLink";
import { useEffect } from "react";
import styles from "@/components/common/ErrorPage.module.css";
import ui from "@/components/common/ui.module.css";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Помилка · AniHata";
  }, []);
  return (
    <section className={styles.errorPage}>
      <p className={styles.errorPageCode} aria-hidden="true">
        ой
      </p>
      <h1>Щось пішло не так</h1>
      <p>
        Не вдалося завантажити сторінку. Спробуйте ще раз за хвилину.
        {error.digest && <span className={ui.muted}> Код помилки: {error.digest}</span>}
      </p>
      <div className={styles.actions}>
        <button type="button" className={ui.button} onClick={() => reset()}>
          Спробувати ще раз
        </button>
        <Link href="/" className={`${ui.button} ${ui.buttonGhost}`}>
          На головну
        </Link>
      </div>
    </section>
  );
}
