import { describe, expect, it } from "vitest";
import { type CommentData, insertComment, updateComment } from "./comments";

function comment(id: number, parent: number | null, replies: CommentData[] = []): CommentData {
  return {
    id,
    page: 7,
    parent,
    author: { username: `u${id}` },
    status: "visible",
    body: `#${id}`,
    html: `<p>#${id}</p>`,
    likes: 0,
    dislikes: 0,
    my_vote: 0,
    created: "2026-12-03T12:00:00Z",
    edited: null,
    editable_until: "2026-12-03T12:15:00Z",
    replies,
  };
}

describe("comment threads", () => {
  it("puts a new thread first and a reply under its parent, however deep", () => {
    const threads = [comment(1, null, [comment(2, 1)]), comment(3, null)];
    const withThread = insertComment(threads, comment(4, null));
    expect(withThread.map((c) => c.id)).toEqual([4, 1, 3]);
    const withReply = insertComment(threads, comment(5, 2));
    expect(withReply[0]?.replies[0]?.replies.map((c) => c.id)).toEqual([5]);
    expect(threads[0]?.replies[0]?.replies).toEqual([]); // the old threads are left as they were
  });

  it("updates one comment wherever it sits", () => {
    const threads = [comment(1, null, [comment(2, 1)])];
    const voted = updateComment(threads, 2, (c) => ({ ...c, likes: 3, my_vote: 1 }));
    expect(voted[0]?.replies[0]).toMatchObject({ id: 2, likes: 3, my_vote: 1 });
    expect(voted[0]?.likes).toBe(0);
  });
});
