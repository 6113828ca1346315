/**
 * Touch gestures on the picture, as in the phone players viewers know: a tap shows the controls,
 * a double tap on the left or right third seeks back or forward.
 */

export const DOUBLE_TAP_MS = 300;
export const DOUBLE_TAP_SEEK_SECONDS = 10;

export interface Tap {
  /** Event time, ms. */
  at: number;
  /** Horizontal position within the picture, 0..1. */
  x: number;
}

function side(x: number): "left" | "right" | null {
  if (x < 1 / 3) return "left";
  if (x > 2 / 3) return "right";
  return null;
}

/** Seconds to seek when `tap` completes a double tap after `previous`, else 0. */
export function doubleTapSeek(previous: Tap | null, tap: Tap): number {
  if (!previous || tap.at - previous.at > DOUBLE_TAP_MS) return 0;
  const where = side(tap.x);
  if (!where || side(previous.x) !== where) return 0;
  return where === "left" ? -DOUBLE_TAP_SEEK_SECONDS : DOUBLE_TAP_SEEK_SECONDS;
}
