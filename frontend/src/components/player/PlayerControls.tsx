"use client";
/** The player's control bar, built from the shared controls kit: seek, volume, menus, PiP, fullscreen. */
import { ControlButton } from "@/components/controls/ControlButton";
import ControlBar, { Slider, Spacer, TimeLabel } from "@/components/controls/ControlBar";
import { formatTime } from "@/components/controls/formatTime";
import FullscreenButton from "@/components/controls/FullscreenButton";
import { MutedIcon, PauseIcon, PipIcon, PlayIcon, SettingsIcon, SubtitlesIcon, VolumeIcon } from "@/components/controls/icons";
import { Menu, MenuAnchor, MenuGroup, MenuItem, useMenus } from "@/components/controls/Menu";
import ProgressBar from "@/components/controls/ProgressBar";
import type { Subtitle } from "@/lib/api/playback";

export interface QualityItem {
  id: number;
  label: string;
  selected: boolean;
}

export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

interface Props {
  visible: boolean;
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

export default function PlayerControls(props: Props) {
  const menus = useMenus<"settings" | "subtitles">();
  const pipSupported = typeof document !== "undefined" && document.pictureInPictureEnabled;

  return (
    <ControlBar
      visible={props.visible}
      barRef={menus.barRef}
      testId="player-controls"
      progress={
        <ProgressBar
          label="Перемотування"
          value={props.time}
          max={props.duration}
          buffered={props.bufferedEnd}
          step={0.1}
          valueText={`${formatTime(props.time)} з ${formatTime(props.duration)}`}
          onChange={props.onSeek}
        />
      }
    >
      <ControlButton label={props.playing ? "Пауза" : "Відтворити"} onClick={props.onTogglePlay} testId="player-play">
        {props.playing ? <PauseIcon /> : <PlayIcon />}
      </ControlButton>
      <ControlButton label={props.muted ? "Увімкнути звук" : "Вимкнути звук"} onClick={props.onToggleMute}>
        {props.muted || props.volume === 0 ? <MutedIcon /> : <VolumeIcon />}
      </ControlButton>
      <Slider label="Гучність" min={0} max={1} step={0.05} value={props.muted ? 0 : props.volume} onChange={props.onVolume} />
      <TimeLabel testId="player-time">
        {formatTime(props.time)} / {formatTime(props.duration)}
      </TimeLabel>
      <Spacer />

      {props.subtitles.length > 0 && (
        <MenuAnchor>
          <ControlButton
            label="Субтитри"
            onClick={() => menus.toggle("subtitles")}
            active={props.subtitle >= 0}
            expanded={menus.open === "subtitles"}
          >
            <SubtitlesIcon />
          </ControlButton>
          {menus.open === "subtitles" && (
            <Menu title="Субтитри" onClose={menus.close}>
              <MenuItem selected={props.subtitle < 0} onClick={menus.choose(() => props.onSubtitle(-1))}>
                Вимкнено
              </MenuItem>
              {props.subtitles.map((track, index) => (
                <MenuItem
                  key={track.url}
                  selected={props.subtitle === index}
                  onClick={menus.choose(() => props.onSubtitle(index))}
                >
                  {track.label}
                </MenuItem>
              ))}
            </Menu>
          )}
        </MenuAnchor>
      )}

      <MenuAnchor>
        <ControlButton
          label="Налаштування"
          onClick={() => menus.toggle("settings")}
          testId="player-settings"
          expanded={menus.open === "settings"}
        >
          <SettingsIcon />
        </ControlButton>
        {menus.open === "settings" && (
          <Menu title="Налаштування" onClose={menus.close}>
            {props.qualities.length > 0 && (
              <MenuGroup label="Якість" testId="player-quality-menu">
                {props.qualities.map((item) => (
                  <MenuItem
                    key={item.id}
                    selected={item.selected}
                    onClick={menus.choose(() => props.onQuality(item.id))}
                    testId="player-quality"
                  >
                    {item.label}
                  </MenuItem>
                ))}
              </MenuGroup>
            )}
            <MenuGroup label="Швидкість">
              {SPEEDS.map((speed) => (
                <MenuItem key={speed} selected={props.rate === speed} onClick={menus.choose(() => props.onRate(speed))}>
                  {speed === 1 ? "Звичайна" : `${speed}×`}
                </MenuItem>
              ))}
            </MenuGroup>
          </Menu>
        )}
      </MenuAnchor>

      {pipSupported && (
        <ControlButton label="Картинка в картинці" onClick={props.onTogglePip}>
          <PipIcon />
        </ControlButton>
      )}
      <FullscreenButton fullscreen={props.fullscreen} onToggle={props.onToggleFullscreen} />
    </ControlBar>
  );
}
