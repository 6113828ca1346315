/** `/u/<username>/`: a user's public profile, from `GET /api/users/<username>/`; 404 for unknown users. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import ProfileCard from "@/components/profile/ProfileCard";
import { getPublicProfile } from "@/lib/api/users";
import { pageMetadata } from "@/lib/seo";

// Rendered per request (data cached for 5 minutes): the API is not reachable at build time.
export const dynamic = "force-dynamic";

/** The route segment as a username; a malformed escape is kept as it came. */
function usernameOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface ProfileRouteProps {
  params: Promise<{ username: string }>;
}

export async function generateMetadata({ params }: ProfileRouteProps): Promise<Metadata> {
  const { username } = await params;
  const profile = await getPublicProfile(usernameOf(username));
  if (!profile) return { title: "Користувача не знайдено" };
  return pageMetadata({
    title: `${profile.username} — профіль`,
    description: `Профіль ${profile.username} на AniHata: рівень «${profile.level.name}», репутація ${profile.reputation}.`,
    path: `/u/${encodeURIComponent(profile.username)}/`,
    type: "profile",
  });
}

export default async function ProfileRoute({ params }: ProfileRouteProps) {
  const { username } = await params;
  const profile = await getPublicProfile(usernameOf(username));
  if (!profile) notFound();
  return <ProfileCard profile={profile} />;
}
