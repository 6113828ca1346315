"use client";
/** Loads a chapter's reader answer (`/api/reader/chapters/<id>/`) through the browser client. */
import { useCallback, useEffect, useState } from "react";
import { BrowserApiError } from "@/lib/api/browser";
import { getReaderChapter, type ReaderData, type ReaderQuality } from "@/lib/api/reader";

export const OFFLINE_MESSAGE = "Не вдалося завантажити розділ. Перевірте з'єднання.";

export type ReaderState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; data: ReaderData };

function failureMessage(error: unknown): string {
  const refused = error instanceof BrowserApiError && error.status >= 400 && error.status < 500;
  return refused ? error.message : OFFLINE_MESSAGE;
}

export function useReaderChapter(chapterId: number, quality: ReaderQuality): ReaderState & { retry: () => void } {
  const [state, setState] = useState<ReaderState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getReaderChapter(chapterId, quality, controller.signal)
      .then((data) => setState({ status: "ready", data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "failed", message: failureMessage(error) });
      });
    return () => controller.abort();
  }, [chapterId, quality, attempt]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, retry };
}
