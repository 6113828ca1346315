/** Public user profiles (`/api/users/<username>/`), read server-side. */
import { apiGetOrNull, apiUrl } from "./client";
import { mapPublicProfile } from "./mappers";
import type { PublicProfile } from "./types";
import type { RawPublicProfile } from "./wagtail";

/** The profile, or null for an unknown (or deactivated) user. */
export async function getPublicProfile(username: string): Promise<PublicProfile | null> {
  const raw = await apiGetOrNull<RawPublicProfile>(
    apiUrl(`/api/users/${encodeURIComponent(username)}/`),
    { tags: [`user:${username}`], revalidate: 300 },
  );
  return raw === null ? null : mapPublicProfile(raw);
}
