"use client";
/** The control bar under the picture: seek with buffered range, volume, menus, PiP, fullscreen. */
import { useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./Player.module.css";
import {
  ExitFullscreenIcon,
  FullscreenIcon,
  MutedIcon,
  PauseIcon,
  PipIcon,
  PlayIcon,
  SettingsIcon,
  SubtitlesIcon,
  VolumeIcon,
} from "./icons";
import { formatTime } from "./resumeStore";
import type { Subtitle } from "@/lib/api/playback";

export interface QualityItem {
  id: number;
  label: string;
  selected: boolean;
}

export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

interface Props {
  playing: boolean;
  time: number;
  duration: number;
  bufferedEnd: number;
  volume: number;
  muted: boolean;
  rate: number;
  fullscreen: boolean;
  subtitles: Subtitle[];
  subtitle: number;
  qualities: QualityItem[];
  onTogglePlay: () => void;
  onSeek: (seconds: number) => void;
  onVolume: (volume: number) => void;
  onToggleMute: () => void;
  onRate: (rate: number) => void;
  onSubtitle: (index: number) => void;
  onQuality: (id: number) => void;
  onToggleFullscreen: () => void;
  onTogglePip: () => void;
}

type MenuName = "settings" | "subtitles" | null;

export default function PlayerControls(props: Props) {
  const [menu, setMenu] = useState<MenuName>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const percent = (value: number) => (props.duration > 0 ? `${(value / props.duration) * 100}%` : "0%");
  const pipSupported = typeof document !== "undefined" && document.pictureInPictureEnabled;

  // A click anywhere outside the open menu closes it.
  useEffect(() => {
    if (!menu) return;
    const close = (event: PointerEvent) => {
      if (!barRef.current?.contains(event.target as Node)) setMenu(null);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [menu]);

  const toggle = (name: MenuName) => setMenu((open) => (open === name ? null : name));
  /** Picking an item closes the menu, as in every player the viewer knows. */
  const choose = (apply: () => void) => () => {
    apply();
    setMenu(null);
  };

  return (
    <div className={styles.controls} ref={barRef} data-testid="player-controls">
      <div className={styles.seek}>
        <div className={styles.seekTrack}>
          <div className={styles.seekBuffered} style={{ width: percent(props.bufferedEnd) }} />
          <div className={styles.seekPlayed} style={{ width: percent(props.time) }} />
        </div>
        <input
          type="range"
          className={styles.seekInput}
          aria-label="Перемотування"
          min={0}
          max={props.duration || 0}
          step={0.1}
          value={Math.min(props.time, props.duration || 0)}
          aria-valuetext={`${formatTime(props.time)} з ${formatTime(props.duration)}`}
          onChange={(e) => props.onSeek(Number(e.target.value))}
        />
      </div>
      <div className={styles.buttons}>
        <ControlButton label={props.playing ? "Пауза" : "Відтворити"} onClick={props.onTogglePlay} testId="player-play">
          {props.playing ? <PauseIcon /> : <PlayIcon />}
        </ControlButton>
        <ControlButton label={props.muted ? "Увімкнути звук" : "Вимкнути звук"} onClick={props.onToggleMute}>
          {props.muted || props.volume === 0 ? <MutedIcon /> : <VolumeIcon />}
        </ControlButton>
        <input
          type="range"
          className={styles.volume}
          aria-label="Гучність"
          min={0}
          max={1}
          step={0.05}
          value={props.muted ? 0 : props.volume}
          onChange={(e) => props.onVolume(Number(e.target.value))}
        />
        <span className={styles.time} data-testid="player-time">
          {formatTime(props.time)} / {formatTime(props.duration)}
        </span>
        <span className={styles.spacer} />

        {props.subtitles.length > 0 && (
          <div className={styles.menuAnchor}>
            <ControlButton label="Субтитри" onClick={() => toggle("subtitles")} active={props.subtitle >= 0}>
              <SubtitlesIcon />
            </ControlButton>
            {menu === "subtitles" && (
              <Menu title="Субтитри">
                <MenuItem selected={props.subtitle < 0} onClick={choose(() => props.onSubtitle(-1))}>
                  Вимкнено
                </MenuItem>
                {props.subtitles.map((track, index) => (
                  <MenuItem key={track.url} selected={props.subtitle === index} onClick={choose(() => props.onSubtitle(index))}>
                    {track.label}
                  </MenuItem>
                ))}
              </Menu>
            )}
          </div>
        )}

        <div className={styles.menuAnchor}>
          <ControlButton label="Налаштування" onClick={() => toggle("settings")} testId="player-settings">
            <SettingsIcon />
          </ControlButton>
          {menu === "settings" && (
            <Menu title="Налаштування">
              {props.qualities.length > 0 && (
                <div role="group" aria-label="Якість" data-testid="player-quality-menu">
                  <p className={styles.menuHeading}>Якість</p>
                  {props.qualities.map((item) => (
                    <MenuItem
                      key={item.id}
                      selected={item.selected}
                      onClick={choose(() => props.onQuality(item.id))}
                      testId="player-quality"
                    >
                      {item.label}
                    </MenuItem>
                  ))}
                </div>
              )}
              <div role="group" aria-label="Швидкість">
                <p className={styles.menuHeading}>Швидкість</p>
                {SPEEDS.map((speed) => (
                  <MenuItem key={speed} selected={props.rate === speed} onClick={choose(() => props.onRate(speed))}>
                    {speed === 1 ? "Звичайна" : `${speed}×`}
                  </MenuItem>
                ))}
              </div>
            </Menu>
          )}
        </div>

        {pipSupported && (
          <ControlButton label="Картинка в картинці" onClick={props.onTogglePip}>
            <PipIcon />
          </ControlButton>
        )}
        <ControlButton
          label={props.fullscreen ? "Вийти з повноекранного режиму" : "На весь екран"}
          onClick={props.onToggleFullscreen}
        >
          {props.fullscreen ? <ExitFullscreenIcon /> : <FullscreenIcon />}
        </ControlButton>
      </div>
    </div>
  );
}

function ControlButton(props: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  active?: boolean;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`${styles.control} ${props.active ? styles.controlActive : ""}`}
      aria-label={props.label}
      title={props.label}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

function Menu({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.menu} role="menu" aria-label={title}>
      {children}
    </div>
  );
}

function MenuItem(props: { selected: boolean; onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={props.selected}
      className={`${styles.menuItem} ${props.selected ? styles.menuItemSelected : ""}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
