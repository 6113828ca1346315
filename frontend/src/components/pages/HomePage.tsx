/** `catalog.HomePage`: new episodes, ongoing, popular and newly dubbed titles. */
import Link from "@/components/common/IntentLink";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import { FORUM_HOME, LatestForumTopics } from "@/components/forum/ForumLinks";
import ContinueWatching from "@/components/library/ContinueWatching";
import type { PageType, PageViewProps } from "@/components/pages/types";
import Poster from "@/components/titles/Poster";
import TitleGrid, { EAGER_POSTERS } from "@/components/titles/TitleGrid";
import { getLatestEpisodes, LATEST_EPISODES_MAX, onePerTitle } from "@/lib/api/episodes";
import { getLatestForumTopics } from "@/lib/api/forum";
import { str } from "@/lib/api/mappers";
import { homeRow } from "@/lib/api/titles";
import type { LatestEpisode, TitleListing, TitleSummary } from "@/lib/api/types";
import { SITE_NAME, SITE_TAGLINE } from "@/lib/config";
import { pageMetadata } from "@/lib/seo";
import ui from "@/components/common/ui.module.css";
import homeStyles from "@/components/pages/HomePage.module.css";
import cardsStyles from "@/components/titles/Cards.module.css";

const HOME_DESCRIPTION =
  "Дивіться аніме з українським озвученням і читайте манґу українською: нові серії, онґоїнги, " +
  "розклад виходу та команди фандабу.";

/** A failing row must not take the whole home page down: it is simply left out. */
async function rowOrEmpty(load: Promise<TitleListing>): Promise<TitleSummary[]> {
  try {
    return (await load).items;
  } catch (error) {
    console.warn("home row failed", error);
    return [];
  }
}

/** The twelve newest episodes, one per title; a failure leaves the section out. */
async function newEpisodes(): Promise<LatestEpisode[]> {
  try {
    // Read the API's maximum so that twelve distinct titles remain after de-duplication.
    return onePerTitle(await getLatestEpisodes(LATEST_EPISODES_MAX), 12);
  } catch (error) {
    console.warn("new episodes failed", error);
    return [];
  }
}

function Section(props: { id: string; title: string; more?: string; children: React.ReactNode }) {
  return (
    <section className={ui.section} aria-labelledby={props.id}>
      <div className={ui.sectionHead}>
        <h2 id={props.id}>{props.title}</h2>
        {props.more && (
          <Link href={props.more} className={ui.sectionMore}>
            Усі →
          </Link>
        )}
      </div>
      {props.children}
    </section>
  );
}

async function HomeView({ page }: PageViewProps) {
  const [episodes, ongoing, popular, dubbed, manga, forumTopics] = await Promise.all([
    newEpisodes(),
    rowOrEmpty(homeRow("anime", "-rating", { status: "ongoing" })),
    rowOrEmpty(homeRow("anime", "-rating")),
    rowOrEmpty(homeRow("anime", "-updated", { audio: "uk" })),
    rowOrEmpty(homeRow("manga", "-rating")),
    getLatestForumTopics(6),
  ]);
  // The home page's intro field often just repeats the tagline; then the longer text is shown.
  const intro = str(page.intro);
  const lead = intro && intro.toLowerCase() !== SITE_TAGLINE.toLowerCase() ? intro : HOME_DESCRIPTION;
  return (
    <>
      <section className={homeStyles.hero}>
        <h1>
          {SITE_NAME} — <span className={ui.accent}>{SITE_TAGLINE}</span>
        </h1>
        <p>{lead}</p>
        <div className={homeStyles.heroActions}>
          <Link href="/anime/" className={ui.button}>
            Каталог аніме
          </Link>
          <Link href="/schedule/" className={`${ui.button} ${ui.buttonGhost}`}>
            Розклад серій
          </Link>
        </div>
      </section>
      <ContinueWatching />
      {episodes.length > 0 && (
        <Section id="new-episodes" title="Нові серії" more="/anime/?order=-updated">
          <div className={cardsStyles.gridBox}>
            <ul className={`${cardsStyles.grid} ${cardsStyles.gridWhole}`} data-testid="title-grid">
              {episodes.map((episode, index) => (
                <li key={episode.id}>
                  <article className={cardsStyles.card} data-testid="card">
                    <Link href={episode.url} className={cardsStyles.cardLink}>
                      <div className={cardsStyles.cardPoster}>
                        <Poster
                          src={episode.titlePage.posterUrl}
                          title={episode.titlePage.title}
                          eager={index < EAGER_POSTERS}
                        />
                        <div className={cardsStyles.cardBadges}>
                          <span className={`${ui.badge} ${ui.badgeYellow}`}>Серія {episode.number}</span>
                        </div>
                      </div>
                      <h3 className={cardsStyles.cardTitle} data-testid="card-title">{episode.titlePage.title}</h3>
                    </Link>
                    <DubTeamChips teams={episode.dubTeams} linked={false} limit={2} />
                  </article>
                </li>
              ))}
            </ul>
          </div>
        </Section>
      )}
      {ongoing.length > 0 && (
        <Section id="ongoing" title="Виходять зараз" more="/anime/?status=ongoing">
          <TitleGrid titles={ongoing} wholeRows eager={episodes.length ? 0 : EAGER_POSTERS} />
        </Section>
      )}
      {popular.length > 0 && (
        <Section id="popular" title="Популярне" more="/anime/?order=-rating">
          <TitleGrid titles={popular} wholeRows />
        </Section>
      )}
      {dubbed.length > 0 && (
        <Section id="new-dubs" title="Нове українське озвучення" more="/anime/?audio=uk&order=-updated">
          <TitleGrid titles={dubbed} wholeRows />
        </Section>
      )}
      {manga.length > 0 && (
        <Section id="manga" title="Манґа українською" more="/manga/">
          <TitleGrid titles={manga} wholeRows />
        </Section>
      )}
      {forumTopics.length > 0 && (
        <section className={ui.section} aria-labelledby="forum-latest">
          <div className={ui.sectionHead}>
            <h2 id="forum-latest">Останнє на форумі</h2>
            {/* The forum is Django's: a full page load, not client navigation. */}
            <a href={FORUM_HOME} className={ui.sectionMore}>
              Форум →
            </a>
          </div>
          <LatestForumTopics topics={forumTopics} />
        </section>
      )}
    </>
  );
}

export const HomePageType: PageType = {
  View: HomeView,
  metadata: (page) => ({
    ...pageMetadata({
      title: `${SITE_NAME} — ${SITE_TAGLINE}`,
      description: str(page.meta.search_description) || HOME_DESCRIPTION,
      path: "/",
    }),
    title: { absolute: `${SITE_NAME} — ${SITE_TAGLINE}` },
  }),
};
