import { describe, expect, it } from "vitest";
import { createReadingStore, DEFAULT_READER_PREFS, loadReaderPrefs, saveReaderPrefs } from "./readerStore";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe("reader store", () => {
  it("remembers the page per chapter and forgets a chapter read to the end", () => {
    const storage = memoryStorage();
    const store = createReadingStore(storage);
    expect(store.load(5)).toBeNull();
    store.save(5, 3, 20);
    expect(store.load(5)).toBe(3);
    expect(store.load(6)).toBeNull();
    store.save(5, 0, 20); // back at the first page: nothing worth remembering
    expect(store.load(5)).toBeNull();
    store.save(5, 7, 20);
    store.clear(5, 20);
    expect(store.load(5)).toBeNull();
  });

  it("ignores corrupted entries and keeps the newest 300 chapters", () => {
    const storage = memoryStorage();
    storage.setItem("anihata:reading:1", "{not json");
    const store = createReadingStore(storage);
    expect(store.load(1)).toBeNull();
    let now = 0;
    const timed = createReadingStore(storage, () => ++now);
    for (let id = 100; id < 410; id++) timed.save(id, 2, 10);
    expect(timed.load(100)).toBeNull();
    expect(timed.load(409)).toBe(2);
  });

  it("keeps mode, fit and quality, rejecting unknown values", () => {
    const storage = memoryStorage();
    expect(loadReaderPrefs(storage)).toEqual(DEFAULT_READER_PREFS);
    saveReaderPrefs(storage, { mode: "rtl", quality: "data-saver" });
    expect(loadReaderPrefs(storage)).toEqual({ mode: "rtl", fit: "height", quality: "data-saver" });
    storage.setItem("anihata:reader", JSON.stringify({ mode: "sideways", fit: 3 }));
    expect(loadReaderPrefs(storage)).toEqual(DEFAULT_READER_PREFS);
  });
});
