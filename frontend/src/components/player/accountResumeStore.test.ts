import { describe, expect, it, vi } from "vitest";
import { ACCOUNT_SAVE_EVERY_MS, type ProgressApi, createAccountResumeStore, mergeLocalPositions } from "./accountResumeStore";
import type { SavedPosition } from "./resumeStore";

function progress(position: number, duration: number | null, updatedAt = "2026-12-03T10:00:00Z") {
  return { episode: { id: 1, number: 1, title: "", url: "/x/" }, position, duration, completed: false, updated_at: updatedAt };
}

function fakeApi(stored: Record<number, ReturnType<typeof progress>> = {}) {
  return {
    fetch: vi.fn(async (id: number) => stored[id] ?? null),
    save: vi.fn(async () => undefined),
    beacon: vi.fn(() => true),
  } satisfies ProgressApi;
}

describe("account resume store", () => {
  it("offers the account's position unless it is at the start or in the last seconds", async () => {
    const api = fakeApi({ 1: progress(16, 20), 2: progress(3, 1400), 3: progress(1399, 1400), 4: progress(812, null) });
    const store = createAccountResumeStore(api);
    await expect(store.load(1)).resolves.toBe(16);
    await expect(store.load(2)).resolves.toBeNull();
    await expect(store.load(3)).resolves.toBeNull();
    await expect(store.load(4)).resolves.toBe(812);
    await expect(store.load(5)).resolves.toBeNull();
    expect(store.saveEveryMs).toBe(ACCOUNT_SAVE_EVERY_MS);
  });

  it("waits for the merge of local positions before reading the account", async () => {
    const api = fakeApi();
    let finish = () => undefined as void;
    const merging = new Promise<void>((resolve) => (finish = resolve));
    const loading = createAccountResumeStore(api, merging).load(1);
    await Promise.resolve();
    expect(api.fetch).not.toHaveBeenCalled();
    finish();
    await loading;
    expect(api.fetch).toHaveBeenCalledWith(1);
  });

  it("saves with PUT, leaves with a beacon (PUT when the browser refuses it), and marks the end", async () => {
    const api = fakeApi();
    const store = createAccountResumeStore(api);
    await store.save(7, 120.4, 1400);
    expect(api.save).toHaveBeenLastCalledWith(7, { position: 120.4, duration: 1400, source: null });
    store.saveOnExit!(7, 130, 1400, 41);
    expect(api.beacon).toHaveBeenCalledWith(7, { position: 130, duration: 1400, source: 41 });
    expect(api.save).toHaveBeenCalledTimes(1);
    api.beacon.mockReturnValue(false);
    store.saveOnExit!(7, 131, 1400);
    expect(api.save).toHaveBeenCalledTimes(2);
    await store.clear(7);
    expect(api.save).toHaveBeenLastCalledWith(7, { position: 0, duration: null, completed: true });
  });
});

describe("mergeLocalPositions", () => {
  function local(entries: SavedPosition[]) {
    return { entries: vi.fn(() => entries), clear: vi.fn() };
  }

  it("sends what the account lacks or has older, keeps a newer account position, and forgets merged ones", async () => {
    const at = Date.parse("2026-12-03T10:00:00Z");
    const api = fakeApi({ 2: progress(50, 1400, "2026-12-03T09:00:00Z"), 3: progress(900, 1400, "2026-12-03T11:00:00Z") });
    const positions = local([
      { episodeId: 1, position: 100, duration: 1400, savedAt: at },
      { episodeId: 2, position: 200, duration: 1400, savedAt: at },
      { episodeId: 3, position: 300, duration: 1400, savedAt: at },
    ]);
    await expect(mergeLocalPositions(positions, api)).resolves.toBe(2);
    expect(api.save.mock.calls).toEqual([
      [1, { position: 100, duration: 1400 }],
      [2, { position: 200, duration: 1400 }],
    ]);
    expect(positions.clear.mock.calls.map(([id]) => id)).toEqual([1, 2, 3]);
  });

  it("keeps a position locally when the account cannot take it now", async () => {
    const api = fakeApi();
    api.save.mockRejectedValueOnce(new Error("offline"));
    const positions = local([{ episodeId: 1, position: 100, duration: 1400, savedAt: 1 }]);
    await expect(mergeLocalPositions(positions, api)).resolves.toBe(0);
    expect(positions.clear).not.toHaveBeenCalled();
  });
});
