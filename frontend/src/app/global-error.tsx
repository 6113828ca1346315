"use client";
/** Last-resort error page (the root layout itself failed), in Ukrainian. */
import "./globals.css";
import layoutStyles from "@/components/layout/Layout.module.css";
import errorPageStyles from "@/components/common/ErrorPage.module.css";
import ui from "@/components/common/ui.module.css";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="uk">
      <head>
        <title>Помилка · AniHata</title>
        <meta name="description" content="Сталася помилка на AniHata." />
      </head>
      <body>
        <main className={`${layoutStyles.container} ${layoutStyles.main}`}>
          <section className={errorPageStyles.errorPage}>
            <h1>Сайт тимчасово недоступний</h1>
            <p>Ми вже знаємо про проблему. Спробуйте оновити сторінку трохи згодом.</p>
            <button type="button" className={ui.button} onClick={() => reset()}>
              Спробувати ще раз
            </button>
          </section>
        </main>
      </body>
    </html>
  );
}
