/** Layers over the picture: loading, a message (with an action), big play, resume, skip, next episode. */
import type { ReactNode } from "react";
import { PillButton } from "@/components/controls/ControlButton";
import { formatTime } from "@/components/controls/formatTime";
import styles from "./Overlays.module.css";

export function LoadingOverlay() {
  return <div className={styles.spinner} role="status" aria-label="Завантаження" />;
}

/** A message instead of the picture; `action` is a button (retry, report). */
export function MessageOverlay({ text, action, testId }: { text: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className={styles.message} role="alert" data-testid={testId}>
      <p>{text}</p>
      {action}
    </div>
  );
}

export function BigPlayButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className={styles.bigPlay} onClick={onClick} aria-label="Відтворити">
      <svg viewBox="0 0 24 24" width="44" height="44" fill="currentColor" aria-hidden="true">
        <path d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5z" />
      </svg>
    </button>
  );
}

export function ResumeOverlay({ position, onResume }: { position: number; onResume: (from: number) => void }) {
  return (
    <div className={styles.resume} data-testid="player-resume">
      <p>Ви зупинилися на {formatTime(position)}.</p>
      <div className={styles.row}>
        <PillButton variant="accent" onClick={() => onResume(position)}>
          Продовжити з {formatTime(position)}
        </PillButton>
        <PillButton onClick={() => onResume(0)}>Дивитися спочатку</PillButton>
      </div>
    </div>
  );
}

export function SkipButton({ mark, onClick }: { mark: "intro" | "outro"; onClick: () => void }) {
  return (
    <button type="button" className={styles.skip} data-testid="player-skip" onClick={onClick}>
      {mark === "intro" ? "Пропустити опенінг" : "Пропустити ендінг"}
    </button>
  );
}

export function NextEpisodeOverlay(props: { number: number; seconds: number; onGo: () => void; onCancel: () => void }) {
  return (
    <div className={styles.nextEpisode} data-testid="player-next">
      <p>
        Серія {props.number} почнеться за <strong>{props.seconds}</strong> с
      </p>
      <div className={styles.row}>
        <PillButton variant="accent" onClick={props.onGo}>
          Дивитися зараз
        </PillButton>
        <PillButton onClick={props.onCancel}>Скасувати</PillButton>
      </div>
    </div>
  );
}
