"use client";
/**
 * Which stream plays: the dub (remembered, else Ukrainian), the quality (a per-quality playlist
 * by URL, or a master playlist's level through hls.js) and the subtitle track. Switching the
 * dub or a per-quality playlist reloads the stream at the same position. Nothing is fetched from
 * the provider (stream or iframe) before `engage`, called when the viewer presses play.
 */
import { useCallback, useMemo, useRef, useState, type RefObject } from "react";
import type { PlaybackData } from "@/lib/api/playback";
import type { QualityItem } from "./PlayerControls";
import type { PlayerPrefs } from "./resumeStore";
import { chooseDub, dubOptions, NO_SOURCES_MESSAGE, pickQuality, streamFor, type Stream } from "./sourceSelection";
import { useStreamEngine } from "./useStreamEngine";

export function useStreamChoice(
  data: PlaybackData,
  videoRef: RefObject<HTMLVideoElement | null>,
  prefs: PlayerPrefs,
  updatePrefs: (patch: Partial<PlayerPrefs>) => void,
) {
  const options = useMemo(() => dubOptions(data), [data]);
  const [dubKey, setDubKey] = useState(() => chooseDub(options, prefs.dub)?.key ?? null);
  const source = options.find((o) => o.key === dubKey)?.source ?? null;
  const [variantIndex, setVariantIndex] = useState(() => pickQuality(source?.qualities ?? [], prefs.quality));
  const [subtitle, setSubtitle] = useState(-1);
  const stream: Stream = source
    ? streamFor(source, variantIndex)
    : { mode: "unavailable", message: NO_SOURCES_MESSAGE };

  const [failed, setFailed] = useState(false);
  const startAt = useRef(0);
  /** Whether the next stream starts playing by itself: the viewer was playing before a switch. */
  const autoplay = useRef(false);
  const [engaged, setEngaged] = useState(false);
  const { levels, level, playingLevel, setLevel } = useStreamEngine(videoRef, stream, {
    startAt,
    autoplay,
    preferredHeight: prefs.quality,
    onFatal: () => setFailed(true),
    enabled: engaged,
  });

  /** The viewer pressed play: load the stream (from `at` seconds) and play it once it is ready. */
  const engage = useCallback((at = 0) => {
    startAt.current = at;
    autoplay.current = true;
    setEngaged(true);
  }, []);

  /** Load another stream (dub or per-quality playlist) at the current position. */
  const switchStream = useCallback(
    (apply: () => void) => {
      const video = videoRef.current;
      startAt.current = video && video.currentTime > 0 ? video.currentTime : startAt.current;
      autoplay.current = video ? !video.paused || autoplay.current : false;
      setFailed(false);
      apply();
    },
    [videoRef],
  );

  const selectDub = (key: string) => {
    const option = options.find((o) => o.key === key);
    if (!option || key === dubKey) return;
    switchStream(() => {
      setDubKey(key);
      setVariantIndex(pickQuality(option.source.qualities, prefs.quality));
      setSubtitle(-1);
    });
    updatePrefs({ dub: key });
  };

  // Per-quality playlists (or MP4 files) are switched by URL; a master playlist by hls.js level.
  const hasPlaylistPerQuality = !!source && !source.url && source.qualities.length > 0;
  const qualityItems: QualityItem[] = useMemo(() => {
    if (hasPlaylistPerQuality) {
      return source.qualities.map((q, i) => ({ id: i, label: q.label, selected: i === variantIndex }));
    }
    if (!levels.length) return [];
    const sorted = [...levels].sort((a, b) => b.height - a.height);
    const autoLabel = level === -1 && playingLevel >= 0 ? `Авто (${levels[playingLevel]?.label ?? ""})` : "Авто";
    return [
      { id: -1, label: autoLabel, selected: level === -1 },
      ...sorted.map((l) => ({ id: l.index, label: l.label, selected: l.index === level })),
    ];
  }, [source, hasPlaylistPerQuality, variantIndex, levels, level, playingLevel]);

  const selectQuality = (id: number) => {
    if (hasPlaylistPerQuality) {
      if (id === variantIndex) return;
      switchStream(() => setVariantIndex(id));
      updatePrefs({ quality: source.qualities[id]?.height ?? null });
      return;
    }
    setLevel(id);
    updatePrefs({ quality: id === -1 ? null : (levels.find((l) => l.index === id)?.height ?? null) });
  };

  return {
    options,
    dubKey,
    source,
    stream,
    failed,
    engaged,
    engage,
    autoplayRef: autoplay,
    subtitle,
    setSubtitle,
    qualityItems,
    selectDub,
    selectQuality,
  };
}
