/** "Who voiced what": each dub team (or original audio) with links to its episodes. */
import Link from "next/link";
import { DubTeamChip } from "@/components/dubbing/DubTeamChips";
import type { DubGroup } from "@/components/episodes/episodeDubs";
import { AUDIO_LABELS, EPISODE_FORMS, countLabel, labelOf } from "@/lib/labels";

export default function DubGroups({ groups }: { groups: DubGroup[] }) {
  if (groups.length === 0) {
    return <p className="muted">Озвучення ще немає: серії з’являться, щойно команди їх додадуть.</p>;
  }
  return (
    <ul className="dub-groups">
      {groups.map((group) => (
        <li key={group.team ? `t-${group.team.slug}` : `l-${group.language}`} className="dub-group">
          <div className="dub-group__head">
            {group.team ? (
              <DubTeamChip team={group.team} />
            ) : (
              <span className="dub-chip">Оригінал: {labelOf(AUDIO_LABELS, group.language)}</span>
            )}
            <span className="muted">{countLabel(group.episodes.length, EPISODE_FORMS)}</span>
          </div>
          <ul className="number-list" aria-label="Серії">
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
