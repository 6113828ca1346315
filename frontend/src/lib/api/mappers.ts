/**
 * Mappers from raw API JSON to the app's types. They are deliberately tolerant (missing or
 * oddly typed fields become empty values) so that a backend change degrades a card, not a page.
 */
import type {
  ChapterSummary,
  DubTeamCard,
  DubTeamDetail,
  DubTeamRef,
  EpisodeSummary,
  FacetName,
  FacetValue,
  Genre,
  InstantSearchItem,
  InstantSearchResult,
  InstantSearchTeam,
  InstantSearchTopic,
  LatestEpisode,
  NeighbourLink,
  Neighbours,
  ProfileUnlock,
  PublicProfile,
  ScheduleDay,
  SourceSummary,
  Studio,
  TitleDetail,
  TitleKind,
  TitleListing,
  TitleSummary,
} from "./types";
import { FACET_NAMES } from "./types";
import type {
  RawInstantSearch,
  RawLatestEpisodes,
  RawNamed,
  RawPageChildren,
  RawPublicProfile,
  RawSchedule,
  RawTitlesListing,
  WagtailPage,
  WagtailParentRef,
} from "./wagtail";

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "";
}

export function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Site path of a page: Wagtail's html_url is absolute (the Site's host), we want the path. */
export function pathOf(htmlUrl: unknown, fallback = "/"): string {
  const text = str(htmlUrl);
  if (!text) return fallback;
  try {
    const path = new URL(text, "http://placeholder").pathname;
    return path.endsWith("/") ? path : `${path}/`;
  } catch {
    return fallback;
  }
}

export function kindOfType(pageType: string): TitleKind {
  return pageType.startsWith("manga.") ? "manga" : "anime";
}

export function mapGenre(raw: unknown): Genre | null {
  if (!isRecord(raw)) return null;
  const slug = str(raw.slug);
  const name = str(raw.name) || str(raw.name_en) || slug;
  return slug || name ? { slug, name, nameEn: str(raw.name_en) } : null;
}

export function mapStudio(raw: unknown): Studio | null {
  if (!isRecord(raw)) return null;
  const name = str(raw.name) || str(raw.name_en) || str(raw.title);
  return name ? { slug: str(raw.slug), name } : null;
}

export function mapDubTeamRef(raw: unknown): DubTeamRef | null {
  if (!isRecord(raw)) return null;
  const team = raw as RawNamed & Raw;
  const slug = str(team.slug);
  const title = str(team.title) || str(team.name) || slug;
  if (!slug && !title) return null;
  const url = team.html_url || team.url;
  return {
    id: num(team.id),
    slug,
    title,
    url: url ? pathOf(url) : slug ? `/dub-teams/${slug}/` : "/dub-teams/",
    logoUrl: str(team.logo_url) || null,
  };
}

function compact<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}

function parentOf(raw: WagtailParentRef | null | undefined) {
  if (!raw || typeof raw.id !== "number") return null;
  return { id: raw.id, title: str(raw.title), url: pathOf(raw.meta?.html_url) };
}

/** A title card, from a `titles/` item or a full title page. */
export function mapTitleSummary(raw: WagtailPage): TitleSummary {
  const type = str(raw.meta?.type);
  const kind = kindOfType(type);
  return {
    id: raw.id,
    kind,
    url: pathOf(raw.meta?.html_url, `/${kind}/${str(raw.meta?.slug)}/`),
    title: str(raw.title),
    titleEn: str(raw.title_en),
    posterUrl: str(raw.poster_url) || null,
    year: num(raw.year),
    format: str(raw.format),
    status: str(raw.status),
    rating: num(raw.rating),
    genres: compact(list(raw.genres).map(mapGenre)),
    dubTeams: compact(list(raw.dub_teams).map(mapDubTeamRef)),
  };
}

export function mapTitleDetail(raw: WagtailPage): TitleDetail {
  return {
    ...mapTitleSummary(raw),
    pageType: str(raw.meta?.type),
    titleRomaji: str(raw.title_romaji),
    titleNative: str(raw.title_native),
    synonyms: list(raw.synonyms).map(str).filter(Boolean),
    descriptionHtml: str(raw.description),
    studios: compact(list(raw.studios).map(mapStudio)),
    startDate: str(raw.start_date) || null,
    endDate: str(raw.end_date) || null,
    season: str(raw.season),
    ageRating: str(raw.age_rating),
    externalScore: num(raw.external_score),
    ratingCount: num(raw.rating_count) ?? 0,
    episodesTotal: num(raw.episodes_total),
    episodeDuration: num(raw.episode_duration),
    nextEpisodeNumber: num(raw.next_episode_number),
    nextEpisodeAt: str(raw.next_episode_at) || null,
    chaptersTotal: num(raw.chapters_total),
    volumesTotal: num(raw.volumes_total),
    seoTitle: str(raw.meta?.seo_title),
    searchDescription: str(raw.meta?.search_description),
  };
}

