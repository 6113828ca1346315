"use client";
/**
 * The title page's one episode list: a dub picker (every team, or the original audio, with its
 * episode count) above the list of episodes, each with the teams that voiced it. Picking a dub
 * narrows the list to the episodes it has; nothing is loaded from a provider here.
 */
import { useState } from "react";
import { DubTeamChip } from "@/components/dubbing/DubTeamChips";
import EpisodeList from "@/components/episodes/EpisodeList";
import { groupEpisodesByDub } from "@/components/episodes/episodeDubs";
import type { EpisodeSummary } from "@/lib/api/types";
import { AUDIO_LABELS, labelOf } from "@/lib/labels";
import ui from "@/components/common/ui.module.css";
import styles from "@/components/episodes/Episodes.module.css";

export default function EpisodeBrowser({ episodes }: { episodes: EpisodeSummary[] }) {
  const groups = groupEpisodesByDub(episodes);
  const [picked, setPicked] = useState<number | null>(null);
  const shown = picked === null ? episodes : (groups[picked]?.episodes ?? episodes);
  return (
    <>
      {groups.length > 0 ? (
        <div className={styles.dubPicker} role="group" aria-label="Озвучення" data-testid="dub-picker">
          <button
            type="button"
            className={styles.dubPickerOption}
            aria-pressed={picked === null}
            onClick={() => setPicked(null)}
          >
            Усі <span className={ui.muted}>{episodes.length}</span>
          </button>
          {groups.map((group, index) => (
            <button
              key={group.team ? `t-${group.team.slug}` : `l-${group.language}`}
              type="button"
              className={styles.dubPickerOption}
              aria-pressed={picked === index}
              onClick={() => setPicked(index)}
            >
              {group.team ? (
                <DubTeamChip team={group.team} linked={false} />
              ) : (
                <span>Оригінал: {labelOf(AUDIO_LABELS, group.language)}</span>
              )}{" "}
              <span className={ui.muted}>{group.episodes.length}</span>
            </button>
          ))}
        </div>
      ) : (
        <p className={ui.muted}>Озвучення ще немає: серії з’являться, щойно команди їх додадуть.</p>
      )}
      <EpisodeList episodes={shown} />
    </>
  );
}
