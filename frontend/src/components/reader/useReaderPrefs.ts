"use client";
/** The reader's mode, fit and image quality, remembered in local storage across chapters. */
import { useCallback, useMemo, useState } from "react";
import { browserStorage } from "@/components/player/browserStorage";
import { DEFAULT_READER_PREFS, loadReaderPrefs, saveReaderPrefs, type ReaderPrefs } from "./readerStore";

export function useReaderPrefs() {
  const storage = useMemo(() => browserStorage(), []);
  const [prefs, setPrefs] = useState<ReaderPrefs>(() => (storage ? loadReaderPrefs(storage) : DEFAULT_READER_PREFS));
  const updatePrefs = useCallback(
    (patch: Partial<ReaderPrefs>) =>
      setPrefs(storage ? saveReaderPrefs(storage, patch) : (current) => ({ ...current, ...patch })),
    [storage],
  );
  return { prefs, updatePrefs };
}
