/** Under the picture: the dub choice (team or original language) and "problem with the video?". */
import styles from "./Player.module.css";
import { LANGUAGE_LABELS, type DubOption } from "./sourceSelection";

export default function DubBar(props: {
  options: DubOption[];
  selected: string | null;
  onSelect: (key: string) => void;
  /** Shown when there is a source and no message over the picture already offers the report. */
  report: { note: string | undefined; onReport: () => void } | null;
}) {
  return (
    <div className={styles.bar}>
      {props.options.length > 0 && (
        <div className={styles.dubs} role="group" aria-label="Озвучення">
          <span className={styles.barLabel}>Озвучення:</span>
          {props.options.map((option) => (
            <button
              key={option.key}
              type="button"
              className={`${styles.dub} ${option.key === props.selected ? styles.dubActive : ""}`}
              aria-pressed={option.key === props.selected}
              data-testid="player-dub"
              onClick={() => props.onSelect(option.key)}
              title={LANGUAGE_LABELS[option.language]}
            >
              {option.label}
              {option.source.kind === "unavailable" && <span className={styles.dubNote}> · недоступно</span>}
            </button>
          ))}
        </div>
      )}
      {props.report && (
        <button
          type="button"
          className={styles.reportLink}
          onClick={props.report.onReport}
          disabled={!!props.report.note}
        >
          {props.report.note ?? "Проблема з відео?"}
        </button>
      )}
    </div>
  );
}
