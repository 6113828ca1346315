"use client";
/**
 * A poster image with a drawn fallback: remote poster hosts may be slow, blocked or gone, and a
 * missing picture must never break the card (nor go through the image optimizer).
 */
import Image from "next/image";
import { useState } from "react";
import styles from "@/components/titles/Cards.module.css";

interface PosterProps {
  src: string | null;
  title: string;
  /** Responsive width hint for the browser, as in next/image's `sizes`. */
  sizes?: string;
  /** Above-the-fold posters load at once (Next 16 replaced `priority` with loading/fetchPriority). */
  eager?: boolean;
}

function initials(title: string): string {
  const words = title.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words
    .slice(0, 2)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? "")
    .join("")
    .toUpperCase();
}

export default function Poster({ src, title, sizes = "200px", eager = false }: PosterProps) {
  const [failed, setFailed] = useState(false);
  const showImage = Boolean(src) && !failed;
  return (
    <div className={styles.poster} data-fallback={showImage ? undefined : "true"}>
      {showImage ? (
        <Image
          src={src as string}
          alt={`Постер: ${title}`}
          fill
          sizes={sizes}
          unoptimized
          loading={eager ? "eager" : "lazy"}
          fetchPriority={eager ? "high" : "auto"}
          onError={() => setFailed(true)}
        />
      ) : (
        <div className={styles.posterFallback} role="img" aria-label={`Постер: ${title}`}>
          <span aria-hidden="true">{initials(title) || "?"}</span>
        </div>
      )}
    </div>
  );
}
