/**
 * Comments in the browser: a page's threads (cursor pages), posting, replying, editing, deleting,
 * voting and reporting. Everything goes through the one browser client, so the server-rendered
 * page stays the same for everyone (and cacheable) while the comments are fetched per visitor.
 */
import { browserGet, browserPatch, browserPost, browserRequest, type Schemas } from "./browser";

export type CommentData = Schemas["Comment"];
export type CommentPage = Schemas["CommentPage"];
export type VoteResult = Schemas["VoteResult"];
export type CommentSort = "new" | "old" | "best";
export type ReportReason = Schemas["CommentReportInput"]["reason"];

export const SORT_LABELS: Record<CommentSort, string> = {
  new: "Нові",
  old: "Старі",
  best: "Найкращі",
};

export const REPORT_REASONS: Record<ReportReason, string> = {
  spam: "Спам",
  abuse: "Образи",
  spoiler: "Спойлер",
  other: "Інше",
};

export function listComments(
  page: number,
  sort: CommentSort,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  return browserGet("/api/comments/", {
    query: cursor ? { page, sort, cursor } : { page, sort },
    signal,
  });
}

export function postComment(page: number, body: string, parent?: number): Promise<CommentData> {
  return browserPost("/api/comments/", { body: parent ? { page, body, parent } : { page, body } });
}

export function editComment(id: number, body: string): Promise<CommentData> {
  return browserPatch("/api/comments/{id}/", { path: { id }, body: { body } });
}

export async function deleteComment(id: number): Promise<void> {
  await browserRequest<unknown>(`/api/comments/${id}/`, { method: "DELETE" });
}

export function voteComment(id: number, value: -1 | 0 | 1): Promise<VoteResult> {
  return browserPost("/api/comments/{id}/vote/", { path: { id }, body: { value } });
}

/** Sends a report; answers the server's Ukrainian thanks. */
export async function reportComment(id: number, reason: ReportReason, text: string): Promise<string> {
  const result = await browserPost("/api/reports/", { body: { comment: id, reason, text } });
  return result.message;
}

/** The comment with `id` replaced by `update(comment)`, wherever it sits in the threads. */
export function updateComment(
  threads: CommentData[],
  id: number,
  update: (comment: CommentData) => CommentData,
): CommentData[] {
  return threads.map((comment) =>
    comment.id === id
      ? update(comment)
      : { ...comment, replies: updateComment(comment.replies, id, update) },
  );
}

/** The threads with `reply` added under its parent (or as a new thread at the top). */
export function insertComment(threads: CommentData[], reply: CommentData): CommentData[] {
  if (reply.parent === null) return [reply, ...threads];
  return updateComment(threads, reply.parent, (parent) => ({
    ...parent,
    replies: [...parent.replies, reply],
  }));
}
