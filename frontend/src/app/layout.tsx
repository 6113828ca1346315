/** Root layout: Ukrainian document, dark theme, header with search, footer. */
import "./globals.css";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import SiteFooter from "@/components/layout/SiteFooter";
import SiteHeader from "@/components/layout/SiteHeader";
import PosterFallbacks from "@/components/titles/PosterFallbacks";
import { FONT_STYLE } from "./fonts";
import { SITE_NAME, SITE_TAGLINE, siteOrigin } from "@/lib/config";
import styles from "@/components/layout/Layout.module.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: `${SITE_NAME} — ${SITE_TAGLINE}`, template: `%s · ${SITE_NAME}` },
    description:
      "Аніме з українським озвученням і манґа українською: каталог, нові серії, розклад і " +
      "команди фандабу.",
    applicationName: SITE_NAME,
    openGraph: { siteName: SITE_NAME, locale: "uk_UA", type: "website" },
  };
}

export const viewport: Viewport = {
  themeColor: "#0b0d12",
  colorScheme: "dark",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="uk" style={FONT_STYLE}>
      <body>
        <a href="#content" className={styles.skipLink}>
          Перейти до вмісту
        </a>
        <SiteHeader />
        <main id="content" className={`${styles.container} ${styles.main}`} tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <PosterFallbacks />
      </body>
    </html>
  );
}
