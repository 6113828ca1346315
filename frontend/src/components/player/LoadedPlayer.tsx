"use client";
/**
 * The player once its playback answer is in: the stream (our <video> with our controls, or the
 * provider's iframe in the same frame), overlays, keyboard and touch, the dub bar. State lives
 * in hooks: `useStreamChoice` (dub, quality, subtitles), `useVideoState`, `usePlayerPrefs`,
 * `useResumePosition`, `useNextCountdown`, `useSourceReport`.
 */
import { useCallback, useEffect, useRef } from "react";
import { PillButton } from "@/components/controls/ControlButton";
import { useAutoHide } from "@/components/controls/useAutoHide";
import { useFullscreen } from "@/components/controls/useFullscreen";
import type { PlaybackData } from "@/lib/api/playback";
import DubBar from "./DubBar";
import { doubleTapSeek, type Tap } from "./gestures";
import { BigPlayButton, LoadingOverlay, MessageOverlay, NextEpisodeOverlay, ResumeOverlay, SkipButton } from "./Overlays";
import styles from "./Player.module.css";
import PlayerControls from "./PlayerControls";
import { KEY_SEEK_SECONDS, KEY_VOLUME_STEP, keyAction } from "./playerKeys";
import { activeMark } from "./sourceSelection";
import { useNextCountdown } from "./useNextCountdown";
import { usePlayerPrefs } from "./usePlayerPrefs";
import { defaultResumeStore, useResumePosition } from "./useResumePosition";
import { useSourceReport } from "./useSourceReport";
import { useStreamChoice } from "./useStreamChoice";
import { useVideoState } from "./useVideoState";

const DEAD_SOURCE_MESSAGE =
  "Не вдалося відтворити це відео: джерело не відповідає. Спробуйте іншу озвучку або повідомте нам.";

