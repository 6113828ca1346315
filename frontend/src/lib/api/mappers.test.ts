import { describe, expect, it } from "vitest";
import {
  chapterNumber,
  mapChapter,
  mapChapterList,
  mapDubTeamPage,
  mapEpisode,
  mapEpisodeList,
  mapInstantSearch,
  mapLatestEpisodes,
  mapNeighbours,
  mapSchedule,
  mapTitleDetail,
  mapTitleListing,
  mapTeamList,
  pathOf,
} from "./mappers";
import type { RawPageChildren, WagtailPage } from "./wagtail";

const frieren: WagtailPage = {
  id: 93,
  meta: { type: "anime.AnimePage", html_url: "http://localhost:3000/anime/frieren/", slug: "frieren" },
  title: "Фрірен",
  title_en: "Frieren: Beyond Journey's End",
  title_native: "葬送のフリーレン",
  synonyms: ["Frieren", 42],
  poster_url: "/media/demo/posters/anime-frieren.svg",
  year: 2023,
  format: "tv",
  status: "finished",
  rating: null,
  rating_count: 3,
  external_score: "9.29",
  genres: [{ id: 4, slug: "drama", name: "Драма", name_en: "Drama" }, "junk"],
  studios: [{ id: 1, slug: "madhouse", name: "Madhouse" }],
  dub_teams: [{ id: 8, slug: "likhtaryk-studio", title: "Ліхтарик", logo_url: "/media/l.png" }],
  episodes_total: 28,
};

describe("pathOf", () => {
  it("keeps only the path of Wagtail's absolute html_url", () => {
    expect(pathOf("http://localhost:3000/anime/frieren/")).toBe("/anime/frieren/");
    expect(pathOf("/anime/frieren")).toBe("/anime/frieren/");
    expect(pathOf(null, "/fallback/")).toBe("/fallback/");
  });
});

describe("mapTitleDetail", () => {
  it("reshapes a title page and tolerates odd values", () => {
    const title = mapTitleDetail(frieren);
    expect(title).toMatchObject({
      id: 93,
      kind: "anime",
      url: "/anime/frieren/",
      titleNative: "葬送のフリーレン",
      synonyms: ["Frieren", "42"],
      rating: null,
      ratingCount: 3,
      externalScore: 9.29,
      episodesTotal: 28,
      startDate: null,
    });
    expect(title.genres).toEqual([{ slug: "drama", name: "Драма", nameEn: "Drama" }]);
    expect(title.dubTeams[0]).toEqual({
      id: 8,
      slug: "likhtaryk-studio",
      title: "Ліхтарик",
      url: "/dub-teams/likhtaryk-studio/",
      logoUrl: "/media/l.png",
    });
  });

  it("recognises manga pages", () => {
    expect(mapTitleDetail({ ...frieren, meta: { type: "manga.MangaPage" } }).kind).toBe("manga");
  });
});

describe("mapTitleListing", () => {
  it("reads total, items and every facet (missing facets become empty)", () => {
    const listing = mapTitleListing({
      meta: {
        total_count: 35,
        facets: { genre: [{ value: "action", label: "Екшн", count: 22 }], year: [{ value: 2023 as unknown as string, label: "", count: 2 }] },
      },
      items: [frieren, { nonsense: true } as unknown as WagtailPage],
    });
    expect(listing.total).toBe(35);
    expect(listing.items.map((item) => item.id)).toEqual([93]);
    expect(listing.facets.genre).toEqual([{ value: "action", label: "Екшн", count: 22 }]);
    expect(listing.facets.year).toEqual([{ value: "2023", label: "2023", count: 2 }]);
    expect(listing.facets.audio).toEqual([]);
  });
});

describe("mapLatestEpisodes", () => {
  it("drops items without an id or URL and tolerates a missing title page", () => {
    const episodes = mapLatestEpisodes({
      items: [
        { id: 1, number: 3, title: "Серія 3", url: "/anime/x/3/", published_at: null, dub_teams: [] },
        { id: null, url: "/anime/y/1/" },
        "junk",
      ] as never,
    });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({
      id: 1,
      url: "/anime/x/3/",
      number: 3,
      titlePage: { id: 0, title: "", url: "/", posterUrl: null },
      dubTeams: [],
    });
    expect(mapLatestEpisodes(null)).toEqual([]);
  });
});

