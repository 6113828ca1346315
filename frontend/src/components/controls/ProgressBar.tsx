/**
 * A seek bar: the played and buffered parts drawn under an invisible range input, so the
 * keyboard, screen readers and touch all get the native control.
 */
import styles from "./Controls.module.css";

export default function ProgressBar(props: {
  label: string;
  value: number;
  max: number;
  /** End of the loaded range, in the same unit as `value`. */
  buffered?: number;
  step?: number;
  valueText: string;
  onChange: (value: number) => void;
}) {
  const max = props.max || 0;
  const percent = (value: number) => (max > 0 ? `${(value / max) * 100}%` : "0%");
  return (
    <div className={styles.progress}>
      <div className={styles.track}>
        {props.buffered !== undefined && (
          <div className={styles.buffered} style={{ width: percent(props.buffered) }} />
        )}
        <div className={styles.played} style={{ width: percent(props.value) }} />
      </div>
      <input
        type="range"
        className={styles.progressInput}
        aria-label={props.label}
        min={0}
        max={max}
        step={props.step ?? 1}
        value={Math.min(props.value, max)}
        aria-valuetext={props.valueText}
        onChange={(event) => props.onChange(Number(event.target.value))}
      />
    </div>
  );
}