export default function LoadedPlayer({ data, onNavigate }: { data: PlaybackData; onNavigate: (url: string) => void }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const lastTap = useRef<Tap | null>(null);
  const { prefs, updatePrefs } = usePlayerPrefs();
  const choice = useStreamChoice(data, videoRef, prefs, updatePrefs);
  const { source, stream, failed, autoplayRef, engaged, engage } = choice;
  const video = useVideoState(videoRef);
  const { seekTo } = video;
  const resume = useResumePosition(data.episode.id, videoRef, defaultResumeStore, source?.id ?? null);
  const next = useNextCountdown(data.next?.url ?? null, onNavigate);
  const problem = useSourceReport(source, failed);
  const { fullscreen, toggleFullscreen } = useFullscreen(frameRef, videoRef);
  const controls = useAutoHide(() => !!videoRef.current && !videoRef.current.paused);

  // Apply the remembered volume and the chosen subtitle track to the element.
  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    element.volume = prefs.volume;
    element.muted = prefs.muted;
  }, [prefs.volume, prefs.muted, stream.mode]);

  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    Array.from(element.textTracks).forEach((track, index) => {
      track.mode = index === choice.subtitle ? "showing" : "disabled";
    });
  }, [choice.subtitle, source]);

  const { dismissOffer } = resume;
  /** First play: load the stream now, and keep keyboard focus in the player (the big button
   * that had it goes away). */
  const start = useCallback(
    (at = 0) => {
      dismissOffer();
      engage(at);
      frameRef.current?.focus();
    },
    [dismissOffer, engage],
  );
  const togglePlay = useCallback(() => {
    const element = videoRef.current;
    if (!engaged) return start();
    if (!element) return;
    // Remember the viewer's intent: a dub or quality switch resumes playing only if they were.
    autoplayRef.current = element.paused;
    if (element.paused) {
      dismissOffer();
      element.play().catch(() => undefined);
    } else {
      element.pause();
    }
  }, [autoplayRef, dismissOffer, engaged, start]);

  const setVolume = (volume: number) => updatePrefs({ volume: Math.min(1, Math.max(0, volume)), muted: volume <= 0 });
  const toggleMute = () => updatePrefs({ muted: !prefs.muted });

  const togglePip = () => {
    const element = videoRef.current;
    if (!element) return;
    if (document.pictureInPictureElement) document.exitPictureInPicture().catch(() => undefined);
    else element.requestPictureInPicture?.().catch(() => undefined);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
    const element = videoRef.current;
    const action = keyAction(event.key);
    if (stream.mode === "iframe" || !action) return;
    if (!engaged) {
      if (action !== "togglePlay") return;
      start();
      event.preventDefault();
      return;
    }
    if (!element) return;
    if (action === "togglePlay") togglePlay();
    else if (action === "back") seekTo(element.currentTime - KEY_SEEK_SECONDS);
    else if (action === "forward") seekTo(element.currentTime + KEY_SEEK_SECONDS);
    else if (action === "louder") setVolume(prefs.volume + KEY_VOLUME_STEP);
    else if (action === "quieter") setVolume(prefs.volume - KEY_VOLUME_STEP);
    else if (action === "fullscreen") toggleFullscreen();
    else toggleMute();
    event.preventDefault();
    controls.show();
  };

  const onTouchTap = (event: React.PointerEvent<HTMLVideoElement>) => {
    if (event.pointerType !== "touch") return;
    const box = event.currentTarget.getBoundingClientRect();
    const tap = { at: event.timeStamp, x: (event.clientX - box.left) / (box.width || 1) };
    const seconds = doubleTapSeek(lastTap.current, tap);
    lastTap.current = seconds ? null : tap;
    if (seconds) seekTo(event.currentTarget.currentTime + seconds);
  };

  const resumeFrom = (position: number) => {
    if (!engaged) return start(position);
    dismissOffer();
    autoplayRef.current = true;
    seekTo(position);
    videoRef.current?.play().catch(() => undefined);
  };

  const mark = activeMark(video.time, data.episode);
  const markEnd = mark ? data.episode[mark]?.end : null;
  const message = failed ? DEAD_SOURCE_MESSAGE : stream.mode === "unavailable" ? stream.message : null;
  const isVideo = stream.mode === "hls" || stream.mode === "file";
  const showControls = controls.visible || !video.playing;

  return (
    <div className={styles.player} data-testid="player" data-dub={choice.dubKey ?? ""} data-mode={failed ? "failed" : stream.mode}>
      <div
        ref={frameRef}
        className={`${styles.frame} ${showControls ? "" : styles.hideCursor}`}
        tabIndex={0}
        role="region"
        aria-label="Відеоплеєр"
        onKeyDown={onKeyDown}
        onPointerMove={controls.show}
        onPointerDown={controls.show}
      >
        {stream.mode === "iframe" && !failed && engaged && (
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
            {...video.handlers}
            onPlay={() => {
              video.handlers.onPlay();
              next.cancel();
            }}
            onPause={() => {
              video.handlers.onPause();
              resume.saveNow();
            }}
            onTimeUpdate={(event) => {
              video.handlers.onTimeUpdate(event);
              resume.onProgress();
            }}
            onEnded={() => {
              resume.onFinished();
              next.start();
            }}
            onClick={(event) => {
              // On phones a tap only shows the controls; play/pause has its own big buttons.
              if ((event.nativeEvent as PointerEvent).pointerType !== "touch") togglePlay();
            }}
            onPointerUp={onTouchTap}
          >
            {source?.subtitles.map((track) => (
              <track key={track.url} kind="subtitles" src={track.url} srcLang={track.lang} label={track.label} />
            ))}
          </video>
        )}

        {message && (
          <MessageOverlay
            text={message}
            testId="player-message"
            action={
              source && (
                <PillButton onClick={problem.report} disabled={!!problem.note}>
                  {problem.note ?? "Повідомити про проблему"}
                </PillButton>
              )
            }
          />
        )}
        {(isVideo || stream.mode === "iframe") && !failed && !engaged && resume.offer === null && (
          <BigPlayButton onClick={() => start()} />
        )}
        {isVideo && !failed && engaged && !video.started && <LoadingOverlay />}
        {isVideo && !failed && resume.offer !== null && <ResumeOverlay position={resume.offer} onResume={resumeFrom} />}
        {isVideo && mark && markEnd != null && <SkipButton mark={mark} onClick={() => seekTo(markEnd)} />}
        {next.countdown !== null && data.next && (
          <NextEpisodeOverlay
            number={data.next.number}
            seconds={next.countdown}
            onGo={() => onNavigate(data.next!.url)}
            onCancel={next.cancel}
          />
        )}

        {isVideo && !failed && (
          <PlayerControls
            visible={showControls}
            playing={video.playing}
            time={video.time}
            duration={video.duration}
            bufferedEnd={video.bufferedEnd}
            volume={prefs.volume}
            muted={prefs.muted}
            rate={video.rate}
            fullscreen={fullscreen}
            subtitles={source?.subtitles ?? []}
            subtitle={choice.subtitle}
            qualities={choice.qualityItems}
            onTogglePlay={togglePlay}
            onSeek={seekTo}
            onVolume={setVolume}
            onToggleMute={toggleMute}
            onRate={(value) => {
              if (videoRef.current) videoRef.current.playbackRate = value;
            }}
            onSubtitle={choice.setSubtitle}
            onQuality={choice.selectQuality}
            onToggleFullscreen={toggleFullscreen}
            onTogglePip={togglePip}
          />
        )}
      </div>

      <DubBar
        options={choice.options}
        selected={choice.dubKey}
        onSelect={choice.selectDub}
        report={source && !message ? { note: problem.note, onReport: problem.report } : null}
      />
    </div>
  );
}
