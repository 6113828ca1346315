/** `catalog.HomePage`: new episodes, ongoing, popular and newly dubbed titles. */
import Link from "next/link";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import type { PageType, PageViewProps } from "@/components/pages/types";
import Poster from "@/components/titles/Poster";
import TitleGrid from "@/components/titles/TitleGrid";
import { mapEpisode, parentPathOf, str } from "@/lib/api/mappers";
import { getPagesOfType } from "@/lib/api/pages";
import { homeRow } from "@/lib/api/titles";
import type { DubTeamRef, EpisodeSummary, TitleListing, TitleSummary } from "@/lib/api/types";
import { SITE_NAME, SITE_TAGLINE } from "@/lib/config";
import { pageMetadata } from "@/lib/seo";

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

interface NewEpisode {
  episode: EpisodeSummary;
  title: TitleSummary;
}

/** The newest episodes, one per title, for titles among the recently updated ones. */
async function newEpisodes(recent: TitleSummary[]): Promise<NewEpisode[]> {
  try {
    const listing = await getPagesOfType("anime.EpisodePage", {
      order: "-first_published_at",
      limit: 100,
      fields: "number,sources",
    });
    const byUrl = new Map(recent.map((title) => [title.url, title]));
    const seen = new Set<string>();
    const result: NewEpisode[] = [];
    for (const raw of listing.items) {
      const episode = mapEpisode(raw);
      const parentPath = parentPathOf(episode.url);
      const title = byUrl.get(parentPath);
      if (!title || seen.has(parentPath)) continue;
      seen.add(parentPath);
      result.push({ episode, title });
      if (result.length === 12) break;
    }
    return result;
  } catch (error) {
    console.warn("new episodes failed", error);
    return [];
  }
}

function teamsOf(episode: EpisodeSummary): DubTeamRef[] {
  const teams = new Map<string, DubTeamRef>();
  for (const source of episode.sources) {
    if (source.dubTeam) teams.set(source.dubTeam.slug, source.dubTeam);
  }
  return [...teams.values()];
}

function Section(props: { id: string; title: string; more?: string; children: React.ReactNode }) {
  return (
    <section className="section" aria-labelledby={props.id}>
      <div className="section__head">
        <h2 id={props.id}>{props.title}</h2>
        {props.more && (
          <Link href={props.more} className="section__more">
            Усі →
          </Link>
        )}
      </div>
      {props.children}
    </section>
  );
}

async function HomeView({ page }: PageViewProps) {
  const [recent, ongoing, popular, dubbed, manga] = await Promise.all([
    rowOrEmpty(homeRow("anime", "-updated", {}, 60)),
    rowOrEmpty(homeRow("anime", "-rating", { status: "ongoing" })),
    rowOrEmpty(homeRow("anime", "-rating")),
    rowOrEmpty(homeRow("anime", "-updated", { audio: "uk" })),
    rowOrEmpty(homeRow("manga", "-rating", {}, 6)),
  ]);
  const episodes = await newEpisodes(recent);
  // The home page's intro field often just repeats the tagline; then the longer text is shown.
  const intro = str(page.intro);
  const lead = intro && intro.toLowerCase() !== SITE_TAGLINE.toLowerCase() ? intro : HOME_DESCRIPTION;
  return (
    <>
      <section className="hero">
        <h1>
          {SITE_NAME} — <span className="accent">{SITE_TAGLINE}</span>
        </h1>
        <p>{lead}</p>
        <div className="hero__actions">
          <Link href="/anime/" className="button">
            Каталог аніме
          </Link>
          <Link href="/schedule/" className="button button--ghost">
            Розклад серій
          </Link>
        </div>
      </section>
      {episodes.length > 0 && (
        <Section id="new-episodes" title="Нові серії" more="/anime/?order=-updated">
          <ul className="grid grid--episodes">
            {episodes.map(({ episode, title }) => (
              <li key={episode.id}>
                <article className="card">
                  <Link href={episode.url} className="card__link" prefetch={false}>
                    <div className="card__poster">
                      <Poster
                        src={title.posterUrl}
                        title={title.title}
                        sizes="(max-width: 600px) 45vw, 200px"
                      />
                      <div className="card__badges">
                        <span className="badge badge--yellow">Серія {episode.number}</span>
                      </div>
                    </div>
                    <h3 className="card__title">{title.title}</h3>
                  </Link>
                  <DubTeamChips teams={teamsOf(episode)} linked={false} limit={2} />
                </article>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {ongoing.length > 0 && (
        <Section id="ongoing" title="Виходять зараз" more="/anime/?status=ongoing">
          <TitleGrid titles={ongoing} />
        </Section>
      )}
      {popular.length > 0 && (
        <Section id="popular" title="Популярне" more="/anime/?order=-rating">
          <TitleGrid titles={popular} />
        </Section>
      )}
      {dubbed.length > 0 && (
        <Section id="new-dubs" title="Нове українське озвучення" more="/anime/?audio=uk&order=-updated">
          <TitleGrid titles={dubbed} />
        </Section>
      )}
      {manga.length > 0 && (
        <Section id="manga" title="Манґа українською" more="/manga/">
          <TitleGrid titles={manga} />
        </Section>
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
