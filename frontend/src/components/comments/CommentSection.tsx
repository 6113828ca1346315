"use client";
/**
 * The comment section of a title, episode or chapter page. Fetched in the browser after the page
 * loads (the server-rendered HTML is the same for everyone and stays cacheable): the threads in
 * cursor pages, sorted new/old/best, and — for a signed-in visitor — posting, replying, voting,
 * editing within the window, deleting and reporting.
 */
import Link from "@/components/common/IntentLink";
import { useEffect, useState } from "react";
import { fetchMe, type Me, SESSION_CHANGED_EVENT } from "@/lib/api/auth";
import { errorMessage } from "@/lib/api/browser";
import {
  type CommentData,
  type CommentSort,
  insertComment,
  listComments,
  postComment,
  SORT_LABELS,
} from "@/lib/api/comments";
import CommentForm from "./CommentForm";
import CommentItem, { type ThreadsUpdate } from "./CommentItem";
import styles from "./Comments.module.css";

const SORTS = Object.keys(SORT_LABELS) as CommentSort[];

export default function CommentSection({ pageId }: { pageId: number }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [sort, setSort] = useState<CommentSort>("new");
  const [threads, setThreads] = useState<CommentData[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const load = () => {
      fetchMe(controller.signal)
        .then(setMe)
        .catch(() => setMe(null));
    };
    load();
    window.addEventListener(SESSION_CHANGED_EVENT, load);
    return () => {
      window.removeEventListener(SESSION_CHANGED_EVENT, load);
      controller.abort();
    };
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    listComments(pageId, sort, null, controller.signal)
      .then((page) => {
        setThreads(page.results);
        setNext(page.next);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(failure));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [pageId, sort, me?.id]);

  async function loadMore(cursor: string) {
    setLoading(true);
    try {
      const page = await listComments(pageId, sort, cursor);
      setThreads((current) => [...current, ...page.results]);
      setNext(page.next);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }

  const update: ThreadsUpdate = (change) => setThreads(change);

  async function submit(body: string) {
    const created = await postComment(pageId, body);
    setThreads((current) => insertComment(current, created));
  }

  return (
    <section className={styles.section} aria-labelledby="comments-heading" data-testid="comment-section">
      <div className={styles.head}>
        <h2 id="comments-heading">Коментарі</h2>
        <div className={styles.sorts} role="group" aria-label="Сортування коментарів">
          {SORTS.map((value) => (
            <button
              key={value}
              type="button"
              className={styles.sortButton}
              aria-pressed={sort === value}
              onClick={() => setSort(value)}
            >
              {SORT_LABELS[value]}
            </button>
          ))}
        </div>
      </div>
      {me ? (
        <CommentForm label="Ваш коментар" submitLabel="Надіслати" onSubmit={submit} />
      ) : me === null ? (
        <p className={styles.signIn}>
          <Link href="/accounts/sign-in/">Увійдіть</Link>, щоб коментувати й оцінювати.
        </p>
      ) : null}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {threads.length > 0 ? (
        <ol className={styles.threads}>
          {threads.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} me={me ?? null} pageId={pageId} update={update} />
            </li>
          ))}
        </ol>
      ) : (
        !loading && !error && <p className={styles.empty}>Коментарів ще немає. Будьте першими!</p>
      )}
      {next && (
        <button type="button" className={styles.more} disabled={loading} onClick={() => void loadMore(next)}>
          Показати ще
        </button>
      )}
    </section>
  );
}
