/** The 404 page, in Ukrainian. */
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Сторінку не знайдено",
  description: "Такої сторінки на AniHata немає. Пошукайте аніме в каталозі або через пошук.",
};

export default function NotFound() {
  return (
    <section className="error-page">
      <p className="error-page__code" aria-hidden="true">
        404
      </p>
      <h1>Сторінку не знайдено</h1>
      <p>Можливо, її перенесли або посилання містить помилку. Спробуйте знайти потрібне інакше:</p>
      <div className="hero__actions">
        <Link href="/" className="button">
          На головну
        </Link>
        <Link href="/anime/" className="button button--ghost">
          Каталог аніме
        </Link>
        <Link href="/search/" className="button button--ghost">
          Пошук
        </Link>
      </div>
    </section>
  );
}
