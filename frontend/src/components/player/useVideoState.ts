"use client";
/**
 * The <video>'s state mirrored into React for the controls (playing, position, length, buffered
 * range, speed), with the element's event handlers that keep it current.
 */
import { useCallback, useState, type RefObject, type SyntheticEvent } from "react";

type VideoEvent = SyntheticEvent<HTMLVideoElement>;

/** End of the buffered range that contains the current position. */
export function bufferedEndAt(buffered: TimeRanges, currentTime: number): number {
  for (let i = 0; i < buffered.length; i++) {
    if (buffered.start(i) <= currentTime + 0.5 && buffered.end(i) >= currentTime) return buffered.end(i);
  }
  return currentTime;
}

export function useVideoState(videoRef: RefObject<HTMLVideoElement | null>) {
  const [playing, setPlaying] = useState(false);
  const [started, setStarted] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [bufferedEnd, setBufferedEnd] = useState(0);
  const [rate, setRate] = useState(1);

  const seekTo = useCallback(
    (seconds: number) => {
      const video = videoRef.current;
      if (!video) return;
      const end = Number.isFinite(video.duration) ? video.duration : seconds;
      video.currentTime = Math.max(0, Math.min(seconds, end));
      setTime(video.currentTime);
    },
    [videoRef],
  );

  const onBuffered = (event: VideoEvent) => {
    const video = event.currentTarget;
    setBufferedEnd(bufferedEndAt(video.buffered, video.currentTime));
  };

  const handlers = {
    onPlay: () => {
      setPlaying(true);
      setStarted(true);
    },
    onPause: () => setPlaying(false),
    onTimeUpdate: (event: VideoEvent) => setTime(event.currentTarget.currentTime),
    onDurationChange: (event: VideoEvent) => setDuration(event.currentTarget.duration),
    onProgress: onBuffered,
    onSeeked: onBuffered,
    onRateChange: (event: VideoEvent) => setRate(event.currentTarget.playbackRate),
  };

  return { playing, started, time, duration, bufferedEnd, rate, seekTo, handlers };
}
