"use client";
/**
 * Fullscreen for a media frame: the frame itself where the Fullscreen API exists, the bare
 * <video> on iPhone Safari (the only element it lets go fullscreen).
 */
import { useCallback, useEffect, useState, type RefObject } from "react";

type VideoWithWebkit = HTMLVideoElement & { webkitEnterFullscreen?: () => void };

export function useFullscreen(
  frameRef: RefObject<HTMLElement | null>,
  videoRef?: RefObject<HTMLVideoElement | null>,
) {
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === frameRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [frameRef]);

  const toggleFullscreen = useCallback(() => {
    const frame = frameRef.current;
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => undefined);
    } else if (frame?.requestFullscreen) {
      frame.requestFullscreen().catch(() => undefined);
    } else {
      (videoRef?.current as VideoWithWebkit | null | undefined)?.webkitEnterFullscreen?.();
    }
  }, [frameRef, videoRef]);

  return { fullscreen, toggleFullscreen };
}
