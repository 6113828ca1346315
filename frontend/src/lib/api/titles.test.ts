import { describe, expect, it } from "vitest";
import {
  catalogHref,
  hasActiveFilters,
  parseTitleFilters,
  rejectedFilterOf,
  titlesApiParams,
} from "./titles";
import { toQueryString } from "./client";

describe("parseTitleFilters", () => {
  it("reads repeatable genres, single filters and the page", () => {
    const filters = parseTitleFilters({
      genre: ["action", " drama ", ""],
      year_from: "2010",
      order: "-rating",
      page: "3",
      unknown: "x",
    });
    expect(filters).toEqual({ genre: ["action", "drama"], year_from: "2010", order: "-rating", page: 3 });
  });

  it("falls back to page 1 for junk page numbers", () => {
    expect(parseTitleFilters({ page: "abc" }).page).toBe(1);
    expect(parseTitleFilters({ page: "-2" }).page).toBe(1);
    expect(parseTitleFilters({ page: "2.5" }).page).toBe(1);
  });

  it("takes the first value of a repeated single filter", () => {
    expect(parseTitleFilters({ status: ["ongoing", "finished"] }).status).toBe("ongoing");
  });
});

describe("titlesApiParams", () => {
  it("uses the API parameter names and turns the page into an offset", () => {
    const filters = parseTitleFilters({ genre: ["action", "drama"], year_to: "2020", page: "2" });
    const query = toQueryString(titlesApiParams("anime", filters, 24));
    expect(query).toBe("?kind=anime&genre=action&genre=drama&year_to=2020&limit=24&offset=24");
  });
});

describe("catalogHref", () => {
  const filters = parseTitleFilters({ genre: ["action"], year_from: "2010", page: "4" });

  it("mirrors filters in the URL and resets the page when filters change", () => {
    expect(catalogHref("/anime/", filters, { status: "ongoing" })).toBe(
      "/anime/?genre=action&year_from=2010&status=ongoing",
    );
  });

  it("keeps a requested page and drops page 1", () => {
    expect(catalogHref("/anime/", filters, { page: 5 })).toBe("/anime/?genre=action&year_from=2010&page=5");
    expect(catalogHref("/anime/", parseTitleFilters({}), { page: 1 })).toBe("/anime/");
  });

  it("appends to a base path that already has fixed parameters", () => {
    expect(catalogHref("/search/?kind=manga", parseTitleFilters({ search: "наруто" }))).toBe(
      "/search/?kind=manga&search=%D0%BD%D0%B0%D1%80%D1%83%D1%82%D0%BE",
    );
  });
});

describe("hasActiveFilters", () => {
  it("ignores the sort order", () => {
    expect(hasActiveFilters(parseTitleFilters({ order: "-year" }))).toBe(false);
    expect(hasActiveFilters(parseTitleFilters({ audio: "uk" }))).toBe(true);
  });
});

describe("rejectedFilterOf", () => {
  it("finds the parameter named by a 400 answer", () => {
    expect(rejectedFilterOf({ genre: ["Unknown genre: bogus"] })).toBe("genre");
    expect(rejectedFilterOf({ message: "year_from must be an integer" })).toBe("year_from");
    expect(rejectedFilterOf({ message: "something else" })).toBe("");
    // The named parameter wins over filter names that merely appear in the message.
    expect(rejectedFilterOf({ detail: "Рік для kind=anime: лише цифри.", parameter: "year_from" })).toBe("year_from");
  });
});
