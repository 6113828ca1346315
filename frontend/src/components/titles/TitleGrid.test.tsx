import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TitleSummary } from "@/lib/api/types";
import TitleGrid, { EAGER_POSTERS } from "./TitleGrid";

const title = (id: number): TitleSummary => ({
  id,
  kind: "anime",
  url: `/anime/t${id}/`,
  title: `Тайтл ${id}`,
  titleEn: "",
  posterUrl: `/media/demo/posters/t${id}.svg`,
  year: 2024,
  format: "tv",
  status: "finished",
  rating: null,
  genres: [],
  dubTeams: [],
});

describe("TitleGrid", () => {
  it("loads only the first poster eagerly with high priority, every other one lazily", () => {
    render(<TitleGrid titles={[1, 2, 3, 4, 5, 6, 7].map(title)} eager={EAGER_POSTERS} />);
    const posters = screen.getAllByRole("img");
    expect(posters).toHaveLength(7);
    expect(posters[0]).toHaveAttribute("loading", "eager");
    expect(posters[0]).toHaveAttribute("fetchpriority", "high");
    for (const poster of posters.slice(1)) expect(poster).toHaveAttribute("loading", "lazy");
  });

  it("loads every poster lazily in a grid further down the page", () => {
    render(<TitleGrid titles={[1, 2].map(title)} />);
    for (const poster of screen.getAllByRole("img")) expect(poster).toHaveAttribute("loading", "lazy");
  });
});
