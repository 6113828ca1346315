"use client";
/**
 * One title's entry in the visitor's list, shared by every view of it on the page (the title
 * page's controls and its cards) through the batched cache of `lib/api/library.ts`.
 */
import { useCallback, useEffect, useState } from "react";
import { looksSignedIn } from "@/lib/api/auth";
import { errorMessage } from "@/lib/api/browser";
import {
  type EntryCache,
  type ListEntry,
  type ListEntryChanges,
  listEntries,
  removeListEntry,
  saveListEntry,
} from "@/lib/api/library";
import { useSignedIn } from "./useSignedIn";

export interface ListEntryState {
  /** undefined until known (and always while signed out or before mounting). */
  signedIn: boolean | undefined;
  /** undefined: still loading; null: not in the list. */
  entry: ListEntry | null | undefined;
  busy: boolean;
  error: string | null;
  update(changes: ListEntryChanges): Promise<void>;
  remove(): Promise<void>;
}

export function useListEntry(titleId: number, cache: EntryCache = listEntries): ListEntryState {
  const signedIn = useSignedIn();
  const [entry, setEntry] = useState<ListEntry | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const read = () => {
      // The cache resets on signing out before this effect learns of it: ask only while the
      // session is still there (else the list answers 401).
      if (!looksSignedIn()) return;
      const known = cache.peek(titleId);
      if (known !== undefined) return setEntry(known);
      cache.get(titleId).then(
        (found) => live && setEntry(found),
        () => live && setEntry(null),
      );
    };
    read();
    const unsubscribe = cache.subscribe(titleId, read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [signedIn, titleId, cache]);

  const run = useCallback(
    async (change: () => Promise<ListEntry | null>) => {
      setBusy(true);
      setError(null);
      try {
        cache.set(titleId, await change());
      } catch (failure) {
        setError(errorMessage(failure));
      } finally {
        setBusy(false);
      }
    },
    [cache, titleId],
  );

  const update = useCallback((changes: ListEntryChanges) => run(() => saveListEntry(titleId, changes)), [run, titleId]);
  const remove = useCallback(() => run(async () => (await removeListEntry(titleId), null)), [run, titleId]);

  return { signedIn, entry: signedIn ? entry : undefined, busy, error, update, remove };
}
