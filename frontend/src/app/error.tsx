"use client";
/** Error boundary for pages: a Ukrainian message and a retry button. */
import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Помилка · AniHata";
  }, []);
  return (
    <section className="error-page">
      <p className="error-page__code" aria-hidden="true">
        ой
      </p>
      <h1>Щось пішло не так</h1>
      <p>
        Не вдалося завантажити сторінку. Спробуйте ще раз за хвилину.
        {error.digest && <span className="muted"> Код помилки: {error.digest}</span>}
      </p>
      <div className="hero__actions">
        <button type="button" className="button" onClick={() => reset()}>
          Спробувати ще раз
        </button>
        <Link href="/" className="button button--ghost">
          На головну
        </Link>
      </div>
    </section>
  );
}
