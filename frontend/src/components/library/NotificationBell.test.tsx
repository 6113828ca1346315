import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import NotificationBell from "./NotificationBell";

afterEach(() => {
  vi.unstubAllGlobals();
});

const NOTIFICATION = {
  id: 11,
  created_at: "2026-12-03T10:00:00Z",
  read: false,
  title: { id: 3, kind: "anime", title: "Фрірен", title_en: "", year: 2023, poster_url: "", url: "/anime/frieren/" },
  episode: { id: 32, number: 5, title: "", url: "/anime/frieren/5/" },
  dub_team: { id: 4, slug: "tykha-gavan", title: "Тиха Гавань", logo_url: null, url: "/dub-teams/tykha-gavan/" },
};

describe("NotificationBell", () => {
  it("shows the unread count, lists new episodes and marks them all read", async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url === "/api/me/notifications/read/"
        ? new Response(JSON.stringify({ unread_count: 0 }))
        : new Response(JSON.stringify({ items: [NOTIFICATION], meta: { total_count: 1, unread_count: 1 } })),
    );
    vi.stubGlobal("fetch", fetchMock);
    render(<NotificationBell />);
    const bell = await screen.findByRole("button", { name: "Сповіщення: 1 нових" });
    fireEvent.click(bell);
    expect(screen.getByRole("link", { name: "«Фрірен»: серія 5 — Тиха Гавань" }).getAttribute("href")).toBe("/anime/frieren/5/");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Позначити всі прочитаними" }));
    });
    expect(fetchMock).toHaveBeenLastCalledWith("/api/me/notifications/read/", expect.objectContaining({ method: "POST", body: "{}" }));
    expect(screen.getByRole("button", { name: "Сповіщення" })).toBeTruthy();
  });
});
