/** Dub teams as small linked chips (logo or initial + name): teams are shown wherever we can. */
import Link from "next/link";
import type { DubTeamRef } from "@/lib/api/types";

interface DubTeamChipsProps {
  teams: DubTeamRef[];
  /** Compact chips inside cards are not links (the card itself is one). */
  linked?: boolean;
  limit?: number;
}

export function DubTeamChip({ team, linked = true }: { team: DubTeamRef; linked?: boolean }) {
  const content = (
    <>
      {team.logoUrl ? (
        // Team logos are tiny remote images; a plain <img> keeps them out of the optimizer.
        // eslint-disable-next-line @next/next/no-img-element
        <img className="dub-chip__logo" src={team.logoUrl} alt="" width={18} height={18} />
      ) : (
        <span className="dub-chip__logo dub-chip__logo--initial" aria-hidden="true">
          {team.title.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span>{team.title}</span>
    </>
  );
  return linked ? (
    <Link className="dub-chip" href={team.url}>
      {content}
    </Link>
  ) : (
    <span className="dub-chip">{content}</span>
  );
}

export default function DubTeamChips({ teams, linked = true, limit }: DubTeamChipsProps) {
  if (teams.length === 0) return null;
  const shown = limit ? teams.slice(0, limit) : teams;
  const hidden = teams.length - shown.length;
  return (
    <ul className="dub-chips" aria-label="Команди озвучення">
      {shown.map((team) => (
        <li key={team.slug || team.title}>
          <DubTeamChip team={team} linked={linked} />
        </li>
      ))}
      {hidden > 0 && <li className="dub-chips__more">+{hidden}</li>}
    </ul>
  );
}
