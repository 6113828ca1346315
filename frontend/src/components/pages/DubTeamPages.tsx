/** `dubbing.DubTeamIndexPage` (all teams) and `dubbing.DubTeamPage` (one team and its titles). */
import Link from "@/components/common/IntentLink";
import Breadcrumbs from "@/components/common/Breadcrumbs";
import EmptyState from "@/components/common/EmptyState";
import { TeamLogo } from "@/components/dubbing/DubTeamChips";
import type { PageType, PageViewProps } from "@/components/pages/types";
import Description from "@/components/titles/Description";
import TitleGrid, { EAGER_POSTERS } from "@/components/titles/TitleGrid";
import { mapDubTeamPage, mapTeamList, str } from "@/lib/api/mappers";
import { getChildren } from "@/lib/api/pages";
import { TITLE_FORMS, countLabel } from "@/lib/labels";
import { pageMetadata, plainText } from "@/lib/seo";
import styles from "@/components/dubbing/Dubbing.module.css";
import ui from "@/components/common/ui.module.css";

async function DubTeamIndexView({ page, path }: PageViewProps) {
  const teams = mapTeamList(await getChildren(page.id)).sort(
    (a, b) => b.titleCount - a.titleCount || a.title.localeCompare(b.title, "uk"),
  );
  const intro = str(page.intro);
  return (
    <>
      <Breadcrumbs items={[{ href: path, label: page.title }]} />
      <div className={ui.pageHead}>
        <h1>{page.title}</h1>
        <p className={ui.pageHeadIntro}>
          {intro || "Українські команди фандабу та перекладу, які озвучують аніме й перекладають манґу."}
        </p>
      </div>
      {teams.length > 0 ? (
        <ul className={styles.teamGrid}>
          {teams.map((team) => (
            <li key={team.id}>
              <Link href={team.url} className={styles.teamCard} data-testid="team-card">
                <TeamLogo team={team} size={64} />
                <span className={styles.teamCardName}>{team.title}</span>
                <span className={ui.muted}>{countLabel(team.titleCount, TITLE_FORMS)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="Команд поки немає" />
      )}
    </>
  );
}

function DubTeamView({ page, path }: PageViewProps) {
  const team = mapDubTeamPage(page);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/dub-teams/", label: "Команди озвучення" },
          { href: path, label: team.title },
        ]}
      />
      <section className={styles.teamHero}>
        <TeamLogo team={team} size={112} />
        <div>
          <h1>{team.title}</h1>
          <p className={ui.muted}>
            {team.founded ? `Працює з ${team.founded} року · ` : ""}
            {countLabel(team.titles.length, TITLE_FORMS)}
          </p>
          {team.links.length > 0 && (
            <ul className={ui.tags} aria-label="Посилання команди">
              {team.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="noopener noreferrer" target="_blank">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className={ui.section} aria-labelledby="team-about">
        <h2 id="team-about">Про команду</h2>
        <Description html={team.descriptionHtml} />
      </section>
      <section className={ui.section} aria-labelledby="team-titles">
        <h2 id="team-titles">Роботи команди</h2>
        {team.titles.length > 0 ? (
          <TitleGrid titles={team.titles} eager={EAGER_POSTERS} />
        ) : (
          <p className={ui.muted}>Команда ще не додала жодного тайтлу.</p>
        )}
      </section>
    </>
  );
}

export const DubTeamIndexPageType: PageType = {
  View: DubTeamIndexView,
  metadata: (page, path) =>
    pageMetadata({
      title: str(page.meta.seo_title) || page.title,
      description:
        str(page.meta.search_description) ||
        "Команди українського фандабу та перекладу аніме й манґи на AniHata.",
      path,
    }),
};

export const DubTeamPageType: PageType = {
  View: DubTeamView,
  metadata: (page, path) => {
    const team = mapDubTeamPage(page);
    return pageMetadata({
      title: `${team.title} — команда озвучення`,
      description:
        team.searchDescription ||
        plainText(team.descriptionHtml) ||
        `Аніме з озвученням від ${team.title} на AniHata.`,
      path,
      image: team.logoUrl,
      type: "profile",
    });
  },
};
