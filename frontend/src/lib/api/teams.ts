/**
 * Dub team logos by slug. Title and source references carry only {id, slug, title}, so the
 * chips look logos up here: one cached listing of all teams, shared by a whole render.
 */
import { cache } from "react";
import { str } from "./mappers";
import { getPagesOfType } from "./pages";

export const getDubTeamLogos = cache(async (): Promise<Map<string, string>> => {
  try {
    const listing = await getPagesOfType("dubbing.DubTeamPage", { limit: 100, fields: "logo_url" });
    return new Map(
      listing.items
        .map((item) => [str(item.meta.slug), str(item.logo_url)] as const)
        .filter(([slug, logo]) => slug && logo),
    );
  } catch (error) {
    // Chips fall back to the team's initial; a missing logo must not break a page.
    console.warn("dub team logos unavailable", error);
    return new Map();
  }
});
