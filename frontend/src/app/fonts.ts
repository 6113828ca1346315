/**
 * Manrope from the @fontsource-variable/manrope files through next/font/local: self-hosted,
 * preloaded, no render-blocking CSS import. Two faces (Latin and Cyrillic subsets, so a page
 * loads ~60 KiB, not every script), and a fallback with Manrope's metrics (size-adjusted Arial)
 * so the swap does not move the page.
 */
import localFont from "next/font/local";

const latin = localFont({
  src: "../../node_modules/@fontsource-variable/manrope/files/manrope-latin-wght-normal.woff2",
  weight: "200 800",
  display: "swap",
  adjustFontFallback: "Arial",
});

const cyrillic = localFont({
  src: "../../node_modules/@fontsource-variable/manrope/files/manrope-cyrillic-wght-normal.woff2",
  weight: "200 800",
  display: "swap",
  adjustFontFallback: false,
});

/** Each next/font family is "'Face', 'Face Fallback'"; the Cyrillic face goes before the fallback. */
function fontStack(): string {
  const [latinFace, ...latinFallback] = latin.style.fontFamily.split(/,\s*/);
  const [cyrillicFace] = cyrillic.style.fontFamily.split(/,\s*/);
  return [latinFace, cyrillicFace, ...latinFallback, "system-ui", "sans-serif"].join(", ");
}

/** The `--font` custom property (styles/tokens.css) for the root element. */
export const FONT_STYLE = { "--font": fontStack() } as React.CSSProperties;