/** A source's dub team may arrive as an object or as a bare page id. */
function mapSourceTeam(raw: unknown, teams: DubTeamRef[]): DubTeamRef | null {
  if (isRecord(raw)) return mapDubTeamRef(raw);
  const id = num(raw);
  return id === null ? null : (teams.find((team) => team.id === id) ?? null);
}

export function mapSource(raw: unknown, teams: DubTeamRef[] = []): SourceSummary | null {
  if (!isRecord(raw)) return null;
  return {
    id: num(raw.id) ?? 0,
    dubTeam: mapSourceTeam(raw.dub_team, teams),
    language: str(raw.language),
    kind: str(raw.kind),
    provider: str(raw.provider),
  };
}

export function mapEpisode(raw: WagtailPage, teams: DubTeamRef[] = []): EpisodeSummary {
  const number = num(raw.number) ?? 0;
  const parent = parentOf(raw.meta?.parent);
  return {
    id: raw.id,
    url: pathOf(raw.meta?.html_url, parent ? `${parent.url}${number}/` : "/"),
    number,
    title: str(raw.title),
    airDate: str(raw.air_date) || null,
    duration: num(raw.duration),
    sources: compact(list(raw.sources).map((source) => mapSource(source, teams))),
    parent,
  };
}

function mapLatestEpisode(raw: unknown): LatestEpisode | null {
  if (!isRecord(raw)) return null;
  const id = num(raw.id);
  const url = str(raw.url);
  const title = isRecord(raw.title_page) ? raw.title_page : {};
  if (id === null || !url) return null;
  return {
    id,
    url: pathOf(url),
    number: num(raw.number) ?? 0,
    title: str(raw.title),
    publishedAt: str(raw.published_at) || null,
    titlePage: {
      id: num(title.id) ?? 0,
      title: str(title.title),
      url: pathOf(title.url),
      posterUrl: str(title.poster_url) || null,
    },
    dubTeams: compact(list(raw.dub_teams).map(mapDubTeamRef)),
  };
}

/** `episodes/latest/`, newest first; items without an id or URL are dropped. */
export function mapLatestEpisodes(raw: RawLatestEpisodes | null | undefined): LatestEpisode[] {
  return isRecord(raw) ? compact(list(raw.items).map(mapLatestEpisode)) : [];
}

/** Chapter numbers are decimals ("10.50"): show them as people write them ("10.5"). */
export function chapterNumber(value: unknown): string {
  const text = str(value);
  return /^\d+\.\d+$/.test(text) ? text.replace(/\.?0+$/, "") : text;
}

export function mapChapter(raw: WagtailPage): ChapterSummary {
  return {
    id: raw.id,
    url: pathOf(raw.meta?.html_url),
    number: chapterNumber(raw.number),
    volume: str(raw.volume),
    title: str(raw.title),
    language: str(raw.language),
    // A team with a page here (DubTeamRef), or only its name (e.g. a MangaDex group).
    translator: mapDubTeamRef(raw.translator),
    translatorName: typeof raw.translator === "string" ? raw.translator : "",
    parent: parentOf(raw.meta?.parent),
  };
}

type ChildParent = EpisodeSummary["parent"];

/** The parent a `pages/<id>/children/` answer names, as the items' `parent`. */
function childrenParent(raw: RawPageChildren | null | undefined): ChildParent {
  const parent: unknown = isRecord(raw) ? raw.parent : null;
  if (!isRecord(parent)) return null;
  const id = num(parent.id);
  return id === null ? null : { id, title: str(parent.title), url: pathOf(parent.url) };
}

function childItems(raw: RawPageChildren | null | undefined, name: "episodes" | "chapters" | "teams") {
  return isRecord(raw) ? list(raw[name]).filter(isRecord) : [];
}

