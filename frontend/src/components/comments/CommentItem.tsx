"use client";
/**
 * One comment with its replies: the sanitised HTML the API rendered (spoilers open on click),
 * likes and dislikes, and the actions a signed-in visitor has on it.
 */
import { type FormEvent, type MouseEvent, useState } from "react";
import type { Me } from "@/lib/api/auth";
import { errorMessage } from "@/lib/api/browser";
import {
  type CommentData,
  deleteComment,
  editComment,
  insertComment,
  postComment,
  REPORT_REASONS,
  type ReportReason,
  reportComment,
  updateComment,
  voteComment,
} from "@/lib/api/comments";
import { formatDate } from "@/lib/labels";
import CommentForm from "./CommentForm";
import styles from "./Comments.module.css";

export type ThreadsUpdate = (change: (threads: CommentData[]) => CommentData[]) => void;

interface Props {
  comment: CommentData;
  me: Me | null;
  pageId: number;
  update: ThreadsUpdate;
}

type Panel = "reply" | "edit" | "report" | null;

/** Spoilers are `<span class="spoiler">` in the HTML: a click reveals one. */
function revealSpoiler(event: MouseEvent<HTMLDivElement>) {
  const target = event.target as HTMLElement;
  const spoiler = target.closest("span.spoiler");
  if (spoiler) spoiler.classList.add("revealed");
}

export default function CommentItem({ comment, me, pageId, update }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shownAt] = useState(() => Date.now());
  const visible = comment.status === "visible";
  const mine = Boolean(me && comment.author?.username === me.username);
  const editable = mine && visible && new Date(comment.editable_until).getTime() > shownAt;

  const replace = (change: Partial<CommentData>) =>
    update((threads) => updateComment(threads, comment.id, (old) => ({ ...old, ...change })));

  async function vote(value: 1 | -1) {
    try {
      const result = await voteComment(comment.id, comment.my_vote === value ? 0 : value);
      replace(result);
      setNotice(null);
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  }

  async function reply(body: string) {
    const created = await postComment(pageId, body, comment.id);
    update((threads) => insertComment(threads, created));
    setPanel(null);
  }

  async function edit(body: string) {
    const edited = await editComment(comment.id, body);
    replace({ body: edited.body, html: edited.html, edited: edited.edited });
    setPanel(null);
  }

  async function remove() {
    if (!window.confirm("Видалити коментар?")) return;
    try {
      await deleteComment(comment.id);
      replace({ status: "deleted", body: "", html: "", author: null });
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  }

  return (
    <article className={styles.comment} data-testid="comment" data-comment-id={comment.id}>
      <header className={styles.meta}>
        <span className={styles.author}>{comment.author?.username ?? "—"}</span>
        <time dateTime={comment.created}>{formatDate(comment.created)}</time>
        {comment.edited && visible && <span className={styles.edited}>(змінено)</span>}
      </header>
      {visible ? (
        // The HTML is rendered and sanitised by the API (nh3 allowlist).
        <div
          className={styles.body}
          onClick={revealSpoiler}
          dangerouslySetInnerHTML={{ __html: comment.html }}
        />
      ) : (
        <p className={styles.removed}>
          {comment.status === "deleted" ? "Коментар видалено." : "Коментар приховано модератором."}
        </p>
      )}
      {visible && (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.vote}
            aria-pressed={comment.my_vote === 1}
            aria-label="Подобається"
            disabled={!me || mine}
            onClick={() => void vote(1)}
            data-testid="like-button"
          >
            👍 <span data-testid="like-count">{comment.likes}</span>
          </button>
          <button
            type="button"
            className={styles.vote}
            aria-pressed={comment.my_vote === -1}
            aria-label="Не подобається"
            disabled={!me || mine}
            onClick={() => void vote(-1)}
          >
            👎 <span>{comment.dislikes}</span>
          </button>
          {me && (
            <button type="button" className={styles.linkButton} onClick={() => setPanel(panel === "reply" ? null : "reply")}>
              Відповісти
            </button>
          )}
          {editable && (
            <button type="button" className={styles.linkButton} onClick={() => setPanel(panel === "edit" ? null : "edit")}>
              Редагувати
            </button>
          )}
          {mine && (
            <button type="button" className={styles.linkButton} onClick={() => void remove()}>
              Видалити
            </button>
          )}
          {me && !mine && (
            <button type="button" className={styles.linkButton} onClick={() => setPanel(panel === "report" ? null : "report")}>
              Поскаржитися
            </button>
          )}
        </div>
      )}
      {notice && (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      )}
      {panel === "reply" && (
        <CommentForm label="Ваша відповідь" submitLabel="Відповісти" onSubmit={reply} onCancel={() => setPanel(null)} />
      )}
      {panel === "edit" && (
        <CommentForm
          label="Редагування"
          submitLabel="Зберегти"
          initial={comment.body}
          onSubmit={edit}
          onCancel={() => setPanel(null)}
        />
      )}
      {panel === "report" && (
        <ReportForm
          commentId={comment.id}
          onDone={(message) => {
            setNotice(message);
            setPanel(null);
          }}
        />
      )}
      {comment.replies.length > 0 && (
        <ol className={styles.replies}>
          {comment.replies.map((child) => (
            <li key={child.id}>
              <CommentItem comment={child} me={me} pageId={pageId} update={update} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

function ReportForm({ commentId, onDone }: { commentId: number; onDone: (message: string) => void }) {
  const [reason, setReason] = useState<ReportReason>("spam");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      onDone(await reportComment(commentId, reason, text));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} data-testid="report-form">
      <label className={styles.formLabel}>
        <span>Причина</span>
        <select value={reason} onChange={(event) => setReason(event.target.value as ReportReason)}>
          {Object.entries(REPORT_REASONS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.formLabel}>
        <span>Пояснення (необов’язково)</span>
        <input value={text} maxLength={1000} onChange={(event) => setText(event.target.value)} />
      </label>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.formActions}>
        <button type="submit" className={styles.submit}>
          Надіслати скаргу
        </button>
      </div>
    </form>
  );
}
