"use client";
/**
 * The watch page's player: fetches `/api/playback/episodes/<id>/`, picks the dub (remembered,
 * else Ukrainian), plays HLS through our own controls or the provider's iframe in the same
 * frame, keeps the position across dub and quality switches, offers resume and the next episode.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import PlayerControls, { type QualityItem } from "./PlayerControls";
import styles from "./Player.module.css";
import { createResumeStore, DEFAULT_PREFS, formatTime, loadPrefs, savePrefs, type PlayerPrefs } from "./resumeStore";
import {
  activeMark,
  chooseDub,
  dubOptions,
  LANGUAGE_LABELS,
  NO_SOURCES_MESSAGE,
  pickQuality,
  streamFor,
} from "./sourceSelection";
import { doubleTapSeek, type Tap } from "./gestures";
import { getPlayback, reportSource, type PlaybackData } from "@/lib/api/playback";
import { errorMessage } from "@/lib/api/browser";
import { useStreamEngine } from "./useStreamEngine";

const SAVE_EVERY_MS = 5000;
const NEXT_EPISODE_COUNTDOWN = 5;
const DEAD_SOURCE_MESSAGE =
  "Не вдалося відтворити це відео: джерело не відповідає. Спробуйте іншу озвучку або повідомте нам.";

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export default function Player({ episodeId }: { episodeId: number }) {
  const router = useRouter();
  const [data, setData] = useState<PlaybackData | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getPlayback(episodeId, controller.signal)
      .then(setData)
      .catch(() => !controller.signal.aborted && setLoadError(true));
    return () => controller.abort();
  }, [episodeId, attempt]);

  if (loadError) {
    return (
      <div className={styles.player} data-testid="player">
        <div className={styles.frame}>
          <div className={styles.message} role="alert">
            <p>Не вдалося завантажити плеєр. Перевірте з&apos;єднання.</p>
            <button type="button" className={styles.textButton} onClick={() => {
                setLoadError(false);
                setAttempt((n) => n + 1);
              }}>
              Спробувати ще раз
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (!data) {
    return (
      <div className={styles.player} data-testid="player" aria-busy="true">
        <div className={styles.frame}>
          <div className={styles.spinner} aria-label="Завантаження" />
        </div>
      </div>
    );
  }
  return <LoadedPlayer key={data.episode.id} data={data} onNavigate={(url) => router.push(url)} />;
}

function LoadedPlayer({ data, onNavigate }: { data: PlaybackData; onNavigate: (url: string) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const storage = useMemo(() => browserStorage(), []);
  const resume = useMemo(() => (storage ? createResumeStore(storage) : null), [storage]);
  const [prefs, setPrefs] = useState<PlayerPrefs>(() => (storage ? loadPrefs(storage) : DEFAULT_PREFS));
  const updatePrefs = useCallback(
    (patch: Partial<PlayerPrefs>) => setPrefs(storage ? savePrefs(storage, patch) : (p) => ({ ...p, ...patch })),
    [storage],
  );

  const options = useMemo(() => dubOptions(data), [data]);
  const [dubKey, setDubKey] = useState(() => chooseDub(options, prefs.dub)?.key ?? null);
  const dub = options.find((o) => o.key === dubKey) ?? null;
  const source = dub?.source ?? null;
  const [variantIndex, setVariantIndex] = useState(() =>
    pickQuality(source?.qualities ?? [], prefs.quality),
  );
  const stream = source ? streamFor(source, variantIndex) : { mode: "unavailable" as const, message: NO_SOURCES_MESSAGE };

  const [failed, setFailed] = useState(false);
  const startAt = useRef(0);
  const autoplay = useRef(false);
  const { levels, level, playingLevel, setLevel } = useStreamEngine(videoRef, stream, {
    startAt,
    autoplay,
    preferredHeight: prefs.quality,
    onFatal: () => setFailed(true),
  });

  // Playback state mirrored from the <video> for the controls.
  const [playing, setPlaying] = useState(false);
  const [started, setStarted] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [bufferedEnd, setBufferedEnd] = useState(0);
  const [rate, setRate] = useState(1);
  const [subtitle, setSubtitle] = useState(-1);
  const [fullscreen, setFullscreen] = useState(false);
  const [controlsVisible, setControlsVisible] = useState(true);
  const [resumeOffer, setResumeOffer] = useState<number | null>(() => resume?.load(data.episode.id) ?? null);
  const [countdown, setCountdown] = useState<number | null>(null);
  /** Server's answer per reported source (one report per source is enough). */
  const [reportNotes, setReportNotes] = useState<Record<number, string>>({});
  const lastSave = useRef(0);
  const lastTap = useRef<Tap | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);

  /** Load another stream (dub or per-quality playlist) at the current position. */
  const switchStream = useCallback((apply: () => void) => {
    const video = videoRef.current;
    startAt.current = video && video.currentTime > 0 ? video.currentTime : startAt.current;
    autoplay.current = video ? !video.paused || autoplay.current : false;
    setFailed(false);
    apply();
  }, []);

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

  // Apply remembered volume and the chosen subtitle track to the element.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.volume = prefs.volume;
    video.muted = prefs.muted;
  }, [prefs.volume, prefs.muted, stream.mode]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    Array.from(video.textTracks).forEach((track, index) => {
      track.mode = index === subtitle ? "showing" : "disabled";
    });
  }, [subtitle, source]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === containerRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // Save the position when leaving the page too, not only every few seconds.
  useEffect(() => {
    const save = () => {
      const video = videoRef.current;
      if (video && resume && video.currentTime > 0) resume.save(data.episode.id, video.currentTime, video.duration);
    };
    window.addEventListener("pagehide", save);
    return () => {
      save();
      window.removeEventListener("pagehide", save);
    };
  }, [resume, data.episode.id]);

  // Next-episode countdown after the episode ends.
  useEffect(() => {
    if (countdown === null) return;
    if (countdown <= 0) {
      if (data.next) onNavigate(data.next.url);
      return;
    }
    const timer = window.setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [countdown, data.next, onNavigate]);

  const togglePlay = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    // Remember the viewer's intent: a dub or quality switch resumes playing only if they were.
    autoplay.current = video.paused;
    if (video.paused) {
      setResumeOffer(null);
      video.play().catch(() => undefined);
    } else {
      video.pause();
    }
  }, []);

  const seekTo = useCallback((seconds: number) => {
    const video = videoRef.current;
    if (!video) return;
    const end = Number.isFinite(video.duration) ? video.duration : seconds;
    video.currentTime = Math.max(0, Math.min(seconds, end));
    setTime(video.currentTime);
  }, []);

  const setVolume = useCallback(
    (volume: number) => updatePrefs({ volume: Math.min(1, Math.max(0, volume)), muted: volume <= 0 }),
    [updatePrefs],
  );
  const toggleMute = useCallback(() => updatePrefs({ muted: !prefs.muted }), [updatePrefs, prefs.muted]);

  const toggleFullscreen = useCallback(() => {
    const container = containerRef.current;
    const video = videoRef.current as (HTMLVideoElement & { webkitEnterFullscreen?: () => void }) | null;
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(() => undefined);
    } else if (container?.requestFullscreen) {
      container.requestFullscreen().catch(() => undefined);
    } else {
      video?.webkitEnterFullscreen?.(); // iPhone Safari: only the video element can go fullscreen
    }
  }, []);

  const togglePip = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (document.pictureInPictureElement) document.exitPictureInPicture().catch(() => undefined);
    else video.requestPictureInPicture?.().catch(() => undefined);
  }, []);

  const showControls = useCallback(() => {
    setControlsVisible(true);
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => {
      if (videoRef.current && !videoRef.current.paused) setControlsVisible(false);
    }, 2800);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
    const video = videoRef.current;
    if (!video || stream.mode === "iframe") return;
    switch (event.key) {
      case " ":
      case "k":
        togglePlay();
        break;
      case "ArrowLeft":
        seekTo(video.currentTime - 5);
        break;
      case "ArrowRight":
        seekTo(video.currentTime + 5);
        break;
      case "ArrowUp":
        setVolume(prefs.volume + 0.1);
        break;
      case "ArrowDown":
        setVolume(prefs.volume - 0.1);
        break;
      case "f":
      case "а": // the same key on a Ukrainian layout
        toggleFullscreen();
        break;
      case "m":
      case "ь":
        toggleMute();
        break;
      default:
        return;
    }
    event.preventDefault();
    showControls();
  };

  const onTouchTap = (event: React.PointerEvent<HTMLVideoElement>) => {
    if (event.pointerType !== "touch") return;
    const box = event.currentTarget.getBoundingClientRect();
    const tap = { at: event.timeStamp, x: (event.clientX - box.left) / (box.width || 1) };
    const seconds = doubleTapSeek(lastTap.current, tap);
    lastTap.current = seconds ? null : tap;
    if (seconds) seekTo(event.currentTarget.currentTime + seconds);
  };

  const onTimeUpdate = () => {
    const video = videoRef.current;
    if (!video) return;
    setTime(video.currentTime);
    const now = Date.now();
    if (resume && now - lastSave.current >= SAVE_EVERY_MS && video.currentTime > 0) {
      lastSave.current = now;
      resume.save(data.episode.id, video.currentTime, video.duration);
    }
  };

  const onProgress = () => {
    const video = videoRef.current;
    if (!video) return;
    const { buffered, currentTime } = video;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= currentTime + 0.5 && buffered.end(i) >= currentTime) {
        setBufferedEnd(buffered.end(i));
        return;
      }
    }
    setBufferedEnd(currentTime);
  };

  const reportNote = source ? reportNotes[source.id] : undefined;
  const report = async () => {
    if (!source) return;
    const note = (text: string) => setReportNotes((notes) => ({ ...notes, [source.id]: text }));
    try {
      note(await reportSource(source.id, failed ? "не відтворюється" : ""));
    } catch (error) {
      note(errorMessage(error));
    }
  };

  const resumeFrom = (position: number) => {
    setResumeOffer(null);
    autoplay.current = true;
    seekTo(position);
    videoRef.current?.play().catch(() => undefined);
  };

  const mark = activeMark(time, data.episode);
  const markEnd = mark ? data.episode[mark]?.end : null;
  const message = failed ? DEAD_SOURCE_MESSAGE : stream.mode === "unavailable" ? stream.message : null;
  const isVideo = stream.mode === "hls" || stream.mode === "file";

  return (
    <div className={styles.player} data-testid="player" data-dub={dubKey ?? ""} data-mode={failed ? "failed" : stream.mode}>
      <div
        ref={containerRef}
        className={`${styles.frame} ${controlsVisible || !playing ? styles.showControls : ""}`}
        tabIndex={0}
        role="region"
        aria-label="Відеоплеєр"
        onKeyDown={onKeyDown}
        onPointerMove={showControls}
        onPointerDown={showControls}
      >
        {stream.mode === "iframe" && !failed && (
          <iframe
            className={styles.iframe}
            src={stream.url}
            title="Плеєр провайдера"
            data-testid="player-iframe"
            sandbox="allow-scripts allow-same-origin allow-presentation"
            allow="autoplay; fullscreen; picture-in-picture; encrypted-media"
            allowFullScreen
            referrerPolicy="origin"
          />
        )}
        {isVideo && (
          <video
            ref={videoRef}
            className={styles.video}
            data-testid="player-video"
            playsInline
            crossOrigin="anonymous"
            preload="auto"
            onPlay={() => {
              setPlaying(true);
              setStarted(true);
              setCountdown(null);
            }}
            onPause={(e) => {
              setPlaying(false);
              const video = e.currentTarget;
              if (resume && video.currentTime > 0) resume.save(data.episode.id, video.currentTime, video.duration);
            }}
            onTimeUpdate={onTimeUpdate}
            onDurationChange={(e) => setDuration(e.currentTarget.duration)}
            onProgress={onProgress}
            onSeeked={onProgress}
            onRateChange={(e) => setRate(e.currentTarget.playbackRate)}
            onEnded={() => {
              resume?.clear(data.episode.id);
              if (data.next) setCountdown(NEXT_EPISODE_COUNTDOWN);
            }}
            onClick={(e) => {
              // On phones a tap only shows the controls; play/pause has its own big buttons.
              if ((e.nativeEvent as PointerEvent).pointerType !== "touch") togglePlay();
            }}
            onPointerUp={onTouchTap}
          >
            {source?.subtitles.map((track) => (
              <track key={track.url} kind="subtitles" src={track.url} srcLang={track.lang} label={track.label} />
            ))}
          </video>
        )}

        {message && (
          <div className={styles.message} role="alert" data-testid="player-message">
            <p>{message}</p>
            {source && (
              <button type="button" className={styles.textButton} onClick={report} disabled={!!reportNote}>
                {reportNote ?? "Повідомити про проблему"}
              </button>
            )}
          </div>
        )}

        {isVideo && !failed && !started && resumeOffer === null && (
          <button type="button" className={styles.bigPlay} onClick={togglePlay} aria-label="Відтворити">
            <svg viewBox="0 0 24 24" width="44" height="44" fill="currentColor" aria-hidden="true">
              <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5z" />
            </svg>
          </button>
        )}

        {isVideo && !failed && resumeOffer !== null && (
          <div className={styles.resume} data-testid="player-resume">
            <p>Ви зупинилися на {formatTime(resumeOffer)}.</p>
            <div className={styles.row}>
              <button type="button" className={styles.accentButton} onClick={() => resumeFrom(resumeOffer)}>
                Продовжити з {formatTime(resumeOffer)}
              </button>
              <button type="button" className={styles.textButton} onClick={() => resumeFrom(0)}>
                Дивитися спочатку
              </button>
            </div>
          </div>
        )}

        {isVideo && mark && markEnd != null && (
          <button
            type="button"
            className={styles.skip}
            data-testid="player-skip"
            onClick={() => seekTo(markEnd)}
          >
            {mark === "intro" ? "Пропустити опенінг" : "Пропустити ендінг"}
          </button>
        )}

        {countdown !== null && data.next && (
          <div className={styles.nextEpisode} data-testid="player-next">
            <p>
              Серія {data.next.number} почнеться за <strong>{countdown}</strong> с
            </p>
            <div className={styles.row}>
              <button type="button" className={styles.accentButton} onClick={() => onNavigate(data.next!.url)}>
                Дивитися зараз
              </button>
              <button type="button" className={styles.textButton} onClick={() => setCountdown(null)}>
                Скасувати
              </button>
            </div>
          </div>
        )}

        {isVideo && !failed && (
          <PlayerControls
            playing={playing}
            time={time}
            duration={duration}
            bufferedEnd={bufferedEnd}
            volume={prefs.volume}
            muted={prefs.muted}
            rate={rate}
            fullscreen={fullscreen}
            subtitles={source?.subtitles ?? []}
            subtitle={subtitle}
            qualities={qualityItems}
            onTogglePlay={togglePlay}
            onSeek={seekTo}
            onVolume={setVolume}
            onToggleMute={toggleMute}
            onRate={(value) => {
              if (videoRef.current) videoRef.current.playbackRate = value;
            }}
            onSubtitle={setSubtitle}
            onQuality={selectQuality}
            onToggleFullscreen={toggleFullscreen}
            onTogglePip={togglePip}
          />
        )}
      </div>

      <div className={styles.bar}>
        {options.length > 0 && (
          <div className={styles.dubs} role="group" aria-label="Озвучення">
            <span className={styles.barLabel}>Озвучення:</span>
            {options.map((option) => (
              <button
                key={option.key}
                type="button"
                className={`${styles.dub} ${option.key === dubKey ? styles.dubActive : ""}`}
                aria-pressed={option.key === dubKey}
                data-testid="player-dub"
                onClick={() => selectDub(option.key)}
                title={LANGUAGE_LABELS[option.language]}
              >
                {option.label}
                {option.source.kind === "unavailable" && <span className={styles.dubNote}> · недоступно</span>}
              </button>
            ))}
          </div>
        )}
        {source && !message && (
          <button type="button" className={styles.reportLink} onClick={report} disabled={!!reportNote}>
            {reportNote ?? "Проблема з відео?"}
          </button>
        )}
      </div>
    </div>
  );
}
