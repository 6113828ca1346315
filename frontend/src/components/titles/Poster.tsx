/**
 * A poster image with a drawn fallback: remote poster hosts may be slow, blocked or gone, and a
 * missing picture must never break the card (nor go through the image optimizer).
 *
 * A server component: a plain `<img>`, so a page of posters ships no JavaScript per poster
 * (next/image's client component, and its hydration on every card, cost ~5 KB gzip of first-load
 * JS). The one `PosterFallbacks` in the root layout draws the fallback for an image that fails.
 */
import styles from "@/components/titles/Cards.module.css";

interface PosterProps {
  src: string | null;
  title: string;
  /** Above-the-fold posters load at once with high priority; every other one is lazy. */
  eager?: boolean;
}

/** The poster `<img>` carries the initials its fallback shows (read by PosterFallbacks). */
export const POSTER_INITIALS_ATTRIBUTE = "data-poster-initials";

export function posterLabel(title: string): string {
  return `Постер: ${title}`;
}

export function posterInitials(title: string): string {
  const words = title.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const initials = words
    .slice(0, 2)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? "")
    .join("")
    .toUpperCase();
  return initials || "?";
}

export default function Poster({ src, title, eager = false }: PosterProps) {
  return (
    <div className={styles.poster}>
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- served as is (see the file comment)
        <img
          {...{ [POSTER_INITIALS_ATTRIBUTE]: posterInitials(title) }}
          className={styles.posterImage}
          src={src}
          alt={posterLabel(title)}
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : "auto"}
          decoding="async"
        />
      ) : (
        <div className={styles.posterFallback} role="img" aria-label={posterLabel(title)}>
          <span aria-hidden="true">{posterInitials(title)}</span>
        </div>
      )}
    </div>
  );
}
