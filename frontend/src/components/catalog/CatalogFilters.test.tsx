import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { parseTitleFilters } from "@/lib/api/titles";
import type { FacetName, FacetValue } from "@/lib/api/types";
import CatalogFilters from "./CatalogFilters";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const facets = {
  genre: [
    { value: "action", label: "Екшн", count: 22 },
    { value: "drama", label: "Драма", count: 15 },
  ],
  studio: [],
  year: [],
  season: [],
  status: [{ value: "ongoing", label: "Виходить", count: 2 }],
  format: [],
  dub_team: [{ value: "likhtaryk-studio", label: "Ліхтарик", count: 11 }],
  audio: [],
} satisfies Record<FacetName, FacetValue[]>;

describe("CatalogFilters", () => {
  it("names fields after the titles/ parameters and shows facet counts", () => {
    const filters = parseTitleFilters({ genre: "drama", status: "ongoing", year_from: "2010" });
    const { container } = render(
      <CatalogFilters action="/anime/" kind="anime" filters={filters} facets={facets} />,
    );
    expect(screen.getByRole("checkbox", { name: /Драма/ })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: /Екшн/ })).not.toBeChecked();
    expect(screen.getByText("22")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Виходить (2)" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Ліхтарик (11)" })).toBeInTheDocument();
    expect(screen.getByLabelText("Рік від")).toHaveValue(2010);
    const names = new Set(
      [...container.querySelectorAll("input[name], select[name]")].map((el) => el.getAttribute("name")),
    );
    expect([...names].sort()).toEqual(
      ["audio", "dub_team", "format", "genre", "order", "search", "season", "status", "studio", "year_from", "year_to"].sort(),
    );
  });

  it("keeps a selected value the facets no longer list, and hides audio for manga", () => {
    const filters = parseTitleFilters({ genre: "isekai", status: "paused" });
    render(<CatalogFilters action="/manga/" kind="manga" filters={filters} facets={facets} />);
    expect(screen.getByRole("checkbox", { name: /isekai/ })).toBeChecked();
    expect(screen.getByLabelText("Статус")).toHaveValue("paused");
    expect(screen.queryByLabelText("Мова озвучення")).not.toBeInTheDocument();
  });
});
