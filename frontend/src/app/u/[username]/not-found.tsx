/** The 404 of `/u/<username>/`: no such user (or the account is closed). */
import Link from "@/components/common/IntentLink";
import styles from "@/components/common/ErrorPage.module.css";
import ui from "@/components/common/ui.module.css";

export default function UserNotFound() {
  return (
    <section className={styles.errorPage}>
      <p className={styles.errorPageCode} aria-hidden="true">
        404
      </p>
      <h1>Користувача не знайдено</h1>
      <p>Такого профілю на AniHata немає: можливо, ім’я написано з помилкою або обліковий запис закрито.</p>
      <div className={styles.actions}>
        <Link href="/" className={ui.button}>
          На головну
        </Link>
      </div>
    </section>
  );
}
