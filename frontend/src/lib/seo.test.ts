import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mapTitleDetail } from "@/lib/api/mappers";
import { pageMetadata, plainText, titleJsonLd } from "./seo";

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
