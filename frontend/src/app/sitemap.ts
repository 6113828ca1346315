/** `/sitemap.xml` from the catalog: sections, every title and every dub team. */
import type { MetadataRoute } from "next";
import { mapDubTeamPage } from "@/lib/api/mappers";
import { getPagesOfType } from "@/lib/api/pages";
import { getTitles } from "@/lib/api/titles";
import type { TitleKind, TitleSummary } from "@/lib/api/types";
import { absoluteMediaUrl, absoluteUrl } from "@/lib/config";

// Built per request (its API reads are cached): the API is not reachable at build time.
export const dynamic = "force-dynamic";

const PAGE_SIZE = 100;
/** A sitemap file holds at most 50,000 URLs. */
const MAX_TITLES = 45_000;

async function allTitles(kind: TitleKind): Promise<TitleSummary[]> {
  const titles: TitleSummary[] = [];
  for (let page = 1; titles.length < MAX_TITLES; page++) {
    const listing = await getTitles(kind, { genre: [], page, order: "-updated" }, PAGE_SIZE);
    titles.push(...listing.items);
    if (listing.items.length < PAGE_SIZE || titles.length >= listing.total) break;
  }
  return titles;
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [anime, manga, teams] = await Promise.all([
    allTitles("anime"),
    allTitles("manga"),
    getPagesOfType("dubbing.DubTeamPage", { limit: PAGE_SIZE }).then((listing) =>
      listing.items.map(mapDubTeamPage),
    ),
  ]);
  const sections: MetadataRoute.Sitemap = ["/", "/anime/", "/manga/", "/schedule/", "/dub-teams/"].map(
    (path) => ({ url: absoluteUrl(path), changeFrequency: "daily", priority: path === "/" ? 1 : 0.8 }),
  );
  return [
    ...sections,
    ...[...anime, ...manga].map((title) => ({
      url: absoluteUrl(title.url),
      changeFrequency: "weekly" as const,
      priority: 0.7,
      ...(title.posterUrl ? { images: [absoluteMediaUrl(title.posterUrl)!] } : {}),
    })),
    ...teams.map((team) => ({ url: absoluteUrl(team.url), changeFrequency: "monthly" as const, priority: 0.4 })),
  ];
}
