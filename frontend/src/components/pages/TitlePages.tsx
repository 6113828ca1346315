/** `anime.AnimePage` and `manga.MangaPage`: the title page with episodes or chapters. */
import Link from "@/components/common/IntentLink";
import Breadcrumbs from "@/components/common/Breadcrumbs";
import { CommentSection } from "@/components/pages/islands";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import EpisodeBrowser from "@/components/episodes/EpisodeBrowser";
import { TitleTopicLink } from "@/components/forum/ForumLinks";
import SubscribeButtons from "@/components/library/SubscribeButtons";
import type { PageType, PageViewProps } from "@/components/pages/types";
import JsonLd from "@/components/seo/JsonLd";
import Description from "@/components/titles/Description";
import TitleHero from "@/components/titles/TitleHero";
import ChapterList from "@/components/reader/ChapterList";
import { getTitleTopic } from "@/lib/api/forum";
import { mapChapterList, mapEpisodeList, mapTitleDetail } from "@/lib/api/mappers";
import { getChildren } from "@/lib/api/pages";
import type { TitleDetail } from "@/lib/api/types";
import type { WagtailPage } from "@/lib/api/wagtail";
import {
  CHAPTER_FORMS,
  EPISODE_FORMS,
  FORMAT_LABELS,
  countLabel,
  formatDate,
  labelOf,
} from "@/lib/labels";
import { pageMetadata, plainText, titleJsonLd } from "@/lib/seo";
import ui from "@/components/common/ui.module.css";

const KIND_NAMES = { anime: "Аніме", manga: "Манґа" } as const;

function titleDescription(title: TitleDetail): string {
  const fallback =
    title.kind === "manga"
      ? `Читати «${title.title}» українською на AniHata.`
      : `Дивитися «${title.title}» з українським озвученням на AniHata.`;
  return title.searchDescription || plainText(title.descriptionHtml) || fallback;
}

function titleMetadata(page: WagtailPage, path: string) {
  const title = mapTitleDetail(page);
  const year = title.year ? ` (${title.year})` : "";
  return pageMetadata({
    title: title.seoTitle || `${title.title}${year} — ${labelOf(FORMAT_LABELS, title.format) || KIND_NAMES[title.kind]}`,
    description: titleDescription(title),
    path,
    image: title.posterUrl,
    type: title.kind === "manga" ? "book" : "video.tv_show",
  });
}

async function AnimeView({ page, path }: PageViewProps) {
  const title = mapTitleDetail(page);
  const [children, topic] = await Promise.all([getChildren(page.id), getTitleTopic(page.id)]);
  const episodes = mapEpisodeList(children, title.dubTeams);
  const first = episodes[0];
  const episodesFact = [
    episodes.length ? `${episodes.length}` : "",
    title.episodesTotal ? `з ${title.episodesTotal}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <Breadcrumbs items={[{ href: "/anime/", label: "Аніме" }, { href: path, label: title.title }]} />
      <TitleHero
        title={title}
        extraFacts={[
          { label: "Серії", value: episodesFact },
          {
            label: "Тривалість серії",
            value: title.episodeDuration ? `${title.episodeDuration} хв` : "",
          },
          {
            label: "Наступна серія",
            value:
              title.nextEpisodeNumber && title.nextEpisodeAt
                ? `Серія ${title.nextEpisodeNumber}, ${formatDate(title.nextEpisodeAt)}`
                : "",
          },
          {
            label: "Озвучення",
            value: title.dubTeams.length > 0 && <DubTeamChips teams={title.dubTeams} />,
          },
        ]}
        action={
          first ? (
            <Link href={first.url} className={`${ui.button} ${ui.buttonBig}`}>
              ▶ Дивитися: серія {first.number}
            </Link>
          ) : null
        }
      />
      <section className={ui.section} aria-labelledby="about">
        <h2 id="about">Опис</h2>
        <Description html={title.descriptionHtml} />
      </section>
      <section className={ui.section} aria-labelledby="episodes">
        <h2 id="episodes">
          Серії <span className={ui.muted}>{countLabel(episodes.length, EPISODE_FORMS)}</span>
        </h2>
        <SubscribeButtons
          titleId={title.id}
          teams={title.dubTeams.flatMap((team) => (team.id === null ? [] : [{ id: team.id, title: team.title }]))}
        />
        {episodes.length > 0 ? (
          <EpisodeBrowser episodes={episodes} />
        ) : (
          <p className={ui.muted}>Серій поки немає.</p>
        )}
      </section>
      {topic && <TitleTopicLink topic={topic} />}
      <CommentSection pageId={page.id} />
      <JsonLd data={titleJsonLd(title)} />
    </>
  );
}

async function MangaView({ page, path }: PageViewProps) {
  const title = mapTitleDetail(page);
  const [children, topic] = await Promise.all([getChildren(page.id), getTitleTopic(page.id)]);
  const chapters = mapChapterList(children);
  const first = chapters[0];
  return (
    <>
      <Breadcrumbs items={[{ href: "/manga/", label: "Манґа" }, { href: path, label: title.title }]} />
      <TitleHero
        title={title}
        extraFacts={[
          { label: "Томи", value: title.volumesTotal ? String(title.volumesTotal) : "" },
          {
            label: "Розділи",
            value: chapters.length
              ? `${chapters.length}${title.chaptersTotal ? ` з ${title.chaptersTotal}` : ""}`
              : "",
          },
          {
            label: "Переклад",
            value: title.dubTeams.length > 0 && <DubTeamChips teams={title.dubTeams} />,
          },
        ]}
        action={
          first ? (
            <Link href={first.url} className={`${ui.button} ${ui.buttonBig}`}>
              Читати: розділ {first.number}
            </Link>
          ) : null
        }
      />
      <section className={ui.section} aria-labelledby="about">
        <h2 id="about">Опис</h2>
        <Description html={title.descriptionHtml} />
      </section>
      <section className={ui.section} aria-labelledby="chapters">
        <h2 id="chapters">
          Розділи <span className={ui.muted}>{countLabel(chapters.length, CHAPTER_FORMS)}</span>
        </h2>
        {chapters.length > 0 ? (
          <ChapterList titleId={title.id} chapters={chapters} />
        ) : (
          <p className={ui.muted}>Розділів поки немає.</p>
        )}
      </section>
      {topic && <TitleTopicLink topic={topic} />}
      <CommentSection pageId={page.id} />
      <JsonLd data={titleJsonLd(title)} />
    </>
  );
}

export const AnimePageType: PageType = { View: AnimeView, metadata: titleMetadata };
export const MangaPageType: PageType = { View: MangaView, metadata: titleMetadata };
