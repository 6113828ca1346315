"use client";
/** After the episode ends: count down, then open the next one (unless the viewer cancels). */
import { useEffect, useState } from "react";

export const NEXT_EPISODE_COUNTDOWN = 5;

export function useNextCountdown(nextUrl: string | null, onNavigate: (url: string) => void) {
  const [countdown, setCountdown] = useState<number | null>(null);

  useEffect(() => {
    if (countdown === null) return;
    if (countdown <= 0) {
      if (nextUrl) onNavigate(nextUrl);
      return;
    }
    const timer = window.setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [countdown, nextUrl, onNavigate]);

  return {
    countdown,
    start: () => nextUrl && setCountdown(NEXT_EPISODE_COUNTDOWN),
    cancel: () => setCountdown(null),
  };
}
