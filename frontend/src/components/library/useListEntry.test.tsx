import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createEntryCache } from "@/lib/api/library";
import { useListEntry } from "./useListEntry";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

describe("useListEntry", () => {
  it("asks nothing once signed out, though the cache resets before the hook hears of it", async () => {
    document.cookie = "anihata_signed_in=1";
    const fetchMany = vi.fn(async () => []);
    const cache = createEntryCache(fetchMany);
    const { result } = renderHook(() => useListEntry(7, cache));
    await waitFor(() => expect(result.current.entry).toBeNull());
    expect(fetchMany).toHaveBeenCalledTimes(1);

    // Signing out: Django drops the hint cookie, then the page's cache resets first.
    document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
    await act(async () => {
      cache.reset();
      await new Promise((resolve) => setTimeout(resolve, 0)); // the batch goes out on a microtask
    });
    expect(fetchMany).toHaveBeenCalledTimes(1);
  });
});
