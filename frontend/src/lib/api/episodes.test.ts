import { afterEach, describe, expect, it, vi } from "vitest";
import { getLatestEpisodes, onePerTitle } from "./episodes";
import type { LatestEpisode } from "./types";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const latest = {
  items: [
    {
      id: 178,
      number: 2,
      title: "Серія 2",
      url: "/anime/pluto/2/",
      published_at: "2026-11-26T20:03:25Z",
      title_page: { id: 176, title: "Плутон", url: "/anime/pluto/", poster_url: "/media/pluto.svg" },
      dub_teams: [{ id: 8, slug: "likhtaryk-studio", title: "Ліхтарик", logo_url: "/media/l.png" }],
    },
  ],
};

describe("getLatestEpisodes", () => {
  it("reads episodes/latest/ with the limit and maps teams with their logos", async () => {
    vi.stubEnv("API_URL", "http://api.internal:8000");
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(latest), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);

    const episodes = await getLatestEpisodes(48);

    expect(fetchMock).toHaveBeenCalledWith(
      "http://api.internal:8000/api/v2/episodes/latest/?limit=48",
      expect.objectContaining({ next: expect.objectContaining({ tags: ["catalog"] }) }),
    );
    expect(episodes).toEqual([
      {
        id: 178,
        url: "/anime/pluto/2/",
        number: 2,
        title: "Серія 2",
        publishedAt: "2026-11-26T20:03:25Z",
        titlePage: { id: 176, title: "Плутон", url: "/anime/pluto/", posterUrl: "/media/pluto.svg" },
        dubTeams: [
          {
            id: 8,
            slug: "likhtaryk-studio",
            title: "Ліхтарик",
            url: "/dub-teams/likhtaryk-studio/",
            logoUrl: "/media/l.png",
          },
        ],
      },
    ]);
  });
});

describe("onePerTitle", () => {
  const episode = (id: number, titleId: number): LatestEpisode => ({
    id,
    url: `/anime/t${titleId}/${id}/`,
    number: id,
    title: "",
    publishedAt: null,
    titlePage: { id: titleId, title: "", url: `/anime/t${titleId}/`, posterUrl: null },
    dubTeams: [],
  });

  it("keeps the first (newest) episode of each title, up to the count", () => {
    const list = [episode(5, 1), episode(4, 1), episode(9, 2), episode(3, 3), episode(8, 2)];
    expect(onePerTitle(list, 12).map((item) => item.id)).toEqual([5, 9, 3]);
    expect(onePerTitle(list, 2).map((item) => item.id)).toEqual([5, 9]);
  });
});
