/** "Who voiced what": each dub team (or original audio) with links to its episodes. */
import Link from "next/link";
import { DubTeamChip } from "@/components/dubbing/DubTeamChips";
import type { DubGroup } from "@/components/episodes/episodeDubs";
import { AUDIO_LABELS, EPISODE_FORMS, countLabel, labelOf } from "@/lib/labels";
import ui from "@/components/common/ui.module.css";
import episodesStyles from "@/components/episodes/Episodes.module.css";
import dubbingStyles from "@/components/dubbing/Dubbing.module.css";

export default function DubGroups({ groups }: { groups: DubGroup[] }) {
  if (groups.length === 0) {
    return <p className={ui.muted}>Озвучення ще немає: серії з’являться, щойно команди їх додадуть.</p>;
  }
  return (
    <ul className={episodesStyles.dubGroups}>
      {groups.map((group) => (
        <li key={group.team ? `t-${group.team.slug}` : `l-${group.language}`} className={episodesStyles.dubGroup}>
          <div className={episodesStyles.dubGroupHead}>
            {group.team ? (
              <DubTeamChip team={group.team} />
            ) : (
              <span className={dubbingStyles.dubChip}>Оригінал: {labelOf(AUDIO_LABELS, group.language)}</span>
            )}
            <span className={ui.muted}>{countLabel(group.episodes.length, EPISODE_FORMS)}</span>
          </div>
          <ul className={episodesStyles.numberList} aria-label="Серії">
            {group.episodes.map((episode) => (
              <li key={episode.id}>
                <Link href={episode.url} prefetch={false} aria-label={`Серія ${episode.number}`}>
                  {episode.number}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