describe("mapEpisode", () => {
  it("maps sources whose team is an object or a bare id", () => {
    const teams = mapTitleDetail(frieren).dubTeams;
    const episode = mapEpisode(
      {
        id: 200,
        meta: { type: "anime.EpisodePage", html_url: "http://x/anime/frieren/3/" },
        title: "Серія 3",
        number: 3,
        sources: [
          { id: 1, dub_team: { id: 10, slug: "tykha-havan", title: "Тиха Гавань", logo_url: null }, language: "uk", kind: "hls", provider: "direct" },
          { id: 2, dub_team: 8, language: "uk", kind: "hls", provider: "ashdi" },
          { id: 3, dub_team: null, language: "ja", kind: "iframe", provider: "csst" },
        ],
      },
      teams,
    );
    expect(episode.url).toBe("/anime/frieren/3/");
    expect(episode.sources.map((source) => source.dubTeam?.slug ?? null)).toEqual([
      "tykha-havan",
      "likhtaryk-studio",
      null,
    ]);
    expect(episode.sources.map((source) => source.dubTeam?.logoUrl)).toEqual([
      null,
      "/media/l.png",
      undefined,
    ]);
  });
});

describe("chapters and teams", () => {
  it("formats decimal chapter numbers", () => {
    expect(chapterNumber("10.50")).toBe("10.5");
    expect(chapterNumber("7.00")).toBe("7");
    expect(chapterNumber(12)).toBe("12");
  });

  it("maps a chapter with its translator reference", () => {
    const chapter = mapChapter({
      id: 5,
      meta: { type: "manga.ChapterPage", html_url: "http://x/manga/berserk/10-5/" },
      title: "Розділ 10.5",
      number: "10.50",
      volume: 2,
      translator: { id: 9, slug: "kit", title: "Кіт у кімоно" },
    });
    expect(chapter).toMatchObject({ number: "10.5", volume: "2", url: "/manga/berserk/10-5/" });
    expect(chapter.translator?.url).toBe("/dub-teams/kit/");
    expect(chapter.translatorName).toBe("");
  });

  it("maps a chapter whose translator has no page here by name", () => {
    const chapter = mapChapter({ id: 6, meta: { type: "manga.ChapterPage" }, title: "Розділ 3", number: "3.00", translator: "Lonely Scans" });
    expect(chapter.translator).toBeNull();
    expect(chapter.translatorName).toBe("Lonely Scans");
  });

  it("maps a dub team page with links and titles", () => {
    const team = mapDubTeamPage({
      id: 8,
      meta: { type: "dubbing.DubTeamPage", html_url: "http://x/dub-teams/likhtaryk-studio/", slug: "likhtaryk-studio" },
      title: "Ліхтарик",
      links: [{ label: "Telegram", url: "https://t.me/x" }, { nope: 1 }],
      founded: 2019,
      titles: [{ id: 93, title: "Фрірен", kind: "anime", year: 2023, poster_url: null, url: "/anime/frieren/" }],
    });
    expect(team.links).toEqual([{ label: "Telegram", url: "https://t.me/x" }]);
    expect(team.titles[0]).toMatchObject({ id: 93, kind: "anime", url: "/anime/frieren/" });
    expect(team.founded).toBe(2019);
  });
});

describe("instant search and schedule", () => {
  it("keeps valid instant items (at most eight) and teams", () => {
    const raw = {
      teams: [{ id: 8, title: "Ліхтарик", url: "/dub-teams/likhtaryk-studio/" }, { id: "x" }],
      items: [
        ...Array.from({ length: 9 }, (_, index) => ({
          id: index + 1,
          kind: "anime",
          title: `Тайтл ${index}`,
          url: `/anime/t${index}/`,
        })),
        { id: "x" },
      ],
    };
    const { items, teams } = mapInstantSearch(raw as never);
    expect(items).toHaveLength(8);
    expect(items[0]).toMatchObject({ id: 1, url: "/anime/t0/", year: null, posterUrl: null });
    expect(teams).toEqual([{ id: 8, title: "Ліхтарик", url: "/dub-teams/likhtaryk-studio/" }]);
    expect(mapInstantSearch({ detail: "Not found." } as never)).toEqual({ items: [], teams: [], topics: [] });
  });

  it("maps the schedule's days", () => {
    const days = mapSchedule({
      days: [
        {
          date: "2026-11-27",
          weekday: 4,
          items: [
            {
              title: {
                id: 1,
                kind: "anime",
                title: "Ван-Піс",
                title_en: "One Piece",
                year: 1999,
                url: "/anime/one-piece/",
                poster_url: "",
              },
              episode: 1100,
              airs_at: "2026-11-27T18:00:00+02:00",
              dubs: [
                {
                  id: 3,
                  slug: "leleka",
                  title: "Лелека Даб",
                  logo_url: null,
                  url: "/dub-teams/leleka/",
                  expected_at: "2026-11-29T18:00:00+02:00",
                },
              ],
            },
          ],
        },
      ],
    });
    expect(days[0]?.weekday).toBe("П’ятниця");
    expect(days[0]?.items[0]).toMatchObject({
      episode: 1100,
      dubs: [
        {
          team: { id: 3, slug: "leleka", title: "Лелека Даб", url: "/dub-teams/leleka/" },
          expectedAt: "2026-11-29T18:00:00+02:00",
        },
      ],
    });
    expect(mapSchedule(null)).toEqual([]);
  });
});

