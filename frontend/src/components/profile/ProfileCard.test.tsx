import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mapPublicProfile } from "@/lib/api/mappers";
import ProfileCard from "./ProfileCard";

const RAW = {
  username: "olena",
  avatar_url: null,
  date_joined: "2026-12-01T10:00:00Z",
  reputation: 420,
  level: { number: 5, name: "Отаку" },
  unlocked: ["avatar_frame", "profile_banner", "name_color", "title", "something_new"],
  roles: [
    { name: "dubber", label: "Озвучувач", rank: 10 },
    { name: "viewer", label: "Глядач", rank: 0 },
  ],
};

describe("ProfileCard", () => {
  it("applies everything the level unlocked", () => {
    const profile = mapPublicProfile(RAW);
    expect(profile.unlocked).toEqual(["avatar_frame", "profile_banner", "name_color", "title"]);
    render(<ProfileCard profile={profile} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("olena");
    expect(screen.getByTestId("profile-title").textContent).toBe("Отаку");
    expect(screen.getByTestId("profile-banner")).toBeTruthy();
    expect(screen.getByTestId("profile-avatar").dataset.framed).toBe("true");
    expect(screen.getByTestId("profile-reputation").textContent).toBe("420");
    expect(screen.getByRole("list", { name: "Ролі" }).textContent).toContain("Озвучувач");
  });

  it("shows a newcomer plainly", () => {
    const profile = mapPublicProfile({ ...RAW, reputation: 0, level: { number: 1, name: "Новачок" }, unlocked: [] });
    render(<ProfileCard profile={profile} />);
    expect(screen.queryByTestId("profile-title")).toBeNull();
    expect(screen.queryByTestId("profile-banner")).toBeNull();
    expect(screen.getByTestId("profile-avatar").dataset.framed).toBeUndefined();
    expect(screen.getByTestId("profile-level").textContent).toContain("Новачок");
  });
});
