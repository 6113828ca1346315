/**
 * The forum's public API, read on the server (cacheable pages): the latest topics for the home
 * page and a title's discussion topic for its page. The forum itself is rendered by Django at
 * /forum/; a failure here leaves the block out rather than breaking the page.
 */
import { apiGet, apiUrl } from "./client";
import type { Schemas } from "./browser";

export type ForumTopic = Schemas["LatestTopic"];
export type TitleTopic = Schemas["TitleTopic"];

/** Forum activity changes by the minute: shorter than the catalog's freshness. */
export const FORUM_REVALIDATE_SECONDS = 60;
/** The API answers 400 outside 1–20. */
export const LATEST_TOPICS_MAX = 20;

export async function getLatestForumTopics(limit = 6): Promise<ForumTopic[]> {
  try {
    const raw = await apiGet<Schemas["LatestTopics"]>(apiUrl("/api/forum/latest/", { limit }), {
      tags: ["forum"],
      revalidate: FORUM_REVALIDATE_SECONDS,
    });
    return raw.results;
  } catch (error) {
    console.warn("forum latest failed", error);
    return [];
  }
}

export async function getTitleTopic(pageId: number): Promise<TitleTopic | null> {
  try {
    return await apiGet<TitleTopic>(apiUrl(`/api/forum/title-topic/${pageId}/`), {
      tags: ["forum"],
      revalidate: FORUM_REVALIDATE_SECONDS,
    });
  } catch (error) {
    console.warn("forum title topic failed", error);
    return null;
  }
}
