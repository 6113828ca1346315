/** The 404 page, in Ukrainian. */
import type { Metadata } from "next";
import Link from "@/components/common/IntentLink";
import styles from "@/components/common/ErrorPage.module.css";
import ui from "@/components/common/ui.module.css";

export const metadata: Metadata = {
  title: "Сторінку не знайдено",
  description: "Такої сторінки на AniHata немає. Пошукайте аніме в каталозі або через пошук.",
};

export default function NotFound() {
  return (
    <section className={styles.errorPage}>
      <p className={styles.errorPageCode} aria-hidden="true">
        404
      </p>
      <h1>Сторінку не знайдено</h1>
      <p>Можливо, її перенесли або посилання містить помилку. Спробуйте знайти потрібне інакше:</p>
      <div className={styles.actions}>
        <Link href="/" className={ui.button}>
          На головну
        </Link>
        <Link href="/anime/" className={`${ui.button} ${ui.buttonGhost}`}>
          Каталог аніме
        </Link>
        <Link href="/search/" className={`${ui.button} ${ui.buttonGhost}`}>
          Пошук
        </Link>
      </div>
    </section>
  );
}
