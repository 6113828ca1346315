/** `localStorage` when the browser allows it (not during server rendering, not when disabled). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
