/**
 * `anime.EpisodePage`: the watch page — player, episode navigation (previous/next come with the
 * page's own API answer), this episode's dubs and the list of all episodes.
 */
import Link from "@/components/common/IntentLink";
import Breadcrumbs from "@/components/common/Breadcrumbs";
import { CommentSection } from "@/components/pages/islands";
import { DubTeamChip } from "@/components/dubbing/DubTeamChips";
import EpisodeList from "@/components/episodes/EpisodeList";
import type { PageType, PageViewProps } from "@/components/pages/types";
import { Player } from "@/components/pages/islands";
import JsonLd from "@/components/seo/JsonLd";
import { mapEpisode, mapEpisodeList, mapNeighbours, mapTitleDetail } from "@/lib/api/mappers";
import { getChildren, getPage } from "@/lib/api/pages";
import type { EpisodeSummary } from "@/lib/api/types";
import type { WagtailPage } from "@/lib/api/wagtail";
import { AUDIO_LABELS, formatDate, labelOf } from "@/lib/labels";
import { episodeJsonLd, pageMetadata } from "@/lib/seo";
import watchStyles from "@/components/pages/WatchPage.module.css";
import ui from "@/components/common/ui.module.css";
import episodesStyles from "@/components/episodes/Episodes.module.css";
import dubbingStyles from "@/components/dubbing/Dubbing.module.css";

function episodeHeading(titleName: string, episode: EpisodeSummary): string {
  return `${titleName} — серія ${episode.number}`;
}

function hasOwnName(episode: EpisodeSummary): boolean {
  return Boolean(episode.title) && !/^серія \d+$/i.test(episode.title);
}

async function EpisodeView({ page, path }: PageViewProps) {
  const parentId = page.meta.parent?.id;
  const parent = parentId ? await getPage(parentId) : null;
  const title = parent ? mapTitleDetail(parent) : null;
  const episode = mapEpisode(page, title?.dubTeams ?? []);
  const siblings = parentId
    ? mapEpisodeList(await getChildren(parentId), title?.dubTeams ?? [])
    : [episode];
  const { previous, next } = mapNeighbours(page);
  const titleName = title?.title ?? episode.parent?.title ?? "";
  const titleUrl = title?.url ?? episode.parent?.url ?? "/anime/";
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/anime/", label: "Аніме" },
          { href: titleUrl, label: titleName },
          { href: path, label: `Серія ${episode.number}` },
        ]}
      />
      <div >
        <h1>{episodeHeading(titleName, episode)}</h1>
        {hasOwnName(episode) && <p className={watchStyles.watchHeadSubtitle}>{episode.title}</p>}
        {episode.airDate && (
          <p className={ui.muted}>
            Вийшла <time dateTime={episode.airDate}>{formatDate(episode.airDate)}</time>
          </p>
        )}
      </div>
      <div className={watchStyles.playerSlot} data-testid="player-slot">
        <Player episodeId={episode.id} />
      </div>
      <nav className={watchStyles.episodeNav} aria-label="Навігація серіями">
        {previous ? (
          <Link href={previous.url} rel="prev" className={`${ui.button} ${ui.buttonGhost}`}>
            ← Серія {previous.number}
          </Link>
        ) : (
          <span />
        )}
        <Link href={`${titleUrl}#episodes`} className={`${ui.button} ${ui.buttonGhost}`}>
          Усі серії
        </Link>
        {next ? (
          <Link href={next.url} rel="next" className={ui.button}>
            Серія {next.number} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <section className={ui.section} aria-labelledby="episode-dubs">
        <h2 id="episode-dubs">Озвучення цієї серії</h2>
        {episode.sources.length > 0 ? (
          <ul className={episodesStyles.dubGroups}>
            {episode.sources.map((source) => (
              <li key={source.id} className={`${episodesStyles.dubGroup} ${episodesStyles.dubGroupRow}`}>
                {source.dubTeam ? (
                  <DubTeamChip team={source.dubTeam} />
                ) : (
                  <span className={dubbingStyles.dubChip}>Оригінал</span>
                )}
                <span className={ui.muted}>{labelOf(AUDIO_LABELS, source.language)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className={ui.muted}>Для цієї серії ще немає доступних джерел.</p>
        )}
      </section>
      <JsonLd data={episodeJsonLd(episode, title)} />
      {siblings.length > 1 && (
        <section className={ui.section} aria-labelledby="all-episodes">
          <h2 id="all-episodes">Усі серії</h2>
          <EpisodeList episodes={siblings} currentId={episode.id} />
        </section>
      )}
      <CommentSection pageId={page.id} />
    </>
  );
}

async function episodeMetadata(page: WagtailPage, path: string) {
  const parentId = page.meta.parent?.id;
  const parent = parentId ? await getPage(parentId) : null;
  const title = parent ? mapTitleDetail(parent) : null;
  const episode = mapEpisode(page);
  const titleName = title?.title ?? episode.parent?.title ?? "";
  return pageMetadata({
    title: `${episodeHeading(titleName, episode)} — дивитися українською`,
    description:
      `Дивитися ${episode.number} серію «${titleName}» онлайн з українським озвученням` +
      (hasOwnName(episode) ? `: «${episode.title}».` : "."),
    path,
    image: title?.posterUrl,
    type: "video.episode",
  });
}

export const EpisodePageType: PageType = { View: EpisodeView, metadata: episodeMetadata };
