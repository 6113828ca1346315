/** The kit's buttons: a square icon button for a control bar and a pill button for overlays. */
import type { ReactNode } from "react";
import styles from "./Controls.module.css";

export function ControlButton(props: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  active?: boolean;
  testId?: string;
  /** For a button that opens a menu: whether it is open. */
  expanded?: boolean;
}) {
  return (
    <button
      type="button"
      className={`${styles.control} ${props.active ? styles.controlActive : ""}`}
      aria-label={props.label}
      aria-haspopup={props.expanded === undefined ? undefined : "menu"}
      aria-expanded={props.expanded}
      title={props.label}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** A rounded text button: `accent` for the main choice, `plain` for the others. */
export function PillButton(props: {
  onClick: () => void;
  children: ReactNode;
  variant?: "accent" | "plain";
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className={props.variant === "accent" ? styles.accentButton : styles.textButton}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      {props.children}
    </button>
  );
}
