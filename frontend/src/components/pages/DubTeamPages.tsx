/** `dubbing.DubTeamIndexPage` (all teams) and `dubbing.DubTeamPage` (one team and its titles). */
import Link from "next/link";
import Breadcrumbs from "@/components/common/Breadcrumbs";
import EmptyState from "@/components/common/EmptyState";
import type { PageType, PageViewProps } from "@/components/pages/types";
import Description from "@/components/titles/Description";
import TitleGrid from "@/components/titles/TitleGrid";
import { mapDubTeamPage, str } from "@/lib/api/mappers";
import { getChildren } from "@/lib/api/pages";
import type { DubTeamDetail } from "@/lib/api/types";
import { TITLE_FORMS, countLabel } from "@/lib/labels";
import { pageMetadata, plainText } from "@/lib/seo";

function TeamLogo({ team, size }: { team: DubTeamDetail; size: number }) {
  return team.logoUrl ? (
    // eslint-disable-next-line @next/next/no-img-element
    <img className="team-logo" src={team.logoUrl} alt={`Логотип ${team.title}`} width={size} height={size} />
  ) : (
    <span
      className="team-logo team-logo--initial"
      style={{ width: size, height: size, background: team.color || undefined }}
      aria-hidden="true"
    >
      {team.title.slice(0, 1).toUpperCase()}
    </span>
  );
}

async function DubTeamIndexView({ page, path }: PageViewProps) {
  const teams = (await getChildren(page.id, "dubbing.DubTeamPage"))
    .map(mapDubTeamPage)
    .sort((a, b) => b.titles.length - a.titles.length || a.title.localeCompare(b.title, "uk"));
  const intro = str(page.intro);
  return (
    <>
      <Breadcrumbs items={[{ href: path, label: page.title }]} />
      <div className="page-head">
        <h1>{page.title}</h1>
        <p className="page-head__intro">
          {intro || "Українські команди фандабу та перекладу, які озвучують аніме й перекладають манґу."}
        </p>
      </div>
      {teams.length > 0 ? (
        <ul className="team-grid">
          {teams.map((team) => (
            <li key={team.id}>
              <Link href={team.url} className="team-card">
                <TeamLogo team={team} size={64} />
                <span className="team-card__name">{team.title}</span>
                <span className="muted">{countLabel(team.titles.length, TITLE_FORMS)}</span>
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
      <section className="team-hero">
        <TeamLogo team={team} size={112} />
        <div>
          <h1>{team.title}</h1>
          <p className="muted">
            {team.founded ? `Працює з ${team.founded} року · ` : ""}
            {countLabel(team.titles.length, TITLE_FORMS)}
          </p>
          {team.links.length > 0 && (
            <ul className="tags" aria-label="Посилання команди">
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
      <section className="section" aria-labelledby="team-about">
        <h2 id="team-about">Про команду</h2>
        <Description html={team.descriptionHtml} />
      </section>
      <section className="section" aria-labelledby="team-titles">
        <h2 id="team-titles">Роботи команди</h2>
        {team.titles.length > 0 ? (
          <TitleGrid titles={team.titles} />
        ) : (
          <p className="muted">Команда ще не додала жодного тайтлу.</p>
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
