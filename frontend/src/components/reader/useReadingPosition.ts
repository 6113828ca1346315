"use client";
/**
 * The one place that remembers where the reader stopped in a chapter. Pages go to a
 * `ReadingPositionStore`, picked in `defaultReadingStore`: the account's reading positions
 * while signed in (`accountReadingStore.ts`), else local storage (`readerStore.ts`).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { browserStorage } from "@/components/player/browserStorage";
import { looksSignedIn } from "@/lib/api/auth";
import { createAccountReadingStore } from "./accountReadingStore";
import { createReadingStore, type ReadingPositionStore } from "./readerStore";

/** Where positions are kept for this visitor: the account when signed in, else local storage. */
export function defaultReadingStore(): ReadingPositionStore | null {
  if (looksSignedIn()) return createAccountReadingStore();
  const storage = browserStorage();
  return storage ? createReadingStore(storage) : null;
}

function quietly(result: void | Promise<void>): void {
  if (result instanceof Promise) result.catch(() => undefined);
}

/**
 * Calls `onStart` once with the page to open at (a 0-based index; 0 when nothing was saved or
 * the store fails), and gives `save`/`finish`, called as the reader turns pages and reaches
 * the end. The store is made once per mount: `makeStore`'s identity must not matter, because the
 * production minifier inlines the default `defaultReadingStore` into the parameter list (a new
 * function on every render); keying a memo on it re-made the store, re-ran the load effect and
 * re-called `onStart` after every render — an endless render loop on the first page turn.
 */
export function useReadingPosition(
  chapterId: number,
  total: number,
  onStart: (page: number) => void,
  makeStore: () => ReadingPositionStore | null = defaultReadingStore,
) {
  const [store] = useState(makeStore);
  const startCallback = useRef(onStart);
  useEffect(() => {
    startCallback.current = onStart;
  });

  useEffect(() => {
    let cancelled = false;
    const saved = store?.load(chapterId) ?? null;
    Promise.resolve(saved)
      .then((page) => page !== null && page < total ? page : 0)
      .catch(() => 0)
      .then((page) => !cancelled && startCallback.current(page));
    return () => {
      cancelled = true;
    };
  }, [store, chapterId, total]);

  return useMemo(
    () => ({
      save: (page: number) => store && quietly(store.save(chapterId, page, total)),
      finish: () => store && quietly(store.clear(chapterId, total)),
    }),
    [store, chapterId, total],
  );
}
