/** The public profile page in Chromium: a user's level, reputation and unlocked looks; 404 for nobody. */
import { describe, expect, it } from "vitest";
import { BASE_URL, djangoShell, pageBasics, setUpChromium } from "./browser";

const chromium = setUpChromium();

describe("public profile in Chromium", () => {
  it("shows a user's level, reputation and unlocked customisation", async () => {
    await djangoShell<null>([
      "from accounts.models import Profile, User",
      "user, _ = User.objects.get_or_create(username='olena-e2e', defaults={'email': 'olena-e2e@example.com'})",
      "Profile.objects.update_or_create(user=user, defaults={'reputation': 450})",
      "print('null')",
    ]);
    const current = await chromium.open();
    const { page } = current;
    const response = await page.goto(`${BASE_URL}/u/olena-e2e/`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("profile-name").textContent()).resolves.toBe("olena-e2e");
    await expect(page.getByTestId("profile-reputation").textContent()).resolves.toBe("450");
    await expect(page.getByTestId("profile-title").textContent()).resolves.toBe("Отаку");
    await expect(page.getByTestId("profile-banner").count()).resolves.toBe(1);
    const basics = await pageBasics(page);
    expect(basics.h1Count).toBe(1);
    expect(basics.lang).toBe("uk");
    expect(basics.title).toMatch(/olena-e2e/);
  });

  it("answers 404 in Ukrainian for an unknown user", async () => {
    const current = await chromium.open();
    current.allow(/status of 404 .*\/u\/nikoho-nemaie\/\)$/);
    const response = await current.page.goto(`${BASE_URL}/u/nikoho-nemaie/`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(404);
    await expect(current.page.locator("h1").textContent()).resolves.toBe("Користувача не знайдено");
  });
});