describe("mapNeighbours", () => {
  it("reads previous/next from the page's own answer and formats chapter numbers", () => {
    const page: WagtailPage = {
      id: 182,
      meta: { type: "manga.ChapterPage" },
      title: "Розділ 2",
      previous: { id: 181, number: "1.50", title: "Romance Dawn", url: "/manga/one-piece-manga/1-5/" },
      next: null,
    };
    expect(mapNeighbours(page)).toEqual({
      previous: { id: 181, number: "1.5", title: "Romance Dawn", url: "/manga/one-piece-manga/1-5/" },
      next: null,
    });
  });

  it("treats a missing or broken neighbour as none", () => {
    const page: WagtailPage = { id: 14, meta: { type: "anime.EpisodePage" }, title: "", previous: { number: 1 } };
    expect(mapNeighbours(page)).toEqual({ previous: null, next: null });
  });
});

describe("children listings (pages/<id>/children/)", () => {
  const empty = { episodes: [], chapters: [], teams: [] };

  it("maps a title's episodes in number order, with the parent and the sources' teams", () => {
    const raw: RawPageChildren = {
      ...empty,
      parent: { id: 93, type: "anime.AnimePage", title: "Фрірен", url: "/anime/frieren/" },
      episodes: [
        { id: 201, number: 2, title: "Серія 2", url: "/anime/frieren/2/", air_date: null, duration: null, sources: [] },
        {
          id: 200,
          number: 1,
          title: "Кінець подорожі",
          url: "/anime/frieren/1/",
          air_date: "2023-09-29",
          duration: 1440,
          sources: [{ id: 1, dub_team: { id: 8, slug: "likhtaryk-studio", title: "Ліхтарик", logo_url: null, url: "/dub-teams/likhtaryk-studio/" }, language: "uk", kind: "hls", provider: "direct" }],
        },
      ],
    };
    const episodes = mapEpisodeList(raw);
    expect(episodes.map((episode) => episode.number)).toEqual([1, 2]);
    expect(episodes[0]).toMatchObject({
      id: 200,
      url: "/anime/frieren/1/",
      airDate: "2023-09-29",
      duration: 1440,
      parent: { id: 93, title: "Фрірен", url: "/anime/frieren/" },
    });
    expect(episodes[0]?.sources[0]?.dubTeam?.url).toBe("/dub-teams/likhtaryk-studio/");
  });

  it("maps chapters with a team or a team's name, and teams with their title count", () => {
    const raw: RawPageChildren = {
      ...empty,
      parent: { id: 5, type: "manga.MangaPage", title: "Берсерк", url: "/manga/berserk/" },
      chapters: [
        { id: 7, number: "10.50", volume: 2, title: "Розділ 10.5", language: "uk", url: "/manga/berserk/10-5/", translator: { id: 9, slug: "kit", title: "Кіт", logo_url: null, url: "/dub-teams/kit/" } },
        { id: 6, number: "3.00", volume: null, title: "Розділ 3", language: "uk", url: "/manga/berserk/3/", translator: "Lonely Scans" },
      ],
    };
    const chapters = mapChapterList(raw);
    expect(chapters.map((chapter) => [chapter.number, chapter.volume])).toEqual([["3", ""], ["10.5", "2"]]);
    expect(chapters[0]?.translatorName).toBe("Lonely Scans");
    expect(chapters[1]?.translator?.url).toBe("/dub-teams/kit/");

    const teams = mapTeamList({
      ...empty,
      parent: { id: 3, type: "dubbing.DubTeamIndexPage", title: "Команди", url: "/dub-teams/" },
      teams: [{ id: 8, slug: "likhtaryk-studio", title: "Ліхтарик", url: "/dub-teams/likhtaryk-studio/", logo_url: null, color: "#f80", title_count: 4 }],
    });
    expect(teams).toEqual([
      { id: 8, slug: "likhtaryk-studio", title: "Ліхтарик", url: "/dub-teams/likhtaryk-studio/", logoUrl: null, color: "#f80", titleCount: 4 },
    ]);
  });

  it("gives empty lists for a missing answer", () => {
    expect(mapEpisodeList(null)).toEqual([]);
    expect(mapChapterList(undefined)).toEqual([]);
    expect(mapTeamList(null)).toEqual([]);
  });
});
