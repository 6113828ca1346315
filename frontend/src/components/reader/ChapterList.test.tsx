import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChapterSummary } from "@/lib/api/types";
import ChapterList from "./ChapterList";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
});

function chapter(id: number, number: string): ChapterSummary {
  const url = `/manga/one-piece-manga/${number}/`;
  return { id, url, number, volume: "", title: "", language: "uk", translator: null, translatorName: "", parent: null };
}

const CHAPTERS = [chapter(181, "1"), chapter(182, "2"), chapter(183, "3")];

function position(id: number, completed: boolean) {
  const ref = { id, number: "1.00", title: "", url: "/manga/one-piece-manga/1/" };
  return { chapter: ref, page: 4, total: 20, completed, updated_at: "2026-12-03T10:00:00Z" };
}

describe("ChapterList", () => {
  it("lists the chapters without asking the API for a signed-out visitor", () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    render(<ChapterList titleId={7} chapters={CHAPTERS} />);
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    expect(screen.queryByText("Читаю")).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("marks «Читаю» the chapters the signed-in reader stopped in before the end", async () => {
    document.cookie = "anihata_signed_in=1";
    const items = [position(182, false), position(183, true)];
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ items })));
    vi.stubGlobal("fetch", fetchMock);
    render(<ChapterList titleId={7} chapters={CHAPTERS} />);
    const mark = await screen.findByText("Читаю");
    expect(within(mark.closest("li")!).getByRole("link").getAttribute("href")).toBe("/manga/one-piece-manga/2/");
    expect(screen.getAllByText("Читаю")).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledWith("/api/me/reading/?title=7", expect.anything());
  });
});
