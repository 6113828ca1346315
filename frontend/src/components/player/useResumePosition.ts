"use client";
/**
 * The one place that remembers where the viewer stopped. Positions go to a
 * `ResumePositionStore`: local storage today (`resumeStore.ts`); the account's progress API
 * (`/api/me/progress/`) will be another store behind the same interface, picked in
 * `defaultResumeStore` — nothing else in the player changes then.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { browserStorage } from "./browserStorage";
import { createResumeStore } from "./resumeStore";

/** Saving more often than this while playing would only churn the store. */
export const SAVE_EVERY_MS = 5000;

export interface ResumePositionStore {
  /** The position worth offering (seconds), or null; a network store answers later. */
  load(episodeId: number): number | null | Promise<number | null>;
  save(episodeId: number, position: number, duration: number): void | Promise<void>;
  /** The episode was watched to the end. */
  clear(episodeId: number): void | Promise<void>;
}

/** Where positions are kept for this visitor (local storage while there are no accounts). */
export function defaultResumeStore(): ResumePositionStore | null {
  const storage = browserStorage();
  return storage ? createResumeStore(storage) : null;
}

/** A store's failure (offline, quota) never reaches the viewer: remembering is a convenience. */
function quietly(result: void | Promise<void>): void {
  if (result instanceof Promise) result.catch(() => undefined);
}

export function useResumePosition(
  episodeId: number,
  videoRef: RefObject<HTMLVideoElement | null>,
  makeStore: () => ResumePositionStore | null = defaultResumeStore,
) {
  const store = useMemo(() => makeStore(), [makeStore]);
  const initial = useMemo(() => store?.load(episodeId) ?? null, [store, episodeId]);
  const [offer, setOffer] = useState<number | null>(initial instanceof Promise ? null : initial);
  const lastSave = useRef(0);

  useEffect(() => {
    if (!(initial instanceof Promise)) return;
    let cancelled = false;
    initial.then((position) => !cancelled && setOffer(position)).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [initial]);

  /** Saves the element's position now (pause, leaving the page). */
  const saveNow = useCallback(() => {
    const video = videoRef.current;
    if (store && video && video.currentTime > 0) quietly(store.save(episodeId, video.currentTime, video.duration));
  }, [store, episodeId, videoRef]);

  /** Saves at most every SAVE_EVERY_MS while playing (call on `timeupdate`). */
  const onProgress = useCallback(() => {
    const now = Date.now();
    if (!videoRef.current?.currentTime || now - lastSave.current < SAVE_EVERY_MS) return;
    lastSave.current = now;
    saveNow();
  }, [saveNow, videoRef]);

  const onFinished = useCallback(() => {
    if (store) quietly(store.clear(episodeId));
  }, [store, episodeId]);

  // Save the position when leaving the page too, not only every few seconds.
  useEffect(() => {
    window.addEventListener("pagehide", saveNow);
    return () => {
      saveNow();
      window.removeEventListener("pagehide", saveNow);
    };
  }, [saveNow]);

  const dismissOffer = useCallback(() => setOffer(null), []);

  return { offer, dismissOffer, saveNow, onProgress, onFinished };
}
