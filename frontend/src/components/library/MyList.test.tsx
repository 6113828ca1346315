import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listEntries } from "@/lib/api/library";
import MyList from "./MyList";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
  listEntries.reset();
});

const COUNTS = { watching: 1, planned: 0, completed: 0, on_hold: 0, dropped: 0, favourite: 0 };
const ITEM = {
  title: { id: 3, kind: "anime", title: "Фрірен", title_en: "Frieren", year: 2023, poster_url: "", url: "/anime/frieren/" },
  status: "watching",
  favourite: true,
  score: 9,
  created_at: "2026-12-03T10:00:00Z",
  updated_at: "2026-12-03T10:00:00Z",
};

describe("MyList", () => {
  it("invites a signed-out visitor to sign in", async () => {
    render(<MyList />);
    expect(await screen.findByText("Увійдіть, щоб вести свій список")).toBeTruthy();
  });

  it("shows a tab per status with counts and the titles of the chosen one", async () => {
    document.cookie = "anihata_signed_in=1";
    const fetchMock = vi.fn(async (url: string) => {
      const items = url.includes("status=watching") ? [ITEM] : [];
      return new Response(JSON.stringify({ items, meta: { total_count: items.length, counts: COUNTS } }), { status: 200 });
    });
    vi.stubGlobal("fetch", fetchMock);
    render(<MyList />);
    expect((await screen.findAllByTestId("my-list-item")).map((item) => item.textContent)).toEqual([
      expect.stringContaining("Фрірен"),
    ]);
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      "Дивлюся / читаю · 1",
      "Заплановано · 0",
      "Переглянуто / прочитано · 0",
      "Відкладено · 0",
      "Кинуто · 0",
    ]);
    expect(tabs[0]!.getAttribute("aria-selected")).toBe("true");
    await act(async () => {
      fireEvent.click(tabs[1]!);
    });
    expect(fetchMock.mock.calls.map(([url]) => url)).toContainEqual(expect.stringContaining("status=planned"));
    // The list's own answer fills the cards' cache: no second request for the same entries.
    expect(fetchMock.mock.calls.filter(([url]) => url.includes("title=")).length).toBe(0);
    expect(await screen.findByText("Тут поки порожньо")).toBeTruthy();
  });
});
