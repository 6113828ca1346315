/** Dub teams as small linked chips (logo or initial + name): teams are shown wherever we can. */
import Link from "@/components/common/IntentLink";
import type { DubTeamRef } from "@/lib/api/types";
import styles from "@/components/dubbing/Dubbing.module.css";

interface DubTeamChipsProps {
  teams: DubTeamRef[];
  /** Compact chips inside cards are not links (the card itself is one). */
  linked?: boolean;
  limit?: number;
}

/** «Тиха Гавань» → «ТГ», «Ліхтарик» → «ЛІ»: the initials a team without a logo shows (and the
 * demo's generated logos, `cms/demo/loader.py`), written as the name is. */
export function teamInitials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  const [first, second] = words;
  if (first && second) return (first[0]! + second[0]!).toUpperCase();
  return (first?.slice(0, 2) ?? "?").toUpperCase();
}

/** A team's logo, or its initials on the team's colour: team cards and the team page. */
export function TeamLogo(props: {
  team: { title: string; logoUrl: string | null; color?: string };
  size: number;
}) {
  const { team, size } = props;
  return team.logoUrl ? (
    // eslint-disable-next-line @next/next/no-img-element
    <img className={styles.teamLogo} src={team.logoUrl} alt={`Логотип ${team.title}`} width={size} height={size} />
  ) : (
    <span
      className={`${styles.teamLogo} ${styles.teamLogoInitial}`}
      style={{ width: size, height: size, background: team.color || undefined }}
      aria-hidden="true"
    >
      {teamInitials(team.title)}
    </span>
  );
}

export function DubTeamChip({ team, linked = true }: { team: DubTeamRef; linked?: boolean }) {
  const content = (
    <>
      {team.logoUrl ? (
        // Team logos are tiny remote images; a plain <img> keeps them out of the optimizer. Lazy:
        // a chip is never the page's main image, and eager images are preloaded ahead of the CSS.
        // eslint-disable-next-line @next/next/no-img-element
        <img className={styles.dubChipLogo} src={team.logoUrl} alt="" width={18} height={18} loading="lazy" />
      ) : (
        <span className={`${styles.dubChipLogo} ${styles.dubChipLogoInitial}`} aria-hidden="true">
          {teamInitials(team.title)}
        </span>
      )}
      <span>{team.title}</span>
    </>
  );
  return linked ? (
    <Link className={styles.dubChip} href={team.url}>
      {content}
    </Link>
  ) : (
    <span className={styles.dubChip}>{content}</span>
  );
}

export default function DubTeamChips({ teams, linked = true, limit }: DubTeamChipsProps) {
  if (teams.length === 0) return null;
  const shown = limit ? teams.slice(0, limit) : teams;
  const hidden = teams.length - shown.length;
  return (
    <ul className={styles.dubChips} aria-label="Команди озвучення">
      {shown.map((team) => (
        <li key={team.slug || team.title}>
          <DubTeamChip team={team} linked={linked} />
        </li>
      ))}
      {hidden > 0 && <li className={styles.dubChipsMore}>+{hidden}</li>}
    </ul>
  );
}
