"use client";
/**
 * The one place that remembers where the viewer stopped. Positions go to a
 * `ResumePositionStore`, picked once per mount in `defaultResumeStore`: the account's progress
 * API (`accountResumeStore.ts`) while signed in — merging what this browser remembered before,
 * once — else local storage (`resumeStore.ts`). Nothing else in the player knows which.
 *
 * The store and every callback stay the same object across renders (the video re-renders the
 * player several times a second): a new store or `saveNow` per render would reload the position
 * and save on every render through the effects below.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { looksSignedIn } from "@/lib/api/auth";
import { createAccountResumeStore, mergeLocalPositions } from "./accountResumeStore";
import { browserStorage } from "./browserStorage";
import { createResumeStore } from "./resumeStore";

/** Saving more often than this while playing would only churn the store. */
export const SAVE_EVERY_MS = 5000;

export interface ResumePositionStore {
  /** The position worth offering (seconds), or null; a network store answers later. */
  load(episodeId: number): number | null | Promise<number | null>;
  /** `source`: the video source playing, when known (the account's statistics use it). */
  save(episodeId: number, position: number, duration: number, source?: number | null): void | Promise<void>;
  /** The episode was watched to the end. */
  clear(episodeId: number): void | Promise<void>;
  /** The last save as the page goes away (a beacon); `save` when absent. */
  saveOnExit?(episodeId: number, position: number, duration: number, source?: number | null): void;
  /** How often to save while playing; SAVE_EVERY_MS when absent. */
  saveEveryMs?: number;
}

let merging: Promise<unknown> | null = null;

/** Where positions are kept for this visitor: the account when signed in, else local storage. */
export function defaultResumeStore(): ResumePositionStore | null {
  const storage = browserStorage();
  const local = storage ? createResumeStore(storage) : null;
  if (!looksSignedIn()) return local;
  merging ??= local ? mergeLocalPositions(local) : Promise.resolve();
  return createAccountResumeStore(undefined, merging);
}

/** A store's failure (offline, quota) never reaches the viewer: remembering is a convenience. */
function quietly(result: void | Promise<void>): void {
  if (result instanceof Promise) result.catch(() => undefined);
}

export function useResumePosition(
  episodeId: number,
  videoRef: RefObject<HTMLVideoElement | null>,
  makeStore: () => ResumePositionStore | null = defaultResumeStore,
  /** The video source playing now (a dub switch changes it without re-creating anything). */
  sourceId: number | null = null,
) {
  // Made once per mount, not per `makeStore` identity: a minifier may inline the default
  // argument into a new function on every render (the reader's same hook looped on that).
  const [store] = useState(makeStore);
  const source = useRef(sourceId);
  useEffect(() => {
    source.current = sourceId;
  }, [sourceId]);
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
    if (store && video && video.currentTime > 0) {
      quietly(store.save(episodeId, video.currentTime, video.duration, source.current));
    }
  }, [store, episodeId, videoRef]);

  /** Saves at most every `saveEveryMs` while playing (call on `timeupdate`). */
  const onProgress = useCallback(() => {
    const now = Date.now();
    const every = store?.saveEveryMs ?? SAVE_EVERY_MS;
    if (!videoRef.current?.currentTime || now - lastSave.current < every) return;
    lastSave.current = now;
    saveNow();
  }, [saveNow, store, videoRef]);

  /** The page is going away: the store's exit save (a beacon for the account). */
  const saveOnExit = useCallback(() => {
    const video = videoRef.current;
    if (!store || !video || video.currentTime <= 0) return;
    if (store.saveOnExit) store.saveOnExit(episodeId, video.currentTime, video.duration, source.current);
    else quietly(store.save(episodeId, video.currentTime, video.duration, source.current));
  }, [store, episodeId, videoRef]);

  const onFinished = useCallback(() => {
    if (store) quietly(store.clear(episodeId));
  }, [store, episodeId]);

  // Save the position when leaving the page (pagehide) or the episode (unmount) too.
  useEffect(() => {
    window.addEventListener("pagehide", saveOnExit);
    return () => {
      saveNow();
      window.removeEventListener("pagehide", saveOnExit);
    };
  }, [saveNow, saveOnExit]);

  const dismissOffer = useCallback(() => setOffer(null), []);

  return { offer, dismissOffer, saveNow, onProgress, onFinished };
}
