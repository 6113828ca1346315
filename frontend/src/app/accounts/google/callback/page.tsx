/** `/accounts/google/callback/`: back from Google (allauth adds `?error=` when it failed). */
import type { Metadata } from "next";
import GoogleCallback from "@/components/account/GoogleCallback";

export const metadata: Metadata = { title: "Вхід через Google" };

export default async function GoogleCallbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { error } = await searchParams;
  return (
    <>
      <h1>Вхід через Google</h1>
      <GoogleCallback error={typeof error === "string" ? error : null} />
    </>
  );
}
