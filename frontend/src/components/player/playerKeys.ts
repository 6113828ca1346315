/** The player's keyboard shortcuts (YouTube's, plus the same keys on a Ukrainian layout). */

export type PlayerKeyAction = "togglePlay" | "back" | "forward" | "louder" | "quieter" | "fullscreen" | "mute";

const KEYS: Record<string, PlayerKeyAction> = {
  " ": "togglePlay",
  k: "togglePlay",
  л: "togglePlay",
  ArrowLeft: "back",
  ArrowRight: "forward",
  ArrowUp: "louder",
  ArrowDown: "quieter",
  f: "fullscreen",
  а: "fullscreen",
  m: "mute",
  ь: "mute",
};

/** Seconds the arrow keys seek; volume step of the up/down arrows. */
export const KEY_SEEK_SECONDS = 5;
export const KEY_VOLUME_STEP = 0.1;

export function keyAction(key: string): PlayerKeyAction | null {
  return KEYS[key] ?? null;
}
