/** Wagtail page type (`meta.type`) -> the component that renders it. */
import { AnimeIndexPageType, MangaIndexPageType } from "@/components/pages/CatalogIndexPage";
import { ChapterPageType } from "@/components/pages/ChapterPage";
import { DubTeamIndexPageType, DubTeamPageType } from "@/components/pages/DubTeamPages";
import { EpisodePageType } from "@/components/pages/EpisodePage";
import { HomePageType } from "@/components/pages/HomePage";
import { AnimePageType, MangaPageType } from "@/components/pages/TitlePages";
import type { PageType } from "@/components/pages/types";

export const PAGE_TYPES: Record<string, PageType> = {
  "catalog.HomePage": HomePageType,
  "anime.AnimeIndexPage": AnimeIndexPageType,
  "anime.AnimePage": AnimePageType,
  "anime.EpisodePage": EpisodePageType,
  "manga.MangaIndexPage": MangaIndexPageType,
  "manga.MangaPage": MangaPageType,
  "manga.ChapterPage": ChapterPageType,
  "dubbing.DubTeamIndexPage": DubTeamIndexPageType,
  "dubbing.DubTeamPage": DubTeamPageType,
};

export function pageTypeOf(type: string | undefined): PageType | undefined {
  return type ? PAGE_TYPES[type] : undefined;
}
