"use client";
/** Last-resort error page (the root layout itself failed), in Ukrainian. */
import "./globals.css";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="uk">
      <head>
        <title>Помилка · AniHata</title>
        <meta name="description" content="Сталася помилка на AniHata." />
      </head>
      <body>
        <main className="container main">
          <section className="error-page">
            <h1>Сайт тимчасово недоступний</h1>
            <p>Ми вже знаємо про проблему. Спробуйте оновити сторінку трохи згодом.</p>
            <button type="button" className="button" onClick={() => reset()}>
              Спробувати ще раз
            </button>
          </section>
        </main>
      </body>
    </html>
  );
}
