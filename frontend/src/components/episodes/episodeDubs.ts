/** Groups an episode list by who voiced it: the dub teams (and original audio) with their episodes. */
import type { DubTeamRef, EpisodeSummary } from "@/lib/api/types";

export interface DubGroup {
  /** A team, or null for sources without a team (original audio, other languages). */
  team: DubTeamRef | null;
  language: string;
  episodes: EpisodeSummary[];
}

function groupKey(team: DubTeamRef | null, language: string): string {
  return team ? `team:${team.slug || team.title}` : `lang:${language}`;
}

/** Teams first (most episodes first), then team-less languages; episodes in number order. */
export function groupEpisodesByDub(episodes: EpisodeSummary[]): DubGroup[] {
  const groups = new Map<string, DubGroup>();
  for (const episode of [...episodes].sort((a, b) => a.number - b.number)) {
    for (const source of episode.sources) {
      const key = groupKey(source.dubTeam, source.language);
      const group = groups.get(key) ?? { team: source.dubTeam, language: source.language, episodes: [] };
      if (!group.episodes.includes(episode)) group.episodes.push(episode);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort(
    (a, b) => Number(b.team !== null) - Number(a.team !== null) || b.episodes.length - a.episodes.length,
  );
}

/** Distinct teams of one episode's sources. */
export function teamsOfEpisode(episode: EpisodeSummary): DubTeamRef[] {
  const teams = new Map<string, DubTeamRef>();
  for (const source of episode.sources) {
    if (source.dubTeam) teams.set(source.dubTeam.slug || source.dubTeam.title, source.dubTeam);
  }
  return [...teams.values()];
}
