/**
 * `GET /preview/?content_type=<app.model>&token=<t>` — Wagtail's headless preview entry. The
 * token is checked with the backend first; only a valid one enables draft mode, then the
 * browser is sent to the page that renders the draft.
 */
import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { getPreviewPage } from "@/lib/api/pages";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const contentType = params.get("content_type") ?? "";
  const token = params.get("token") ?? "";
  if (!/^[a-z_]+\.[a-z_]+$/i.test(contentType) || !token) {
    return new Response("Некоректне посилання на попередній перегляд.", { status: 400 });
  }
  const page = await getPreviewPage(contentType, token);
  if (!page) {
    return new Response("Посилання на попередній перегляд недійсне або застаріло.", { status: 401 });
  }
  (await draftMode()).enable();
  const query = new URLSearchParams({ content_type: contentType, token });
  redirect(`/preview/draft/?${query.toString()}`);
}
