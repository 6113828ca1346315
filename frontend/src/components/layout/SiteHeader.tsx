/** The site header: logo, main navigation, the always-visible search box and the account corner. */
import Link from "@/components/common/IntentLink";
import UserMenu from "@/components/account/UserMenu";
import SearchBox from "@/components/search/SearchBox";
import styles from "@/components/layout/Layout.module.css";
import ui from "@/components/common/ui.module.css";

export const NAV_LINKS = [
  { href: "/anime/", label: "Аніме" },
  { href: "/manga/", label: "Манґа" },
  { href: "/schedule/", label: "Розклад" },
  { href: "/dub-teams/", label: "Озвучення" },
  { href: "/forum/", label: "Форум" },
];

export default function SiteHeader() {
  return (
    <header className={styles.siteHeader}>
      <div className={`${styles.siteHeaderInner} ${styles.container}`}>
        {/* The name is the visible text plus a hidden hint (axe: label-content-name-mismatch). */}
        <Link href="/" className={styles.logo}>
          <span className={styles.logoMark} aria-hidden="true">
            A
          </span>
          <span className={styles.logoText}>
            Ani<span>Hata</span>
          </span>
          <span className={ui.visuallyHidden}> — на головну</span>
        </Link>
        <nav aria-label="Головна навігація" className={styles.siteNav}>
          <ul>
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                {link.href === "/forum/" ? (
                  // The forum is rendered by Django: a full page load, not client navigation.
                  <a href={link.href}>{link.label}</a>
                ) : (
                  <Link href={link.href}>{link.label}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
        <UserMenu />
      </div>
    </header>
  );
}
