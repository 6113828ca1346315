/** The app's own data types: what components receive after the mappers reshape API JSON. */

export type TitleKind = "anime" | "manga";

export interface Genre {
  slug: string;
  name: string;
  nameEn: string;
}

export interface Studio {
  slug: string;
  name: string;
}

export interface DubTeamRef {
  id: number | null;
  slug: string;
  title: string;
  url: string;
  logoUrl: string | null;
}

export interface TitleSummary {
  id: number;
  kind: TitleKind;
  url: string;
  title: string;
  titleEn: string;
  posterUrl: string | null;
  year: number | null;
  format: string;
  status: string;
  rating: number | null;
  genres: Genre[];
  dubTeams: DubTeamRef[];
}

export interface TitleDetail extends TitleSummary {
  pageType: string;
  titleRomaji: string;
  titleNative: string;
  synonyms: string[];
  descriptionHtml: string;
  studios: Studio[];
  startDate: string | null;
  endDate: string | null;
  season: string;
  ageRating: string;
  externalScore: number | null;
  ratingCount: number;
  episodesTotal: number | null;
  episodeDuration: number | null;
  nextEpisodeNumber: number | null;
  nextEpisodeAt: string | null;
  chaptersTotal: number | null;
  volumesTotal: number | null;
  seoTitle: string;
  searchDescription: string;
}

export interface SourceSummary {
  id: number;
  dubTeam: DubTeamRef | null;
  language: string;
  kind: string;
  provider: string;
}

export interface EpisodeSummary {
  id: number;
  url: string;
  number: number;
  title: string;
  airDate: string | null;
  duration: number | null;
  sources: SourceSummary[];
  parent: { id: number; title: string; url: string } | null;
}

/** An item of `episodes/latest/`: a new episode with its title and the teams voicing it. */
export interface LatestEpisode {
  id: number;
  url: string;
  number: number;
  title: string;
  publishedAt: string | null;
  titlePage: { id: number; title: string; url: string; posterUrl: string | null };
  dubTeams: DubTeamRef[];
}

/** The episode or chapter before/after a page (`previous`/`next` of the pages API). */
export interface NeighbourLink {
  id: number;
  /** As people write it: "3", "10.5". */
  number: string;
  title: string;
  url: string;
}

export interface Neighbours {
  previous: NeighbourLink | null;
  next: NeighbourLink | null;
}

export interface ChapterSummary {
  id: number;
  url: string;
  number: string;
  volume: string;
  title: string;
  language: string;
  translator: DubTeamRef | null;
  /** The translating team's name when it has no page here. */
  translatorName: string;
  parent: { id: number; title: string; url: string } | null;
}

/** A team's card on the teams' page (`pages/<id>/children/`). */
export interface DubTeamCard extends DubTeamRef {
  color: string;
  titleCount: number;
}

export interface DubTeamDetail extends DubTeamRef {
  descriptionHtml: string;
  links: { label: string; url: string }[];
  searchDescription: string;
  founded: number | null;
  color: string;
  titles: TitleSummary[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export const FACET_NAMES = [
  "genre",
  "studio",
  "year",
  "season",
  "status",
  "format",
  "dub_team",
  "audio",
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface TitleListing {
  total: number;
  items: TitleSummary[];
  facets: Record<FacetName, FacetValue[]>;
}

export interface InstantSearchItem {
  id: number;
  kind: string;
  title: string;
  titleEn: string;
  year: number | null;
  posterUrl: string | null;
  url: string;
}

export interface InstantSearchTeam {
  id: number;
  title: string;
  url: string;
}

/** A forum topic (Django renders the forum: open it with a full page load). */
export interface InstantSearchTopic {
  id: number;
  title: string;
  url: string;
  forum: string;
}

export interface InstantSearchResult {
  items: InstantSearchItem[];
  teams: InstantSearchTeam[];
  topics: InstantSearchTopic[];
}

export interface ScheduleItem {
  title: { id: number; title: string; url: string; posterUrl: string | null };
  episode: number | null;
  airsAt: string | null;
  /** Each team voicing the title, with when its dub is expected (its usual delay), if known. */
  dubs: { team: DubTeamRef; expectedAt: string | null }[];
}

export interface ScheduleDay {
  date: string;
  /** Ukrainian day name ("Четвер"). */
  weekday: string;
  items: ScheduleItem[];
}

/** Profile customisation a reputation level unlocks (`unlocked` in the users API). */
export type ProfileUnlock = "avatar_frame" | "profile_banner" | "name_color" | "title";

/** A user's public profile (`/api/users/<username>/`): public fields only. */
export interface PublicProfile {
  username: string;
  avatarUrl: string | null;
  joined: string;
  reputation: number;
  level: { number: number; name: string };
  unlocked: ProfileUnlock[];
  roles: { name: string; label: string; rank: number }[];
}