/** A title's episodes from its children listing, in number order. */
export function mapEpisodeList(
  raw: RawPageChildren | null | undefined,
  teams: DubTeamRef[] = [],
): EpisodeSummary[] {
  const parent = childrenParent(raw);
  return childItems(raw, "episodes")
    .map((item): EpisodeSummary => {
      const number = num(item.number) ?? 0;
      return {
        id: num(item.id) ?? 0,
        url: pathOf(item.url, parent ? `${parent.url}${number}/` : "/"),
        number,
        title: str(item.title),
        airDate: str(item.air_date) || null,
        duration: num(item.duration),
        sources: compact(list(item.sources).map((source) => mapSource(source, teams))),
        parent,
      };
    })
    .sort((a, b) => a.number - b.number);
}

/** A title's chapters from its children listing, in number order. */
export function mapChapterList(raw: RawPageChildren | null | undefined): ChapterSummary[] {
  const parent = childrenParent(raw);
  return childItems(raw, "chapters")
    .map(
      (item): ChapterSummary => ({
        id: num(item.id) ?? 0,
        url: pathOf(item.url),
        number: chapterNumber(item.number),
        volume: str(item.volume),
        title: str(item.title),
        language: str(item.language),
        translator: mapDubTeamRef(item.translator),
        translatorName: typeof item.translator === "string" ? item.translator : "",
        parent,
      }),
    )
    .sort((a, b) => Number(a.number) - Number(b.number));
}

/** The dub teams under the teams' page, from its children listing. */
export function mapTeamList(raw: RawPageChildren | null | undefined): DubTeamCard[] {
  return compact(
    childItems(raw, "teams").map((item) => {
      const ref = mapDubTeamRef(item);
      return ref && { ...ref, color: str(item.color), titleCount: num(item.title_count) ?? 0 };
    }),
  );
}

function mapNeighbour(raw: unknown): NeighbourLink | null {
  if (!isRecord(raw)) return null;
  const id = num(raw.id);
  const url = str(raw.url);
  if (id === null || !url) return null;
  return { id, number: chapterNumber(raw.number), title: str(raw.title), url: pathOf(url) };
}

/** An episode's or chapter's `previous` and `next`, answered with the page itself. */
export function mapNeighbours(raw: WagtailPage): Neighbours {
  return { previous: mapNeighbour(raw.previous), next: mapNeighbour(raw.next) };
}

function mapLink(raw: unknown): { label: string; url: string } | null {
  if (typeof raw === "string") return raw ? { label: raw, url: raw } : null;
  if (!isRecord(raw)) return null;
  const url = str(raw.url) || str(raw.href) || str(raw.value);
  return url ? { label: str(raw.label) || str(raw.title) || str(raw.name) || url, url } : null;
}

/** A title in a dub team's `titles` list ({id, title, kind, year, poster_url, url}). */
function mapTeamTitle(raw: unknown): TitleSummary | null {
  if (!isRecord(raw)) return null;
  const id = num(raw.id);
  if (id === null) return null;
  const kind: TitleKind = str(raw.kind) === "manga" ? "manga" : "anime";
  return {
    id,
    kind,
    url: pathOf(raw.url, `/${kind}/`),
    title: str(raw.title),
    titleEn: str(raw.title_en),
    posterUrl: str(raw.poster_url) || null,
    year: num(raw.year),
    format: str(raw.format),
    status: str(raw.status),
    rating: num(raw.rating),
    genres: [],
    dubTeams: [],
  };
}

export function mapDubTeamPage(raw: WagtailPage): DubTeamDetail {
  const slug = str(raw.meta?.slug);
  return {
    id: raw.id,
    slug,
    title: str(raw.title),
    url: pathOf(raw.meta?.html_url, `/dub-teams/${slug}/`),
    logoUrl: str(raw.logo_url) || null,
    descriptionHtml: str(raw.description),
    links: compact(list(raw.links).map(mapLink)),
    searchDescription: str(raw.meta?.search_description),
    founded: num(raw.founded),
    color: str(raw.color),
    titles: compact(list(raw.titles).map(mapTeamTitle)),
  };
}

function mapFacetValue(raw: unknown): FacetValue | null {
  if (!isRecord(raw)) return null;
  const value = str(raw.value);
  if (!value) return null;
  return { value, label: str(raw.label) || value, count: num(raw.count) ?? 0 };
}

