"use client";
/** Loads an episode's playback answer (`/api/playback/episodes/<id>/`) through the browser client. */
import { useCallback, useEffect, useState } from "react";
import { BrowserApiError } from "@/lib/api/browser";
import { getPlayback, type PlaybackData } from "@/lib/api/playback";

export const OFFLINE_MESSAGE = "Не вдалося завантажити плеєр. Перевірте з'єднання.";

export type PlaybackState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; data: PlaybackData };

/** The API's own words for an answer it refused (e.g. a missing episode); else "check the connection". */
function failureMessage(error: unknown): string {
  const refused = error instanceof BrowserApiError && error.status >= 400 && error.status < 500;
  return refused ? error.message : OFFLINE_MESSAGE;
}

export function usePlayback(episodeId: number): PlaybackState & { retry: () => void } {
  const [state, setState] = useState<PlaybackState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getPlayback(episodeId, controller.signal)
      .then((data) => setState({ status: "ready", data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "failed", message: failureMessage(error) });
      });
    return () => controller.abort();
  }, [episodeId, attempt]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, retry };
}
