"use client";
/** Loads an episode's playback answer (`/api/playback/episodes/<id>/`) through the browser client. */
import { useCallback, useEffect, useState } from "react";
import { getPlayback, type PlaybackData } from "@/lib/api/playback";

export type PlaybackState =
  | { status: "loading" }
  | { status: "failed" }
  | { status: "ready"; data: PlaybackData };

export function usePlayback(episodeId: number): PlaybackState & { retry: () => void } {
  const [state, setState] = useState<PlaybackState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getPlayback(episodeId, controller.signal)
      .then((data) => setState({ status: "ready", data }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: "failed" });
      });
    return () => controller.abort();
  }, [episodeId, attempt]);

  const retry = useCallback(() => {
    setState({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, retry };
}
