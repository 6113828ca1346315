import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReadingPosition, ReadingReport } from "@/lib/api/reading";
import { createAccountReadingStore, startPage, type ReadingApi } from "./accountReadingStore";

function position(page: number, total: number, completed = false): ReadingPosition {
  return {
    chapter: { id: 5, number: "1.00", title: "Розділ 1", url: "/manga/x/1/" },
    page,
    total,
    completed,
    updated_at: "2026-12-03T12:00:00Z",
  };
}

function fakeApi(saved: ReadingPosition | null = null) {
  const saves: [number, ReadingReport][] = [];
  const api: ReadingApi = {
    fetch: async () => saved,
    save: async (chapterId, report) => void saves.push([chapterId, report]),
  };
  return { api, saves };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("account reading store", () => {
  it("opens at the saved page, or at the start of a chapter read to the end", () => {
    expect(startPage(null)).toBeNull();
    expect(startPage(position(0, 20))).toBeNull();
    expect(startPage(position(7, 20))).toBe(7);
    expect(startPage(position(7, 20, true))).toBe(7); // read again, stopped midway
    expect(startPage(position(19, 20, true))).toBeNull();
  });

  it("loads from the account", async () => {
    const { api } = fakeApi(position(4, 12));
    await expect(createAccountReadingStore(api).load(5)).resolves.toBe(4);
  });

  it("saves the last page turned after a pause, and the end at once as read", async () => {
    vi.useFakeTimers();
    const { api, saves } = fakeApi();
    const store = createAccountReadingStore(api, 1000);
    store.save(5, 1, 12);
    store.save(5, 2, 12);
    store.save(5, 3, 12);
    expect(saves).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(saves).toEqual([[5, { page: 3, total: 12, completed: false }]]);
    store.save(5, 11, 12);
    await store.clear(5, 12);
    vi.advanceTimersByTime(1000);
    expect(saves.slice(1)).toEqual([[5, { page: 11, total: 12, completed: true }]]);
  });

  it("ignores impossible pages", () => {
    vi.useFakeTimers();
    const { api, saves } = fakeApi();
    const store = createAccountReadingStore(api, 10);
    store.save(5, -1, 12);
    store.save(5, 12, 12);
    store.save(5, 1, 0);
    vi.advanceTimersByTime(100);
    expect(saves).toEqual([]);
  });
});
