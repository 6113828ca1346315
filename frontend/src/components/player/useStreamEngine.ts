"use client";
/**
 * Loads one stream into the <video>: hls.js where Media Source Extensions exist (Chromium,
 * Firefox; it gives us the quality levels), native HLS elsewhere (Safari on iOS), a plain
 * `src` for MP4. A new stream starts at `startAt` so dub and quality switches keep the position.
 * Nothing is loaded (neither hls.js nor a byte of the stream) until `enabled`: the viewer
 * pressed play.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type HlsType from "hls.js";
import type { Stream } from "./sourceSelection";

export interface Level {
  index: number;
  height: number;
  label: string;
}

export interface EngineOptions {
  /** Position (s) the next stream starts from; read once per stream. */
  startAt: RefObject<number>;
  /** Start playing as soon as the stream is ready (the viewer was playing before a switch). */
  autoplay: RefObject<boolean>;
  preferredHeight: number | null;
  onFatal: () => void;
  /** False until the viewer starts playback. */
  enabled: boolean;
}

export function useStreamEngine(
  videoRef: RefObject<HTMLVideoElement | null>,
  stream: Stream,
  { startAt, autoplay, preferredHeight, onFatal, enabled }: EngineOptions,
) {
  const hlsRef = useRef<HlsType | null>(null);
  const [levels, setLevels] = useState<Level[]>([]);
  /** -1 = automatic (ABR). */
  const [level, setLevelState] = useState(-1);
  const [playingLevel, setPlayingLevel] = useState(-1);
  // Latest values for the hls.js callbacks, which live as long as one stream.
  const preferred = useRef(preferredHeight);
  const fatal = useRef(onFatal);
  useEffect(() => {
    preferred.current = preferredHeight;
    fatal.current = onFatal;
  });

  const url = enabled && (stream.mode === "hls" || stream.mode === "file") ? stream.url : null;
  const mode = stream.mode;

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !url) return;
    let cancelled = false;
    const start = startAt.current ?? 0;
    const playWhenReady = () => {
      if (autoplay.current) video.play().catch(() => undefined);
    };
    setLevels([]);
    setLevelState(-1);
    setPlayingLevel(-1);

    const loadNatively = () => {
      const onMeta = () => {
        if (start > 0) video.currentTime = start;
        playWhenReady();
      };
      const onError = () => fatal.current();
      video.addEventListener("loadedmetadata", onMeta, { once: true });
      video.addEventListener("error", onError);
      video.src = url;
      return () => {
        video.removeEventListener("loadedmetadata", onMeta);
        video.removeEventListener("error", onError);
        video.removeAttribute("src");
        video.load();
      };
    };

    if (mode === "file") return loadNatively();

    let cleanup: (() => void) | null = null;
    import("hls.js").then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) {
        // Safari on iOS has no MSE but plays HLS itself.
        cleanup = loadNatively();
        return;
      }
      const hls = new Hls({
        startPosition: start > 0 ? start : -1,
        enableWorker: true,
        // "Auto" never picks more pixels than the player shows (phones save their data).
        capLevelToPlayerSize: true,
      });
      hlsRef.current = hls;
      let recovered = false;
      hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
        const found = data.levels.map((l, index) => ({
          index,
          height: l.height,
          label: l.height ? `${l.height}p` : `${Math.round(l.bitrate / 1000)} кбіт/с`,
        }));
        setLevels(found);
        const wanted = found.find((l) => l.height === preferred.current);
        if (wanted) {
          hls.currentLevel = wanted.index;
          setLevelState(wanted.index);
        }
        playWhenReady();
      });
      hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => setPlayingLevel(data.level));
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
          recovered = true; // one decoder hiccup is recoverable; a second one is not
          hls.recoverMediaError();
          return;
        }
        hls.destroy();
        hlsRef.current = null;
        fatal.current();
      });
      hls.loadSource(url);
      hls.attachMedia(video);
      cleanup = () => {
        hls.destroy();
        hlsRef.current = null;
      };
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [videoRef, url, mode, startAt, autoplay]);

  /** Switch a master playlist's level (-1 = automatic) without reloading the stream. */
  const setLevel = useCallback((index: number) => {
    const hls = hlsRef.current;
    if (hls) hls.currentLevel = index;
    setLevelState(index);
  }, []);

  return { levels, level, playingLevel, setLevel };
}
