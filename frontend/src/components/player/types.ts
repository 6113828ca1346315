/** The body of `GET /api/playback/episodes/<id>/` (see DESIGN.md, "API"). */

export type SourceKind = "hls" | "file" | "iframe" | "unavailable";
export type Language = "uk" | "ja" | "en";

export interface Quality {
  label: string;
  height: number | null;
  url: string;
}

export interface Subtitle {
  lang: string;
  label: string;
  url: string;
}

export interface PlaybackSource {
  id: number;
  provider: string;
  kind: SourceKind;
  url: string | null;
  qualities: Quality[];
  subtitles: Subtitle[];
  iframe_url: string | null;
  message: string | null;
}

export interface PlaybackGroup {
  language: Language;
  dub_team: { id: number; slug: string; title: string } | null;
  sources: PlaybackSource[];
}

export interface Marks {
  start: number;
  end: number;
}

export interface EpisodeLink {
  id: number;
  number: number;
  url: string;
}

export interface PlaybackData {
  episode: {
    id: number;
    number: number;
    title: string;
    intro: Marks | null;
    outro: Marks | null;
  };
  previous: EpisodeLink | null;
  next: EpisodeLink | null;
  groups: PlaybackGroup[];
}
