import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DubTeamRef } from "@/lib/api/types";
import DubTeamChips, { teamInitials } from "./DubTeamChips";

const team = (slug: string, title: string, logoUrl: string | null): DubTeamRef => ({
  id: 1,
  slug,
  title,
  url: `/dub-teams/${slug}/`,
  logoUrl,
});

describe("DubTeamChips", () => {
  it("shows the team's own logo_url, or its initial when it has none", () => {
    const { container } = render(
      <DubTeamChips
        teams={[team("likhtaryk-studio", "Ліхтарик", "/media/l.png"), team("tykha-havan", "Тиха Гавань", null)]}
      />,
    );
    const logos = container.querySelectorAll("img");
    expect(logos).toHaveLength(1);
    expect(logos[0]?.getAttribute("src")).toBe("/media/l.png");
    // Lazy, so that server rendering does not preload it ahead of the stylesheets.
    expect(logos[0]?.getAttribute("loading")).toBe("lazy");
    expect(screen.getByRole("link", { name: "Ліхтарик" })).toHaveAttribute("href", "/dub-teams/likhtaryk-studio/");
    expect(screen.getByRole("link", { name: "Тиха Гавань" })).toHaveTextContent("ТГТиха Гавань");
  });

  it("shows at most `limit` chips, without links, and counts the rest", () => {
    render(
      <DubTeamChips
        teams={[team("a", "Альфа", null), team("b", "Бета", null), team("c", "Гамма", null)]}
        linked={false}
        limit={2}
      />,
    );
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "АЛАльфа",
      "БЕБета",
      "+1",
    ]);
  });

  it("takes Cyrillic initials as the name is written", () => {
    expect(teamInitials("Тиха Гавань")).toBe("ТГ");
    expect(teamInitials("Кіт у кімоно")).toBe("КУ");
    expect(teamInitials("Ліхтарик")).toBe("ЛІ");
  });
});
