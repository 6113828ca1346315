/**
 * `POST /revalidate/` — called by Wagtail on publish with header `X-Revalidate-Secret` and
 * body `{"paths": [...], "tags": [...]}`. Drops the cached renders and API answers at once.
 */
import { revalidatePath, revalidateTag } from "next/cache";
import { pathTag } from "@/lib/api/pages";
import { parseRevalidationBody, secretMatches } from "@/lib/revalidation";

export const dynamic = "force-dynamic";

/** Publishing should show at once, so nothing stale is served after a revalidation. */
const IMMEDIATELY = { expire: 0 };

export async function POST(request: Request) {
  if (!secretMatches(process.env.REVALIDATE_SECRET, request.headers.get("x-revalidate-secret"))) {
    return Response.json({ error: "invalid secret" }, { status: 401 });
  }
  let parsed;
  try {
    parsed = parseRevalidationBody(await request.json());
  } catch (error) {
    const message = error instanceof TypeError ? error.message : "body must be JSON";
    return Response.json({ error: message }, { status: 400 });
  }
  for (const path of parsed.paths) {
    revalidateTag(pathTag(path), IMMEDIATELY);
    revalidatePath(path);
  }
  for (const tag of parsed.tags) revalidateTag(tag, IMMEDIATELY);
  return Response.json({ revalidated: true, paths: parsed.paths, tags: parsed.tags, now: Date.now() });
}
