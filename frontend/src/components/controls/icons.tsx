/** Inline SVG icons of the media controls (24×24, currentColor), shared by the player and the reader. */
import type { ReactNode } from "react";

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="currentColor" aria-hidden="true">
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Icon>
    <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5z" />
  </Icon>
);
export const PauseIcon = () => (
  <Icon>
    <rect x="6" y="5" width="4" height="14" rx="1" />
    <rect x="14" y="5" width="4" height="14" rx="1" />
  </Icon>
);
export const VolumeIcon = () => (
  <Icon>
    <path d="M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
  </Icon>
);
export const MutedIcon = () => (
  <Icon>
    <path d="M4 9v6h4l5 4V5L8 9H4zm12.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4-2.7-2.7z" />
  </Icon>
);
export const FullscreenIcon = () => (
  <Icon>
    <path d="M4 4h6v2H6v4H4V4zm10 0h6v6h-2V6h-4V4zM4 14h2v4h4v2H4v-6zm14 0h2v6h-6v-2h4v-4z" />
  </Icon>
);
export const ExitFullscreenIcon = () => (
  <Icon>
    <path d="M8 4h2v6H4V8h4V4zm6 0h2v4h4v2h-6V4zM4 14h6v6H8v-4H4v-2zm10 0h6v2h-4v4h-2v-6z" />
  </Icon>
);
export const PipIcon = () => (
  <Icon>
    <path d="M3 5h18v14H3V5zm2 2v10h14V7H5zm7 4h6v5h-6v-5z" />
  </Icon>
);
export const SubtitlesIcon = () => (
  <Icon>
    <path d="M3 5h18v14H3V5zm2 2v10h14V7H5zm2 3h4v2H7v-2zm6 0h4v2h-4v-2zm-6 3h10v2H7v-2z" />
  </Icon>
);
export const SettingsIcon = () => (
  <Icon>
    <path d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.9c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5-2.2-1.6zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z" />
  </Icon>
);
export const ChevronLeftIcon = () => (
  <Icon>
    <path d="M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z" />
  </Icon>
);
export const ChevronRightIcon = () => (
  <Icon>
    <path d="M8.6 5.4 10 4l8 8-8 8-1.4-1.4 6.6-6.6z" />
  </Icon>
);
export const NextChapterIcon = () => (
  <Icon>
    <path d="M5 5.5v13l9-6.5-9-6.5zM16 5h2.5v14H16z" />
  </Icon>
);
