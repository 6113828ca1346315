import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mapEpisode, mapTitleDetail } from "@/lib/api/mappers";
import { episodeJsonLd, pageMetadata, plainText, titleJsonLd } from "./seo";

describe("plainText", () => {
  it("strips tags and entities and cuts on a word boundary", () => {
    expect(plainText("<p>Агов,&nbsp;<b>світ</b> &amp; друзі</p>")).toBe("Агов, світ & друзі");
    const long = plainText(`<p>${"слово ".repeat(100)}</p>`, 50);
    expect(long.length).toBeLessThanOrEqual(51);
    expect(long.endsWith("слово…")).toBe(true);
  });
});

beforeEach(() => vi.stubEnv("FRONTEND_URL", "https://anihata.example"));
afterEach(() => vi.unstubAllEnvs());

describe("metadata", () => {
  it("sets canonical, OpenGraph image and description", () => {
    const metadata = pageMetadata({ title: "Т", description: "Опис", path: "/anime/x/", image: "/media/p.svg" });
    expect(metadata.alternates?.canonical).toBe("https://anihata.example/anime/x/");
    expect(metadata.openGraph).toMatchObject({ url: "https://anihata.example/anime/x/", images: [{ url: "/media/p.svg" }] });
  });

  it("describes anime as TVSeries and manga as Book", () => {
    const base = {
      id: 1,
      title: "Берсерк",
      meta: { type: "manga.MangaPage", html_url: "/manga/berserk/" },
      poster_url: "/media/berserk.svg",
    };
    const book = titleJsonLd(mapTitleDetail(base));
    expect(book["@type"]).toBe("Book");
    expect(book.image).toBe("https://anihata.example/media/berserk.svg");
    const anime = titleJsonLd(mapTitleDetail({ ...base, meta: { type: "anime.AnimePage" }, rating: 8.5, rating_count: 4 }));
    expect(anime["@type"]).toBe("TVSeries");
    expect(anime.aggregateRating).toMatchObject({ ratingValue: 8.5, ratingCount: 4 });
  });
});

describe("episodeJsonLd", () => {
  it("links the episode to its series", () => {
    const title = mapTitleDetail({ id: 1, title: "Фрірен", meta: { type: "anime.AnimePage", html_url: "/anime/frieren/" } });
    const episode = mapEpisode({
      id: 2,
      title: "Серія 3",
      number: 3,
      duration: 1440,
      meta: { type: "anime.EpisodePage", html_url: "/anime/frieren/3/" },
    });
    expect(episodeJsonLd(episode, title)).toMatchObject({
      "@type": "TVEpisode",
      episodeNumber: 3,
      url: "https://anihata.example/anime/frieren/3/",
      timeRequired: "PT24M",
      partOfSeries: { "@type": "TVSeries", name: "Фрірен", url: "https://anihata.example/anime/frieren/" },
    });
  });
});
