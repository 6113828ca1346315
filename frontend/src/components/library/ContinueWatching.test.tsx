import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HistoryItem } from "@/lib/api/library";
import ContinueWatching, { continueItem } from "./ContinueWatching";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
});

function historyItem(overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    title: { id: 3, kind: "anime", title: "Фрірен", title_en: "", year: 2023, poster_url: "", url: "/anime/frieren/" },
    episode: { id: 31, number: 4, title: "", url: "/anime/frieren/4/" },
    next: { id: 32, number: 5, title: "", url: "/anime/frieren/5/" },
    position: 612,
    duration: 1440,
    completed: false,
    updated_at: "2026-12-03T10:00:00Z",
    ...overrides,
  };
}

describe("continueItem", () => {
  it("goes back to where the episode stopped, with how far it got", () => {
    expect(continueItem(historyItem())).toMatchObject({ url: "/anime/frieren/4/", label: "Серія 4 · 10:12 з 24:00", percent: 43 });
  });

  it("goes on to the next episode after finishing one, and leaves out a title watched to its latest", () => {
    expect(continueItem(historyItem({ completed: true }))).toMatchObject({ url: "/anime/frieren/5/", label: "Серія 5", percent: null });
    expect(continueItem(historyItem({ completed: true, next: null }))).toBeNull();
  });
});

describe("ContinueWatching", () => {
  it("shows nothing to a signed-out visitor and does not ask the API", () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const { container } = render(<ContinueWatching />);
    expect(container.innerHTML).toBe("");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("lists the signed-in visitor's titles from the history", async () => {
    document.cookie = "anihata_signed_in=1";
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ items: [historyItem()], meta: { total_count: 1 } })));
    vi.stubGlobal("fetch", fetchMock);
    render(<ContinueWatching />);
    expect(await screen.findByRole("heading", { name: "Продовжити перегляд" })).toBeTruthy();
    expect(screen.getByRole("link", { name: /Фрірен/ }).getAttribute("href")).toBe("/anime/frieren/4/");
    expect(fetchMock).toHaveBeenCalledWith("/api/me/history/?per_title=true&limit=12", expect.anything());
  });
});
