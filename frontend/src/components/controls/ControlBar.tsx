/**
 * The bar laid over the bottom of a media frame: an optional progress bar on top, then a row
 * of controls. Hidden until `visible` (or while it holds focus).
 */
import type { ReactNode, Ref } from "react";
import styles from "./Controls.module.css";

export default function ControlBar({
  visible,
  progress,
  children,
  barRef,
  testId,
}: {
  visible: boolean;
  progress?: ReactNode;
  children: ReactNode;
  barRef?: Ref<HTMLDivElement>;
  testId?: string;
}) {
  return (
    <div className={`${styles.bar} ${visible ? styles.visible : ""}`} ref={barRef} data-testid={testId}>
      {progress}
      <div className={styles.row}>{children}</div>
    </div>
  );
}

/** Pushes the controls after it to the right end of the row. */
export function Spacer() {
  return <span className={styles.spacer} />;
}

/** Position / length, e.g. "1:05 / 24:00". */
export function TimeLabel({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span className={styles.time} data-testid={testId}>
      {children}
    </span>
  );
}

/** A small range slider (volume, zoom). Hidden on narrow screens, like the time. Its arrow keys
 * move the slider (the browser's own behaviour), never the media frame's shortcuts. */
export function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
}) {
  return (
    <input
      type="range"
      className={styles.slider}
      aria-label={props.label}
      min={props.min}
      max={props.max}
      step={props.step}
      value={props.value}
      onChange={(event) => props.onChange(Number(event.target.value))}
      onKeyDown={(event) => {
        if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") event.stopPropagation();
      }}
    />
  );
}