export function mapTitleListing(raw: RawTitlesListing): TitleListing {
  const rawFacets = isRecord(raw.meta?.facets) ? raw.meta.facets : {};
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => [name, compact(list(rawFacets[name]).map(mapFacetValue))]),
  ) as Record<FacetName, FacetValue[]>;
  return {
    total: num(raw.meta?.total_count) ?? 0,
    items: list(raw.items)
      .filter((item): item is WagtailPage => isRecord(item) && typeof item.id === "number")
      .map(mapTitleSummary),
    facets,
  };
}

export function mapInstantTeam(raw: unknown): InstantSearchTeam | null {
  if (!isRecord(raw)) return null;
  const id = num(raw.id);
  const url = str(raw.url);
  return id === null || !url ? null : { id, title: str(raw.title), url: pathOf(url) };
}

export function mapInstantTopic(raw: unknown): InstantSearchTopic | null {
  if (!isRecord(raw)) return null;
  const id = num(raw.id);
  const url = str(raw.url);
  // Only forum paths: the option is opened with a full page load.
  if (id === null || !url.startsWith("/forum/")) return null;
  return { id, title: str(raw.title), url, forum: str(raw.forum) };
}

/** The header box's answer; anything unexpected becomes empty lists. */
export function mapInstantSearch(raw: RawInstantSearch | null | undefined): InstantSearchResult {
  if (!isRecord(raw)) return { items: [], teams: [], topics: [] };
  return {
    items: compact(list(raw.items).map(mapInstantItem)).slice(0, 8),
    teams: compact(list(raw.teams).map(mapInstantTeam)).slice(0, 5),
    topics: compact(list(raw.topics).map(mapInstantTopic)).slice(0, 5),
  };
}

export function mapInstantItem(raw: unknown): InstantSearchItem | null {
  if (!isRecord(raw)) return null;
  const id = num(raw.id);
  const url = str(raw.url);
  if (id === null || !url) return null;
  return {
    id,
    kind: str(raw.kind),
    title: str(raw.title),
    titleEn: str(raw.title_en),
    year: num(raw.year),
    posterUrl: str(raw.poster_url) || null,
    url: pathOf(url),
  };
}

const WEEKDAYS = ["Понеділок", "Вівторок", "Середа", "Четвер", "П’ятниця", "Субота", "Неділя"];

/** The API gives 0 = Monday … 6 = Sunday; a name is passed through. */
export function weekdayName(value: unknown): string {
  const index = num(value);
  if (index !== null) return WEEKDAYS[index] ?? "";
  return str(value);
}

export function mapSchedule(raw: RawSchedule | null | undefined): ScheduleDay[] {
  if (!isRecord(raw)) return [];
  return list(raw.days)
    .filter(isRecord)
    .map((day) => ({
      date: str(day.date),
      weekday: weekdayName(day.weekday),
      items: list(day.items)
        .filter(isRecord)
        .map((item) => {
          const title = isRecord(item.title) ? item.title : {};
          return {
            title: {
              id: num(title.id) ?? 0,
              title: str(title.title),
              url: pathOf(title.url),
              posterUrl: str(title.poster_url) || null,
            },
            episode: num(item.episode),
            airsAt: str(item.airs_at) || null,
            dubs: list(item.dubs).flatMap((dub) => {
              const team = mapDubTeamRef(dub);
              if (!team || !isRecord(dub)) return [];
              return [{ team, expectedAt: str(dub.expected_at) || null }];
            }),
          };
        }),
    }));
}

const PROFILE_UNLOCKS: readonly ProfileUnlock[] = ["avatar_frame", "profile_banner", "name_color", "title"];

/** `/api/users/<username>/` -> PublicProfile; unknown unlock names are dropped. */
export function mapPublicProfile(raw: RawPublicProfile): PublicProfile {
  const level: Raw = isRecord(raw.level) ? raw.level : {};
  return {
    username: str(raw.username),
    avatarUrl: str(raw.avatar_url) || null,
    joined: str(raw.date_joined),
    reputation: num(raw.reputation) ?? 0,
    level: { number: num(level.number) ?? 0, name: str(level.name) },
    unlocked: list(raw.unlocked).filter((item): item is ProfileUnlock =>
      PROFILE_UNLOCKS.includes(item as ProfileUnlock),
    ),
    roles: list(raw.roles)
      .filter(isRecord)
      .map((role) => ({ name: str(role.name), label: str(role.label), rank: num(role.rank) ?? 0 })),
  };
}
