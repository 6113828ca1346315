/**
 * A user's public profile: avatar, name, level and reputation, roles and the date they joined,
 * with the customisation their level unlocked applied (avatar frame, banner, name colour, title).
 * Server-rendered from public fields only.
 */
import ui from "@/components/common/ui.module.css";
import styles from "@/components/profile/Profile.module.css";
import type { PublicProfile } from "@/lib/api/types";
import { formatDate } from "@/lib/labels";

export default function ProfileCard({ profile }: { profile: PublicProfile }) {
  const has = (unlock: PublicProfile["unlocked"][number]) => profile.unlocked.includes(unlock);
  const initial = profile.username.match(/\p{L}|\p{N}/u)?.[0]?.toUpperCase() ?? "?";
  return (
    <article className={styles.profile} data-testid="profile">
      {has("profile_banner") && <div className={styles.banner} data-testid="profile-banner" aria-hidden="true" />}
      <div className={styles.head}>
        <div
          className={has("avatar_frame") ? `${styles.avatar} ${styles.avatarFramed}` : styles.avatar}
          data-testid="profile-avatar"
          data-framed={has("avatar_frame") ? "true" : undefined}
        >
          {profile.avatarUrl ? (
            // Avatars are our own uploads on the same origin: a plain image, no optimizer.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={profile.avatarUrl} alt={`Аватар ${profile.username}`} width={96} height={96} />
          ) : (
            <span aria-hidden="true">{initial}</span>
          )}
        </div>
        <div>
          <h1
            className={has("name_color") ? `${styles.name} ${styles.nameColored}` : styles.name}
            data-testid="profile-name"
          >
            {profile.username}
          </h1>
          {has("title") && (
            <p className={styles.title} data-testid="profile-title">
              {profile.level.name}
            </p>
          )}
        </div>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>Рівень</dt>
          <dd data-testid="profile-level">
            {profile.level.number} · {profile.level.name}
          </dd>
        </div>
        <div>
          <dt>Репутація</dt>
          <dd data-testid="profile-reputation">{profile.reputation}</dd>
        </div>
        <div>
          <dt>З нами з</dt>
          <dd>
            <time dateTime={profile.joined}>{formatDate(profile.joined)}</time>
          </dd>
        </div>
      </dl>
      {profile.roles.length > 0 && (
        <ul className={styles.roles} aria-label="Ролі">
          {profile.roles.map((role) => (
            <li key={role.name} className={role.rank > 0 ? `${ui.badge} ${ui.badgeAzure}` : ui.badge}>
              {role.label}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
