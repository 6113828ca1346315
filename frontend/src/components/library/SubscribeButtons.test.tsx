import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import SubscribeButtons from "./SubscribeButtons";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
});

const TITLE = { id: 3, kind: "anime", title: "Фрірен", title_en: "", year: 2023, poster_url: "", url: "/anime/frieren/" };
const TEAM = { id: 4, slug: "tykha-gavan", title: "Тиха Гавань", logo_url: null, url: "/dub-teams/tykha-gavan/" };

describe("SubscribeButtons", () => {
  it("follows one team or any Ukrainian dub, and stops following", async () => {
    document.cookie = "anihata_signed_in=1";
    const existing = { id: 50, title: TITLE, dub_team: null, email: false, created_at: "" };
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === "POST") return new Response(JSON.stringify({ ...existing, id: 51, dub_team: TEAM }), { status: 201 });
      if (init.method === "DELETE") return new Response(null, { status: 204 });
      return new Response(JSON.stringify({ items: url.includes("title=3") ? [existing] : [] }));
    });
    vi.stubGlobal("fetch", fetchMock);
    render(<SubscribeButtons titleId={3} teams={[{ id: 4, title: "Тиха Гавань" }]} />);
    const any = await screen.findByRole("button", { name: "Будь-яка українська озвучка" });
    const team = screen.getByRole("button", { name: "Тиха Гавань" });
    expect(any.getAttribute("aria-pressed")).toBe("true");
    expect(team.getAttribute("aria-pressed")).toBe("false");

    await act(async () => {
      fireEvent.click(team);
    });
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1].body))).toEqual({ title: 3, dub_team: 4, email: false });
    expect(team.getAttribute("aria-pressed")).toBe("true");

    await act(async () => {
      fireEvent.click(any);
    });
    expect(fetchMock.mock.calls[2]![0]).toBe("/api/me/subscriptions/50/");
    expect(any.getAttribute("aria-pressed")).toBe("false");
  });

  it("shows nothing while signed out", () => {
    vi.stubGlobal("fetch", vi.fn());
    const { container } = render(<SubscribeButtons titleId={3} teams={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
