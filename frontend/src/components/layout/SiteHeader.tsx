/** The site header: logo, main navigation and the always-visible search box. */
import Link from "next/link";
import SearchBox from "@/components/search/SearchBox";
import { SITE_NAME } from "@/lib/config";

export const NAV_LINKS = [
  { href: "/anime/", label: "Аніме" },
  { href: "/manga/", label: "Манґа" },
  { href: "/schedule/", label: "Розклад" },
  { href: "/dub-teams/", label: "Озвучення" },
  { href: "/forum/", label: "Форум" },
];

export default function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner container">
        <Link href="/" className="logo" aria-label={`${SITE_NAME} — на головну`}>
          <span className="logo__mark" aria-hidden="true">
            A
          </span>
          <span className="logo__text">
            Ani<span>Hata</span>
          </span>
        </Link>
        <nav aria-label="Головна навігація" className="site-nav">
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
      </div>
    </header>
  );
}
