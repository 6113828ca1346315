"use client";
/**
 * A title's place in the visitor's list: status menu, favourite and score 1–10. Filled in the
 * browser (the server HTML is the same for everyone); signed out, an invitation to sign in.
 * `compact` is the cards' variant: only the status menu, and nothing while signed out.
 */
import Link from "@/components/common/IntentLink";
import { LIST_STATUSES, SCORES, type ListStatus, type TitleKind, statusLabel } from "@/lib/api/library";
import styles from "./Library.module.css";
import { useListEntry } from "./useListEntry";

const REMOVE = "remove";

interface ListControlsProps {
  titleId: number;
  kind: TitleKind;
  /** The title's name, for the menus' accessible names on cards. */
  name: string;
  compact?: boolean;
}

export default function ListControls({ titleId, kind, name, compact = false }: ListControlsProps) {
  const { signedIn, entry, busy, error, update, remove } = useListEntry(titleId);
  const className = compact ? styles.cardControl : styles.controls;

  if (signedIn === undefined || (signedIn && entry === undefined)) {
    return compact ? null : <div className={className} aria-hidden="true" />;
  }
  if (!signedIn) {
    if (compact) return null;
    return (
      <div className={className}>
        <Link href="/accounts/sign-in/">Увійдіть</Link>, щоб додати до свого списку й оцінити.
      </div>
    );
  }

  const onStatus = (value: string) => {
    if (value === REMOVE) void remove();
    else if (value) void update({ status: value as ListStatus });
  };

  return (
    <div className={className} data-testid={compact ? "card-list" : "list-controls"}>
      <select
        className={styles.select}
        aria-label={compact ? `Мій список: ${name}` : "Статус у моєму списку"}
        value={entry?.status ?? ""}
        disabled={busy}
        onChange={(event) => onStatus(event.target.value)}
        data-testid="list-status"
      >
        {!entry && <option value="">＋ До списку</option>}
        {LIST_STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status, kind)}
          </option>
        ))}
        {entry && <option value={REMOVE}>Прибрати зі списку</option>}
      </select>
      {!compact && (
        <>
          <button
            type="button"
            className={styles.toggle}
            aria-pressed={entry?.favourite ?? false}
            disabled={busy}
            onClick={() => void update({ favourite: !entry?.favourite })}
            data-testid="list-favourite"
          >
            {entry?.favourite ? "♥ В улюблених" : "♡ В улюблені"}
          </button>
          <select
            className={styles.select}
            aria-label="Моя оцінка"
            value={entry?.score ?? ""}
            disabled={busy}
            onChange={(event) => void update({ score: event.target.value ? Number(event.target.value) : null })}
            data-testid="list-score"
          >
            <option value="">Оцінка —</option>
            {SCORES.map((score) => (
              <option key={score} value={score}>
                ★ {score}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
