import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import SearchBox, { INSTANT_SEARCH_DELAY_MS } from "./SearchBox";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const answer = {
  items: [
    { id: 1, kind: "anime", title: "Атака титанів", title_en: "Attack on Titan", year: 2013, poster_url: null, url: "/anime/attack-on-titan/" },
    { id: 2, kind: "manga", title: "Атака титанів", title_en: "", year: 2009, poster_url: null, url: "/manga/attack-on-titan-manga/" },
  ],
  teams: [{ id: 8, title: "Ліхтарик", url: "/dub-teams/likhtaryk-studio/" }],
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  push.mockReset();
});

async function typeAndWait(text: string) {
  fireEvent.change(screen.getByRole("combobox"), { target: { value: text } });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(INSTANT_SEARCH_DELAY_MS + 10);
  });
}

describe("SearchBox", () => {
  it("is a GET form to /search/ named q", () => {
    render(<SearchBox />);
    const form = screen.getByRole("search");
    expect(form).toHaveAttribute("action", "/search/");
    expect(screen.getByRole("combobox")).toHaveAttribute("name", "q");
  });

  it("debounces, then lists instant results and opens one with the keyboard", async () => {
    const fetchMock = vi.fn<(url: string) => Promise<Response>>(
      async () => new Response(JSON.stringify(answer), { status: 200 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    render(<SearchBox />);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "ат" } });
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "атака" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(INSTANT_SEARCH_DELAY_MS + 10);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/search/instant/?q=%D0%B0%D1%82%D0%B0%D0%BA%D0%B0");
    const options = screen.getAllByRole("option");
    expect(options).toHaveLength(3);
    expect(options[1]).toHaveTextContent("Манґа · 2009");
    expect(options[2]).toHaveTextContent("ЛіхтарикКоманда озвучення");
    fireEvent.keyDown(screen.getByRole("combobox"), { key: "ArrowDown" });
    fireEvent.keyDown(screen.getByRole("combobox"), { key: "ArrowDown" });
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(screen.getByRole("combobox"), { key: "Enter" });
    expect(push).toHaveBeenCalledWith("/manga/attack-on-titan-manga/");
  });

  it("lists forum topics last and opens them with a full page load", async () => {
    const withTopics = {
      ...answer,
      topics: [
        { id: 5, title: "Атака титанів: фінал", url: "/forum/forum/anime-2/topic/final-5/", forum: "Обговорення аніме" },
        { id: 6, title: "Не форум", url: "https://evil.example/", forum: "x" },
      ],
    };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(withTopics), { status: 200 })));
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    render(<SearchBox />);
    await typeAndWait("атака");
    const options = screen.getAllByRole("option");
    expect(options).toHaveLength(4);
    expect(options[3]).toHaveTextContent("Атака титанів: фіналФорум · Обговорення аніме");
    expect(options[3]?.querySelector("a")).toHaveAttribute("href", "/forum/forum/anime-2/topic/final-5/");
    for (let step = 0; step < 4; step += 1) {
      fireEvent.keyDown(screen.getByRole("combobox"), { key: "ArrowDown" });
    }
    fireEvent.keyDown(screen.getByRole("combobox"), { key: "Enter" });
    expect(assign).toHaveBeenCalledWith("/forum/forum/anime-2/topic/final-5/");
    expect(push).not.toHaveBeenCalled();
  });

  it("stays quiet when the endpoint is missing (404)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 404 })));
    render(<SearchBox />);
    await typeAndWait("атака");
    expect(screen.queryAllByRole("option")).toHaveLength(0);
    expect(screen.getByRole("combobox")).toHaveAttribute("aria-expanded", "false");
  });

  it("does not query for a single letter", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    render(<SearchBox />);
    await typeAndWait("а");
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
