import { describe, expect, it } from "vitest";
import type { EpisodeSummary, SourceSummary } from "@/lib/api/types";
import { groupEpisodesByDub, teamsOfEpisode } from "./episodeDubs";

const team = (slug: string) => ({ id: 1, slug, title: slug, url: `/dub-teams/${slug}/`, logoUrl: null });
const source = (slug: string | null, language = "uk"): SourceSummary => ({
  id: Math.random(),
  dubTeam: slug ? team(slug) : null,
  language,
  kind: "hls",
  provider: "direct",
});
const episode = (number: number, sources: SourceSummary[]): EpisodeSummary => ({
  id: number,
  url: `/anime/x/${number}/`,
  number,
  title: "",
  airDate: null,
  duration: null,
  sources,
  parent: null,
});

describe("groupEpisodesByDub", () => {
  it("lists teams by episode count, then original audio, episodes in order", () => {
    const groups = groupEpisodesByDub([
      episode(2, [source("a"), source("b"), source(null, "ja")]),
      episode(1, [source("a"), source("a")]),
    ]);
    expect(groups.map((group) => [group.team?.slug ?? group.language, group.episodes.map((e) => e.number)])).toEqual([
      ["a", [1, 2]],
      ["b", [2]],
      ["ja", [2]],
    ]);
  });

  it("gives distinct teams of one episode", () => {
    expect(teamsOfEpisode(episode(1, [source("a"), source("a"), source(null)])).map((t) => t.slug)).toEqual(["a"]);
  });
});
