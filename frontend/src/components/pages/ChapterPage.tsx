/**
 * `manga.ChapterPage`: the reader, chapter details and navigation. The page's own API answer
 * carries its title page and previous/next chapter (same language); the pages themselves come
 * from the reader API in the browser (`components/reader`).
 */
import Link from "@/components/common/IntentLink";
import Breadcrumbs from "@/components/common/Breadcrumbs";
import { CommentSection } from "@/components/pages/islands";
import { DubTeamChip } from "@/components/dubbing/DubTeamChips";
import type { PageType, PageViewProps } from "@/components/pages/types";
import { Reader } from "@/components/pages/islands";
import { mapChapter, mapNeighbours, mapTitleDetail, num } from "@/lib/api/mappers";
import { getPage } from "@/lib/api/pages";
import type { ChapterSummary } from "@/lib/api/types";
import type { WagtailPage } from "@/lib/api/wagtail";
import { AUDIO_LABELS, formatDate, labelOf } from "@/lib/labels";
import { pageMetadata } from "@/lib/seo";
import styles from "@/components/pages/WatchPage.module.css";
import ui from "@/components/common/ui.module.css";

function chapterHeading(titleName: string, chapter: ChapterSummary): string {
  return `${titleName} — розділ ${chapter.number}`;
}

async function ChapterView({ page, path }: PageViewProps) {
  // Everything comes with the chapter's own answer: its title page and its neighbours.
  const chapter = mapChapter(page);
  const { previous, next } = mapNeighbours(page);
  const titleName = chapter.parent?.title ?? "";
  const titleUrl = chapter.parent?.url ?? "/manga/";
  const pageCount = num(page.page_count);
  const published = typeof page.meta.first_published_at === "string" ? page.meta.first_published_at : "";
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/manga/", label: "Манґа" },
          { href: titleUrl, label: titleName },
          { href: path, label: `Розділ ${chapter.number}` },
        ]}
      />
      <div >
        <h1>{chapterHeading(titleName, chapter)}</h1>
        {chapter.title && !/^розділ/i.test(chapter.title) && (
          <p className={styles.watchHeadSubtitle}>{chapter.title}</p>
        )}
      </div>
      <dl className={`${ui.facts} ${ui.factsInline}`}>
        {chapter.volume && (
          <div>
            <dt>Том</dt>
            <dd>{chapter.volume}</dd>
          </div>
        )}
        <div>
          <dt>Мова</dt>
          <dd>{labelOf(AUDIO_LABELS, chapter.language) || "—"}</dd>
        </div>
        {pageCount !== null && pageCount > 0 && (
          <div>
            <dt>Сторінок</dt>
            <dd>{pageCount}</dd>
          </div>
        )}
        {(chapter.translator || chapter.translatorName) && (
          <div>
            <dt>Переклад</dt>
            <dd>{chapter.translator ? <DubTeamChip team={chapter.translator} /> : chapter.translatorName}</dd>
          </div>
        )}
        {published && (
          <div>
            <dt>Додано</dt>
            <dd>{formatDate(published)}</dd>
          </div>
        )}
      </dl>
      <Reader key={chapter.id} chapterId={chapter.id} titleUrl={titleUrl} />
      <nav className={styles.episodeNav} aria-label="Навігація розділами">
        {previous ? (
          <Link href={previous.url} rel="prev" className={`${ui.button} ${ui.buttonGhost}`}>
            ← Розділ {previous.number}
          </Link>
        ) : (
          <span />
        )}
        <Link href={`${titleUrl}#chapters`} className={`${ui.button} ${ui.buttonGhost}`}>
          Усі розділи
        </Link>
        {next ? (
          <Link href={next.url} rel="next" className={ui.button}>
            Розділ {next.number} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <CommentSection pageId={page.id} />
    </>
  );
}

async function chapterMetadata(page: WagtailPage, path: string) {
  const chapter = mapChapter(page);
  const parent = chapter.parent ? await getPage(chapter.parent.id) : null;
  const title = parent ? mapTitleDetail(parent) : null;
  const titleName = title?.title ?? chapter.parent?.title ?? "";
  return pageMetadata({
    title: `${chapterHeading(titleName, chapter)} — читати українською`,
    description: `Читати розділ ${chapter.number} манґи «${titleName}» українською на AniHata.`,
    path,
    image: title?.posterUrl,
    type: "book",
  });
}

export const ChapterPageType: PageType = { View: ChapterView, metadata: chapterMetadata };
