import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useResumePosition, type ResumePositionStore } from "./useResumePosition";

function videoAt(currentTime: number, duration = 1400) {
  return { current: { currentTime, duration } as HTMLVideoElement };
}

function fakeStore(load: ResumePositionStore["load"]) {
  return { load: vi.fn(load), save: vi.fn(), clear: vi.fn() } satisfies ResumePositionStore;
}

describe("useResumePosition", () => {
  it("offers a stored position at once from a synchronous store (local storage)", () => {
    const store = fakeStore(() => 312);
    const makeStore = () => store;
    const { result } = renderHook(() => useResumePosition(7, videoAt(0), makeStore));
    expect(result.current.offer).toBe(312);
    expect(store.load).toHaveBeenCalledWith(7);
    act(() => result.current.dismissOffer());
    expect(result.current.offer).toBeNull();
  });

  it("offers the position when an asynchronous store (the account's progress) answers", async () => {
    const makeStore = () => fakeStore(async () => 95);
    const { result } = renderHook(() => useResumePosition(7, videoAt(0), makeStore));
    expect(result.current.offer).toBeNull();
    await act(async () => undefined);
    expect(result.current.offer).toBe(95);
  });

  it("saves while playing at most every few seconds, on pause, on leaving, and clears at the end", () => {
    const store = fakeStore(() => null);
    const makeStore = () => store;
    const { result, unmount } = renderHook(() => useResumePosition(7, videoAt(120), makeStore));
    result.current.onProgress();
    result.current.onProgress();
    expect(store.save).toHaveBeenCalledTimes(1);
    expect(store.save).toHaveBeenCalledWith(7, 120, 1400, null);
    result.current.saveNow();
    expect(store.save).toHaveBeenCalledTimes(2);
    result.current.onFinished();
    expect(store.clear).toHaveBeenCalledWith(7);
    unmount();
    expect(store.save).toHaveBeenCalledTimes(3);
  });

  it("never lets a failing store reach the viewer", async () => {
    const store: ResumePositionStore = {
      load: async () => Promise.reject(new Error("offline")),
      save: async () => Promise.reject(new Error("offline")),
      clear: () => undefined,
    };
    const makeStore = () => store;
    const { result } = renderHook(() => useResumePosition(7, videoAt(50), makeStore));
    await act(async () => result.current.saveNow());
    expect(result.current.offer).toBeNull();
  });

  it("keeps one store and saves nothing while the player re-renders several times a second", () => {
    const store = fakeStore(() => null);
    const makeStore = vi.fn(() => store);
    const video = videoAt(120);
    const { rerender } = renderHook(() => useResumePosition(7, video, makeStore));
    for (let i = 0; i < 10; i++) rerender();
    expect(makeStore).toHaveBeenCalledTimes(1);
    expect(store.load).toHaveBeenCalledTimes(1);
    expect(store.save).not.toHaveBeenCalled();
  });

  it("saves as often as the store asks, and leaves through its exit save on pagehide", () => {
    const store = { ...fakeStore(() => null), saveEveryMs: 15_000, saveOnExit: vi.fn() };
    const makeStore = () => store;
    const now = vi.spyOn(Date, "now").mockReturnValue(100_000);
    const { result } = renderHook(() => useResumePosition(7, videoAt(120), makeStore));
    result.current.onProgress();
    now.mockReturnValue(110_000);
    result.current.onProgress();
    expect(store.save).toHaveBeenCalledTimes(1);
    now.mockReturnValue(116_000);
    result.current.onProgress();
    expect(store.save).toHaveBeenCalledTimes(2);
    window.dispatchEvent(new Event("pagehide"));
    expect(store.saveOnExit).toHaveBeenCalledWith(7, 120, 1400, null);
    expect(store.save).toHaveBeenCalledTimes(2);
    now.mockRestore();
  });

  it("saves with the source playing now, also after a dub switch, without a new store", () => {
    const store = fakeStore(() => null);
    const makeStore = vi.fn(() => store);
    const video = videoAt(120);
    const { result, rerender } = renderHook(({ source }) => useResumePosition(7, video, makeStore, source), {
      initialProps: { source: 41 },
    });
    result.current.saveNow();
    expect(store.save).toHaveBeenLastCalledWith(7, 120, 1400, 41);
    rerender({ source: 42 });
    result.current.saveNow();
    expect(store.save).toHaveBeenLastCalledWith(7, 120, 1400, 42);
    expect(makeStore).toHaveBeenCalledTimes(1);
  });
});
