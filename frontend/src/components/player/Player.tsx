"use client";
/**
 * The watch page's player: loads `/api/playback/episodes/<id>/` (`usePlayback`), shows a spinner
 * or a retry while it cannot, then hands the answer to `LoadedPlayer` — which picks the dub
 * (remembered, else Ukrainian), plays HLS through our own controls or the provider's iframe in
 * the same frame, keeps the position across dub and quality switches, offers resume and the
 * next episode.
 */
import { useRouter } from "next/navigation";
import { PillButton } from "@/components/controls/ControlButton";
import LoadedPlayer from "./LoadedPlayer";
import { LoadingOverlay, MessageOverlay } from "./Overlays";
import styles from "./Player.module.css";
import { usePlayback } from "./usePlayback";

export default function Player({ episodeId }: { episodeId: number }) {
  const router = useRouter();
  const playback = usePlayback(episodeId);

  if (playback.status === "ready") {
    const { data } = playback;
    return <LoadedPlayer key={data.episode.id} data={data} onNavigate={(url) => router.push(url)} />;
  }
  return (
    <div className={styles.player} data-testid="player" aria-busy={playback.status === "loading" || undefined}>
      <div className={styles.frame}>
        {playback.status === "loading" ? (
          <LoadingOverlay />
        ) : (
          <MessageOverlay
            text={playback.message}
            action={<PillButton onClick={playback.retry}>Спробувати ще раз</PillButton>}
          />
        )}
      </div>
      {/* The dub bar's place, so the page below does not shift when the player loads. */}
      <div className={styles.bar} aria-hidden="true" />
    </div>
  );
}
