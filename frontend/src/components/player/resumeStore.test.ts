import { beforeEach, describe, expect, it } from "vitest";
import { formatTime } from "@/components/controls/formatTime";
import { createResumeStore, loadPrefs, savePrefs } from "./resumeStore";

class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe("resume store", () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it("offers the saved position of the same episode only", () => {
    const store = createResumeStore(storage);
    store.save(7, 125.5, 1400);
    expect(store.load(7)).toBe(125.5);
    expect(store.load(8)).toBeNull();
  });

  it("offers nothing for the first seconds or once the episode is nearly over", () => {
    const store = createResumeStore(storage);
    store.save(1, 4, 1400);
    expect(store.load(1)).toBeNull();
    store.save(2, 8, 20); // a short clip: its last tenth counts as watched
    expect(store.load(2)).toBe(8);
    store.save(2, 18.5, 20);
    expect(store.load(2)).toBeNull();
    store.save(1, 600, 1400);
    store.save(1, 1390, 1400); // reaching the end forgets the old position
    expect(store.load(1)).toBeNull();
  });

  it("survives garbage in storage and clears on request", () => {
    storage.setItem("anihata:resume:3", "{not json");
    const store = createResumeStore(storage);
    expect(store.load(3)).toBeNull();
    store.save(3, 100, 1000);
    store.clear(3);
    expect(store.load(3)).toBeNull();
  });

  it("keeps only the newest 200 positions", () => {
    let clock = 0;
    const store = createResumeStore(storage, () => ++clock);
    for (let id = 1; id <= 205; id++) store.save(id, 100, 1000);
    expect(storage.length).toBe(200);
    expect(store.load(1)).toBeNull();
    expect(store.load(205)).toBe(100);
  });
});

describe("preferences", () => {
  it("remembers volume, quality and dub across loads and clamps volume", () => {
    const storage = new MemoryStorage();
    expect(loadPrefs(storage)).toEqual({ volume: 1, muted: false, quality: null, dub: null });
    savePrefs(storage, { volume: 0.4, quality: 720 });
    savePrefs(storage, { dub: "uk:fanvox" });
    expect(loadPrefs(storage)).toEqual({ volume: 0.4, muted: false, quality: 720, dub: "uk:fanvox" });
    storage.setItem("anihata:player", JSON.stringify({ volume: 7, quality: "hd" }));
    expect(loadPrefs(storage)).toMatchObject({ volume: 1, quality: null });
  });
});

describe("formatTime", () => {
  it("formats minutes and hours", () => {
    expect(formatTime(65)).toBe("1:05");
    expect(formatTime(3723)).toBe("1:02:03");
    expect(formatTime(Number.NaN)).toBe("0:00");
  });
});

describe("resume store entries", () => {
  it("lists every saved position newest first, for the merge into the account", () => {
    const storage = new MemoryStorage();
    let clock = 0;
    const store = createResumeStore(storage, () => ++clock);
    store.save(3, 100, 1400);
    store.save(9, 200, 1400);
    storage.setItem("anihata:player", "{}");
    expect(store.entries().map((entry) => [entry.episodeId, entry.position])).toEqual([
      [9, 200],
      [3, 100],
    ]);
  });
});
