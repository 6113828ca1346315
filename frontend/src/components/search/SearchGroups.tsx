/**
 * The «Усе» tab of the search page: matching dub teams, then anime, then manga, each under its
 * own heading (anime before manga whatever the text relevance), with a link to the full list of
 * a kind on its tab. Nothing at all found: tips and popular titles.
 */
import Link from "@/components/common/IntentLink";
import EmptyState from "@/components/common/EmptyState";
import { TeamLogo } from "@/components/dubbing/DubTeamChips";
import SearchSuggestions from "@/components/search/SearchSuggestions";
import TitleGrid, { EAGER_POSTERS } from "@/components/titles/TitleGrid";
import { toQueryString } from "@/lib/api/client";
import { searchTeams } from "@/lib/api/search";
import { getTitles } from "@/lib/api/titles";
import type { TitleKind, TitleListing } from "@/lib/api/types";
import { TITLE_FORMS, countLabel } from "@/lib/labels";
import catalog from "@/components/catalog/Catalog.module.css";
import dubbing from "@/components/dubbing/Dubbing.module.css";
import styles from "@/components/search/Search.module.css";

/** Titles shown per kind: fills whole rows of 2, 3, 4 and 6 cards. */
export const GROUP_SIZE = 12;

const TEAM_FORMS = ["команду", "команди", "команд"] as const;

const KINDS: { kind: TitleKind; heading: string; all: string }[] = [
  { kind: "anime", heading: "Аніме", all: "Усі аніме" },
  { kind: "manga", heading: "Манґа", all: "Уся манґа" },
];

export default async function SearchGroups({ query }: { query: string }) {
  const filters = { genre: [], page: 1, search: query };
  const [teams, ...listings] = await Promise.all([
    searchTeams(query).catch(() => []),
    ...KINDS.map(({ kind }) => getTitles(kind, filters, GROUP_SIZE)),
  ]);
  const found = listings as TitleListing[];
  const total = found.reduce((sum, listing) => sum + listing.total, 0);
  if (total === 0 && teams.length === 0) {
    return (
      <EmptyState title="Нічого не знайдено">
        <SearchSuggestions query={query} />
      </EmptyState>
    );
  }
  return (
    <div data-testid="search-groups">
      <p className={catalog.catalogCount} data-testid="catalog-count">
        Знайдено{" "}
        {[
          total > 0 ? countLabel(total, TITLE_FORMS) : "",
          teams.length > 0 ? `${countLabel(teams.length, TEAM_FORMS)} озвучення` : "",
        ]
          .filter(Boolean)
          .join(" і ")}
      </p>
      {teams.length > 0 && (
        <section className={styles.group} aria-labelledby="found-teams" data-testid="search-teams">
          <h2 id="found-teams">Команди озвучення</h2>
          <ul className={dubbing.teamGrid}>
            {teams.map((team) => (
              <li key={team.url}>
                <Link href={team.url} className={dubbing.teamCard} data-testid="team-card">
                  <TeamLogo team={team} size={48} />
                  <span className={dubbing.teamCardName}>{team.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {KINDS.map(({ kind, heading, all }, index) => {
        const listing = found[index]!;
        if (listing.items.length === 0) return null;
        return (
          <section key={kind} className={styles.group} aria-labelledby={`found-${kind}`} data-testid={`search-${kind}`}>
            <h2 id={`found-${kind}`}>
              {heading} <span className={styles.groupCount}>{listing.total}</span>
            </h2>
            <TitleGrid titles={listing.items} label={heading} eager={index === 0 ? EAGER_POSTERS : 0} />
            {listing.total > listing.items.length && (
              <p className={styles.groupMore}>
                <Link href={`/search/${toQueryString({ q: query, kind })}`}>
                  {all} ({listing.total}) →
                </Link>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
