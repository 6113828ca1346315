/**
 * How keys, swipes and taps move through a chapter, by reading mode: in right-to-left manga the
 * left arrow, a swipe to the right and a tap on the left side go forward.
 */
import type { ReaderMode } from "./readerStore";

export type ReaderAction = "next" | "prev" | "first" | "last" | "fullscreen";

/** The shortest horizontal swipe that turns a page, px; it must be mostly sideways too. */
export const SWIPE_MIN_PX = 50;
/** Pages loaded ahead of the one shown. */
export const PRELOAD_AHEAD = 3;

function forward(mode: ReaderMode, towardsRight: boolean): ReaderAction {
  return (mode === "rtl") === towardsRight ? "prev" : "next";
}

export function readerKey(key: string, mode: ReaderMode): ReaderAction | null {
  switch (key) {
    case "ArrowRight":
      return forward(mode, true);
    case "ArrowLeft":
      return forward(mode, false);
    case "PageDown":
      return mode === "webtoon" ? null : "next";
    case "PageUp":
      return mode === "webtoon" ? null : "prev";
    case " ":
      return mode === "webtoon" ? null : "next"; // the page scrolls itself in webtoon mode
    case "Home":
      return "first";
    case "End":
      return "last";
    case "f":
    case "а": // the same key on a Ukrainian layout
      return "fullscreen";
    default:
      return null;
  }
}

/** A finished touch gesture (`dx`, `dy` in px) in paged mode: a page turn or nothing. */
export function swipeAction(dx: number, dy: number, mode: ReaderMode): ReaderAction | null {
  if (mode === "webtoon" || Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  // Swiping left drags the next page in from the right (left-to-right reading).
  return forward(mode, dx < 0);
}

/** A click or tap at `x` (0..1 across the page) in paged mode: the outer thirds turn pages. */
export function tapAction(x: number, mode: ReaderMode): ReaderAction | null {
  if (mode === "webtoon") return null;
  if (x < 1 / 3) return forward(mode, false);
  if (x > 2 / 3) return forward(mode, true);
  return null;
}

/** Indexes of the pages to load ahead of `current` (never past the end). */
export function preloadIndexes(current: number, total: number, ahead: number = PRELOAD_AHEAD): number[] {
  const indexes: number[] = [];
  for (let index = current + 1; index <= Math.min(current + ahead, total - 1); index++) indexes.push(index);
  return indexes;
}
