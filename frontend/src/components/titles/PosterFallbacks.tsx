"use client";
/**
 * Draws the fallback of every poster image that fails to load (see Poster.tsx): one listener for
 * the whole document (image errors do not bubble, so it listens in the capture phase), and a look
 * at the images that failed before hydration. The image is hidden, not removed (React owns it),
 * and the fallback is added beside it, the same markup Poster renders for a title with no poster.
 */
import { useEffect } from "react";
import styles from "@/components/titles/Cards.module.css";
import { POSTER_INITIALS_ATTRIBUTE } from "@/components/titles/Poster";

const IMAGE_SELECTOR = `img[${POSTER_INITIALS_ATTRIBUTE}]`;

function showFallback(image: HTMLImageElement) {
  const poster = image.parentElement;
  if (!poster || image.hidden) return;
  const fallback = document.createElement("div");
  fallback.className = styles.posterFallback ?? "";
  fallback.setAttribute("role", "img");
  fallback.setAttribute("aria-label", image.alt);
  const initials = document.createElement("span");
  initials.setAttribute("aria-hidden", "true");
  initials.textContent = image.getAttribute(POSTER_INITIALS_ATTRIBUTE) || "?";
  fallback.append(initials);
  image.hidden = true;
  poster.append(fallback);
}

export default function PosterFallbacks() {
  useEffect(() => {
    for (const image of document.querySelectorAll<HTMLImageElement>(IMAGE_SELECTOR)) {
      // A lazy image not requested yet is not `complete`; a broken one is, with no size.
      if (image.complete && image.naturalWidth === 0) showFallback(image);
    }
    const onError = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLImageElement && target.matches(IMAGE_SELECTOR)) showFallback(target);
    };
    document.addEventListener("error", onError, true);
    return () => document.removeEventListener("error", onError, true);
  }, []);
  return null;
}
