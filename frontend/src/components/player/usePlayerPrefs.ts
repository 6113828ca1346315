"use client";
/** The viewer's volume, quality and dub choice, remembered in local storage across episodes. */
import { useCallback, useMemo, useState } from "react";
import { browserStorage } from "./browserStorage";
import { DEFAULT_PREFS, loadPrefs, savePrefs, type PlayerPrefs } from "./resumeStore";

export function usePlayerPrefs() {
  const storage = useMemo(() => browserStorage(), []);
  const [prefs, setPrefs] = useState<PlayerPrefs>(() => (storage ? loadPrefs(storage) : DEFAULT_PREFS));
  const updatePrefs = useCallback(
    (patch: Partial<PlayerPrefs>) =>
      setPrefs(storage ? savePrefs(storage, patch) : (current) => ({ ...current, ...patch })),
    [storage],
  );
  return { prefs, updatePrefs };
}
