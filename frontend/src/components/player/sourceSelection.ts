/**
 * Pure choices of the player: which dub to open, which stream of a source to load and which
 * per-quality playlist matches the remembered quality.
 */
import type { Language, PlaybackData, PlaybackSource, Quality } from "@/lib/api/playback";

export const LANGUAGE_LABELS: Record<Language, string> = {
  uk: "Українська",
  ja: "Японська",
  en: "Англійська",
};

/** One entry of the dub menu: a language + team, with the source we will play for it. */
export interface DubOption {
  key: string;
  label: string;
  language: Language;
  source: PlaybackSource;
}

/** The stream the engine loads: a master playlist, one of per-quality URLs, or no video. */
export type Stream =
  | { mode: "hls"; url: string }
  | { mode: "file"; url: string }
  | { mode: "iframe"; url: string }
  | { mode: "unavailable"; message: string };

export const UNAVAILABLE_MESSAGE =
  "Це відео зараз недоступне. Спробуйте іншу озвучку або зазирніть пізніше.";
export const NO_SOURCES_MESSAGE = "Для цієї серії ще немає відео. Ми додамо його, щойно з'явиться.";

export function dubKey(language: Language, teamSlug: string | null): string {
  return `${language}:${teamSlug ?? "original"}`;
}

/** Sources in order of preference within a group: playable HLS first, iframes, then the rest. */
function rank(source: PlaybackSource): number {
  return { hls: 0, file: 1, iframe: 2, unavailable: 3 }[source.kind];
}

export function dubOptions(data: PlaybackData): DubOption[] {
  return data.groups.flatMap((group) => {
    const [source] = [...group.sources].sort((a, b) => rank(a) - rank(b));
    if (!source) return [];
    const team = group.dub_team;
    const label = team
      ? team.title
      : `${LANGUAGE_LABELS[group.language] ?? group.language} (оригінал)`;
    return [{ key: dubKey(group.language, team?.slug ?? null), label, language: group.language, source }];
  });
}

/** The remembered dub when this episode has it; otherwise a Ukrainian dub; otherwise the first. */
export function chooseDub(options: DubOption[], rememberedKey: string | null): DubOption | null {
  const playable = options.filter((o) => o.source.kind !== "unavailable");
  const pool = playable.length ? playable : options;
  return (
    pool.find((o) => o.key === rememberedKey) ??
    pool.find((o) => o.language === "uk") ??
    pool[0] ??
    null
  );
}

/** Per-quality playlists are listed best first; pick the remembered height or the nearest below. */
export function pickQuality(qualities: Quality[], preferredHeight: number | null): number {
  if (!qualities.length) return -1;
  if (preferredHeight == null) return 0;
  const exact = qualities.findIndex((q) => q.height === preferredHeight);
  if (exact >= 0) return exact;
  const below = qualities.findIndex((q) => q.height != null && q.height < preferredHeight);
  return below >= 0 ? below : qualities.length - 1;
}

/** What to load for a source; `qualityIndex` selects among per-quality URLs. */
export function streamFor(source: PlaybackSource, qualityIndex: number): Stream {
  if (source.kind === "iframe" && source.iframe_url) return { mode: "iframe", url: source.iframe_url };
  if (source.kind === "hls" || source.kind === "file") {
    const url = source.url ?? source.qualities[Math.max(0, qualityIndex)]?.url;
    if (url) return { mode: source.kind, url };
  }
  return { mode: "unavailable", message: source.message || UNAVAILABLE_MESSAGE };
}

/** The mark the viewer is inside of (to offer "skip"), or null. */
export function activeMark(
  time: number,
  marks: { intro: { start: number; end: number } | null; outro: { start: number; end: number } | null },
): "intro" | "outro" | null {
  if (marks.intro && time >= marks.intro.start && time < marks.intro.end - 0.5) return "intro";
  if (marks.outro && time >= marks.outro.start && time < marks.outro.end - 0.5) return "outro";
  return null;
}
