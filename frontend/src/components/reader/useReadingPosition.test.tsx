import { act, renderHook } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { ReadingPositionStore } from "./readerStore";
import { useReadingPosition } from "./useReadingPosition";

function fakeStore(load: ReadingPositionStore["load"]) {
  return { load: vi.fn(load), save: vi.fn(), clear: vi.fn() } satisfies ReadingPositionStore;
}

describe("useReadingPosition", () => {
  it("opens at the saved page, asking the store once however often the reader re-renders", async () => {
    const store = fakeStore(async () => 3);
    const onStart = vi.fn();
    // A new `makeStore` making a new store on every render, as the production bundle passes the
    // inlined default: keying the store on its identity made a render loop on the first page
    // turn (issue 15).
    const { result } = renderHook(() => {
      const [page, setPage] = useState(0);
      const position = useReadingPosition(42, 10, (start) => {
        onStart(start);
        setPage(start);
      }, () => ({ ...store }));
      return { page, setPage, position };
    });
    await act(async () => undefined);
    expect(result.current.page).toBe(3);
    for (const page of [4, 5, 6]) {
      act(() => result.current.setPage(page));
      await act(async () => undefined);
      expect(result.current.page).toBe(page);
    }
    expect(store.load).toHaveBeenCalledTimes(1);
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(onStart).toHaveBeenCalledWith(3);
    result.current.position.save(6);
    expect(store.save).toHaveBeenCalledWith(42, 6, 10);
  });

  it("starts at the first page when the store fails or knows a page past the end", async () => {
    for (const load of [async () => Promise.reject(new Error("offline")), () => 12]) {
      const onStart = vi.fn();
      const store = fakeStore(load);
      renderHook(() => useReadingPosition(42, 10, onStart, () => store));
      await act(async () => undefined);
      expect(onStart).toHaveBeenCalledWith(0);
    }
  });
});
