"use client";
/** The text box for a new comment, a reply or an edit; shows the API's Ukrainian error. */
import { type FormEvent, useState } from "react";
import { errorMessage } from "@/lib/api/browser";
import styles from "./Comments.module.css";

export const MAX_LENGTH = 5000;

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}

export default function CommentForm({ label, submitLabel, initial = "", onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    try {
      await onSubmit(body);
      setBody("");
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} data-testid="comment-form">
      <label className={styles.formLabel}>
        <span>{label}</span>
        <textarea
          value={body}
          maxLength={MAX_LENGTH}
          rows={3}
          onChange={(event) => setBody(event.target.value)}
          placeholder="Markdown: **жирний**, *курсив*, ||спойлер||"
        />
      </label>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.formActions}>
        {onCancel && (
          <button type="button" className={styles.linkButton} onClick={onCancel}>
            Скасувати
          </button>
        )}
        <button type="submit" className={styles.submit} disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
