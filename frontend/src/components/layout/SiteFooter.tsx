/** The site footer. */
import Link from "@/components/common/IntentLink";
import { SITE_NAME, SITE_TAGLINE } from "@/lib/config";
import styles from "@/components/layout/Layout.module.css";

export default function SiteFooter() {
  return (
    <footer className={styles.siteFooter}>
      <div className={`${styles.container} ${styles.siteFooterInner}`}>
        <p>
          <strong>{SITE_NAME}</strong> — {SITE_TAGLINE}. Дивіться та читайте з українським озвученням і
          перекладом від команд-фандаберів.
        </p>
        <nav aria-label="Посилання в підвалі">
          <Link href="/anime/">Каталог аніме</Link>
          <Link href="/manga/">Каталог манґи</Link>
          <Link href="/schedule/">Розклад виходу</Link>
          <Link href="/dub-teams/">Команди озвучення</Link>
        </nav>
      </div>
    </footer>
  );
}
