import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import Player from "./Player";
import type { PlaybackData, PlaybackSource } from "@/lib/api/playback";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

function source(patch: Partial<PlaybackSource>): PlaybackSource {
  return {
    id: 1,
    provider: "direct",
    kind: "hls",
    url: null,
    qualities: [],
    subtitles: [],
    iframe_url: null,
    message: null,
    ...patch,
  };
}

function answer(groups: PlaybackData["groups"]): PlaybackData {
  return {
    episode: { id: 3, number: 3, title: "Серія 3", intro: null, outro: null },
    previous: null,
    next: null,
    groups,
  };
}

const teamA = { id: 1, slug: "team-a", title: "Команда А", logo_url: null, url: "/dub-teams/team-a/" };
const teamB = { id: 2, slug: "team-b", title: "Команда Б", logo_url: null, url: "/dub-teams/team-b/" };

function oneIframeSource(id: number): PlaybackData {
  return answer([
    { language: "uk", dub_team: teamA, sources: [source({ id, kind: "iframe", iframe_url: `https://ashdi.vip/vod/${id}` })] },
  ]);
}

let fetchMock: ReturnType<typeof vi.fn>;

function serve(body: unknown, status = 200) {
  fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(body), { status }));
}

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Player", () => {
  it("asks the playback API for its episode and says so when there is no video yet", async () => {
    serve(answer([]));
    render(<Player episodeId={3} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Для цієї серії ще немає відео");
    expect(fetchMock).toHaveBeenCalledWith("/api/playback/episodes/3/", expect.anything());
  });

  it("shows the provider's reason for an unavailable source and keeps the dub menu", async () => {
    serve(
      answer([
        {
          language: "uk",
          dub_team: teamA,
          sources: [source({ kind: "unavailable", message: "Провайдер мовчить." })],
        },
      ]),
    );
    render(<Player episodeId={3} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Провайдер мовчить.");
    expect(screen.getByRole("button", { name: /Команда А/ })).toBeInTheDocument();
  });

  it("renders an iframe source sandboxed and switches dubs from our own menu", async () => {
    serve(
      answer([
        {
          language: "uk",
          dub_team: teamA,
          sources: [source({ id: 1, kind: "iframe", iframe_url: "https://ashdi.vip/vod/1" })],
        },
        {
          language: "uk",
          dub_team: teamB,
          sources: [source({ id: 2, kind: "iframe", iframe_url: "https://tortuga.wtf/vod/2" })],
        },
      ]),
    );
    render(<Player episodeId={3} />);
    // The provider's page is not loaded until the viewer presses play.
    fireEvent.click(await screen.findByRole("button", { name: "Відтворити" }));
    expect(screen.getByRole("region", { name: "Відеоплеєр" })).toHaveFocus();
    const frame = screen.getByTitle("Плеєр провайдера");
    expect(frame).toHaveAttribute("src", "https://ashdi.vip/vod/1");
    expect(frame.getAttribute("sandbox")).toBe("allow-scripts allow-same-origin allow-presentation");
    fireEvent.click(screen.getByRole("button", { name: "Команда Б" }));
    expect(screen.getByTitle("Плеєр провайдера")).toHaveAttribute("src", "https://tortuga.wtf/vod/2");
    expect(JSON.parse(localStorage.getItem("anihata:player") ?? "{}").dub).toBe("uk:team-b");
  });

  it("reports a broken source once and shows the server's thanks", async () => {
    serve(oneIframeSource(9));
    render(<Player episodeId={3} />);
    serve({ created: true, message: "Дякуємо! Ми перевіримо це відео." }, 201);
    fireEvent.click(await screen.findByRole("button", { name: "Проблема з відео?" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Дякуємо! Ми перевіримо це відео." })).toBeDisabled(),
    );
    expect(fetchMock).toHaveBeenLastCalledWith(
      "/api/playback/sources/9/report/",
      expect.objectContaining({ method: "POST" }),
    );
  });

  it("shows the API's Ukrainian detail when a report is refused", async () => {
    serve(oneIframeSource(9));
    render(<Player episodeId={3} />);
    serve({ detail: "Відеоджерело не знайдено." }, 404);
    fireEvent.click(await screen.findByRole("button", { name: "Проблема з відео?" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Відеоджерело не знайдено." })).toBeDisabled());
  });

  it("says what the API answered when it refuses the episode", async () => {
    serve({ detail: "Серію не знайдено." }, 404);
    render(<Player episodeId={3} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Серію не знайдено.");
  });

  it("offers a retry when the API cannot be reached", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("offline"));
    render(<Player episodeId={3} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Не вдалося завантажити плеєр");
    serve(answer([]));
    fireEvent.click(screen.getByRole("button", { name: "Спробувати ще раз" }));
    expect(await screen.findByText(/Для цієї серії ще немає відео/)).toBeInTheDocument();
  });
});
