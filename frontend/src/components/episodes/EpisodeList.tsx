/** The list of a title's episodes with air dates and the teams that voiced each one. */
import Link from "@/components/common/IntentLink";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import { teamsOfEpisode } from "@/components/episodes/episodeDubs";
import type { EpisodeSummary } from "@/lib/api/types";
import { formatDate } from "@/lib/labels";
import styles from "@/components/episodes/Episodes.module.css";

interface EpisodeListProps {
  episodes: EpisodeSummary[];
  currentId?: number;
}

export default function EpisodeList({ episodes, currentId }: EpisodeListProps) {
  return (
    <ol className={styles.episodeList}>
      {episodes.map((episode) => (
        <li key={episode.id} className={episode.id === currentId ? styles.isCurrent : undefined}>
          <Link
            href={episode.url}
            className={styles.episodeListLink}
            aria-current={episode.id === currentId ? "page" : undefined}
          >
            <span className={styles.episodeListNumber}>{episode.number}</span>
            <span className={styles.episodeListTitle}>
              {episode.title && !/^серія \d+$/i.test(episode.title)
                ? episode.title
                : `Серія ${episode.number}`}
            </span>
            {episode.airDate && (
              <time className={styles.episodeListDate} dateTime={episode.airDate}>
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
