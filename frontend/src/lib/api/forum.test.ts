import { afterEach, describe, expect, it, vi } from "vitest";
import { getLatestForumTopics, getTitleTopic } from "./forum";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const topic = {
  id: 7,
  subject: "Фрірен",
  url: "/forum/forum/anime-2/topic/frieren-7/",
  forum: { name: "Обговорення аніме", url: "/forum/forum/anime-2/" },
  replies: 3,
  last_post_at: "2026-12-03T12:00:00Z",
  last_poster: "olena",
};

describe("getLatestForumTopics", () => {
  it("reads forum/latest/ with the limit, cached for a minute under the forum tag", async () => {
    vi.stubEnv("API_URL", "http://api.internal:8000");
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ results: [topic] }), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);

    expect(await getLatestForumTopics(6)).toEqual([topic]);
    expect(fetchMock).toHaveBeenCalledWith(
      "http://api.internal:8000/api/forum/latest/?limit=6",
      expect.objectContaining({ next: { tags: ["forum"], revalidate: 60 } }),
    );
  });

  it("leaves the block out when the forum API fails", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 500 })));
    expect(await getLatestForumTopics()).toEqual([]);
  });
});

describe("getTitleTopic", () => {
  it("reads the title's topic, or null without one", async () => {
    vi.stubEnv("API_URL", "http://api.internal:8000");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = { page: 5, topic: 7, subject: "Фрірен", url: topic.url, replies: 0 };
    const fetchMock = vi.fn(async (url: string) =>
      url.includes("/5/")
        ? new Response(JSON.stringify(answer), { status: 200 })
        : new Response(JSON.stringify({ detail: "Тайтл не знайдено." }), { status: 404 }),
    );
    vi.stubGlobal("fetch", fetchMock);

    expect(await getTitleTopic(5)).toEqual(answer);
    expect(fetchMock).toHaveBeenCalledWith("http://api.internal:8000/api/forum/title-topic/5/", expect.anything());
    expect(await getTitleTopic(6)).toBeNull();
  });
});
