import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BATCH_SIZE,
  type ListEntry,
  createEntryCache,
  fetchProgress,
  progressBody,
  removeListEntry,
  saveListEntry,
  saveProgress,
  statusLabel,
} from "./library";

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubFetch(answer: (url: string, init: RequestInit) => { status: number; body?: unknown }) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    const { status, body } = answer(url, init);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function entryOf(id: number, status: ListEntry["status"] = "watching"): ListEntry {
  return {
    title: { id, kind: "anime", title: `T${id}`, title_en: "", year: 2024, poster_url: "", url: `/anime/t${id}/` },
    status,
    favourite: false,
    score: null,
    created_at: "2026-12-03T10:00:00Z",
    updated_at: "2026-12-03T10:00:00Z",
    title_rating: null,
    title_rating_count: 0,
  };
}

describe("statusLabel", () => {
  it("says «Дивлюся» for anime, «Читаю» for manga, and both on mixed tabs", () => {
    expect(statusLabel("watching", "anime")).toBe("Дивлюся");
    expect(statusLabel("watching", "manga")).toBe("Читаю");
    expect(statusLabel("completed", "manga")).toBe("Прочитано");
    expect(statusLabel("planned", "mixed")).toBe("Заплановано");
    expect(statusLabel("watching", "mixed")).toBe("Дивлюся / читаю");
  });
});

describe("progressBody", () => {
  it("sends whole seconds and leaves out a duration the player does not know", () => {
    expect(progressBody({ position: 812.7, duration: 1420.4 })).toEqual({ position: 812, duration: 1420, completed: false });
    expect(progressBody({ position: -1, duration: Number.NaN, completed: true })).toEqual({
      position: 0,
      duration: null,
      completed: true,
    });
    expect(progressBody({ position: 3, duration: Infinity })).toEqual({ position: 3, duration: null, completed: false });
    expect(progressBody({ position: 3, duration: 20, source: 41 })).toEqual({ position: 3, duration: 20, completed: false, source: 41 });
    expect(progressBody({ position: 3, duration: 20, source: null })).not.toHaveProperty("source");
  });
});

describe("createEntryCache", () => {
  it("asks for the titles requested in one tick in one request, and caches the answers", async () => {
    const fetchMany = vi.fn(async (ids: number[]) => ids.filter((id) => id % 2 === 0).map((id) => entryOf(id)));
    const cache = createEntryCache(fetchMany);
    const [one, two, twoAgain] = await Promise.all([cache.get(1), cache.get(2), cache.get(2)]);
    expect(fetchMany).toHaveBeenCalledTimes(1);
    expect(fetchMany).toHaveBeenCalledWith([1, 2]);
    expect(one).toBeNull();
    expect(two?.title.id).toBe(2);
    expect(twoAgain).toBe(two);
    expect(cache.peek(1)).toBeNull();
    await cache.get(2);
    expect(fetchMany).toHaveBeenCalledTimes(1);
  });

  it("splits a long grid into batches the API accepts", async () => {
    const fetchMany = vi.fn<(ids: number[]) => Promise<ListEntry[]>>(async () => []);
    const cache = createEntryCache(fetchMany);
    await Promise.all(Array.from({ length: BATCH_SIZE + 5 }, (_, index) => cache.get(index + 1)));
    expect(fetchMany.mock.calls.map(([ids]) => ids.length)).toEqual([BATCH_SIZE, 5]);
  });

  it("tells every view of a title about a change, and forgets everything on reset", async () => {
    const fetchMany = vi.fn(async () => [] as ListEntry[]);
    const cache = createEntryCache(fetchMany);
    const listener = vi.fn();
    const unsubscribe = cache.subscribe(5, listener);
    cache.set(5, entryOf(5, "planned"));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(cache.peek(5)?.status).toBe("planned");
    cache.reset();
    expect(cache.peek(5)).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    cache.set(5, null);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("passes a failed request to every title waiting for it, and asks again next time", async () => {
    const fetchMany = vi.fn(async (): Promise<ListEntry[]> => Promise.reject(new Error("offline")));
    const cache = createEntryCache(fetchMany);
    await expect(cache.get(3)).rejects.toThrow("offline");
    await expect(cache.get(3)).rejects.toThrow("offline");
    expect(fetchMany).toHaveBeenCalledTimes(2);
  });
});

describe("list and progress calls", () => {
  it("PUTs a change of a title's entry and treats deleting a missing one as done", async () => {
    const fetchMock = stubFetch((_, init) =>
      init.method === "PUT" ? { status: 201, body: entryOf(9, "planned") } : { status: 404, body: { detail: "Немає." } },
    );
    await expect(saveListEntry(9, { status: "planned" })).resolves.toMatchObject({ status: "planned" });
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/me/list/9/");
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1].body))).toEqual({ status: "planned" });
    await expect(removeListEntry(9)).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[1]![1].method).toBe("DELETE");
  });

  it("reads one episode's progress, null when there is none", async () => {
    const progress = { episode: { id: 4, number: 1, title: "", url: "/x/" }, position: 100, duration: 1400, completed: false, updated_at: "" };
    const fetchMock = stubFetch((url) => ({ status: 200, body: { items: url.includes("episode=4") ? [progress] : [] } }));
    await expect(fetchProgress(4)).resolves.toMatchObject({ position: 100 });
    await expect(fetchProgress(5)).resolves.toBeNull();
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/me/progress/?episode=4");
  });

  it("saves the position again without the source when the API no longer takes that source", async () => {
    const progress = { episode: { id: 4, number: 1, title: "", url: "/x/" }, position: 100, duration: 1400, completed: false, updated_at: "" };
    const fetchMock = stubFetch((_, init) =>
      JSON.parse(String(init.body)).source
        ? { status: 400, body: { detail: "Це джерело не грає цю серію.", parameter: "source" } }
        : { status: 200, body: progress },
    );
    await expect(saveProgress(4, { position: 100, duration: 1400, source: 41 })).resolves.toMatchObject({ position: 100 });
    expect(fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init.body)).source)).toEqual([41, undefined]);
  });
});
