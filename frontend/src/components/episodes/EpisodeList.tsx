/** The list of a title's episodes with air dates and the teams that voiced each one. */
import Link from "next/link";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import { teamsOfEpisode } from "@/components/episodes/episodeDubs";
import type { EpisodeSummary } from "@/lib/api/types";
import { formatDate } from "@/lib/labels";

interface EpisodeListProps {
  episodes: EpisodeSummary[];
  currentId?: number;
}

export default function EpisodeList({ episodes, currentId }: EpisodeListProps) {
  return (
    <ol className="episode-list">
      {episodes.map((episode) => (
        <li key={episode.id} className={episode.id === currentId ? "is-current" : undefined}>
          <Link
            href={episode.url}
            prefetch={false}
            className="episode-list__link"
            aria-current={episode.id === currentId ? "page" : undefined}
          >
            <span className="episode-list__number">{episode.number}</span>
            <span className="episode-list__title">
              {episode.title && !/^серія \d+$/i.test(episode.title)
                ? episode.title
                : `Серія ${episode.number}`}
            </span>
            {episode.airDate && (
              <time className="episode-list__date" dateTime={episode.airDate}>
                {formatDate(episode.airDate)}
              </time>
            )}
          </Link>
          <DubTeamChips teams={teamsOfEpisode(episode)} limit={3} />
        </li>
      ))}
    </ol>
  );
}
