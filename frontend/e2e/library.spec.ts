/**
 * The visitor's library in Chromium: sign in, add a title to the list, watch an episode to 80 %
 * of the local HLS fixture (e2e/fixtures, seeded by `manage.py seed_playback_fixture` as in
 * player.spec.ts), then on a "second device" (a new browser context) resume at the same second;
 * «Мій список» shows the title under «Дивлюся» and the home page offers the next episode.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, djangoShell, setUpChromium } from "./browser";
import { buildHlsFixture, startFixtureServer, type FixtureServer } from "./fixtures/hls-fixture.mjs";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = process.env.PYTHON ?? path.join(REPO_ROOT, ".venv", "bin", "python");
const PASSWORD = "spysok-i-progres-42";
const USERNAME = `glyadach${Date.now() % 1_000_000}`;

let fixture: FixtureServer;
let seeded: { slug: string; anime: number; episodes: Record<string, number> };

beforeAll(async () => {
  fixture = await startFixtureServer(await buildHlsFixture());
  const { stdout } = await run(PYTHON, ["manage.py", "seed_playback_fixture", "--base-url", fixture.url], {
    cwd: REPO_ROOT,
    env: process.env,
  });
  seeded = JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
  await djangoShell<null>([
    "from accounts.models import User",
    "from allauth.account.models import EmailAddress",
    `user = User.objects.create_user('${USERNAME}', '${USERNAME}@example.com', '${PASSWORD}')`,
    "EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)",
    "print('null')",
  ]);
}, 180_000);

afterAll(async () => {
  await fixture?.close();
  await run(PYTHON, ["manage.py", "seed_playback_fixture", "--unpublish"], { cwd: REPO_ROOT, env: process.env });
}, 60_000);

const chromium = setUpChromium();

/** A new browser context (a device of its own), signed in. */
async function signedInDevice(): Promise<Page> {
  const tracked = await chromium.open();
  // allauth answers "not signed in" with 401 while the sign-in page asks for its CSRF cookie.
  tracked.allow(/status of 401.*\/_allauth\//);
  const { page } = tracked;
  await page.goto(`${BASE_URL}/accounts/sign-in/`, { waitUntil: "networkidle" });
  await page.getByLabel("Електронна пошта").fill(`${USERNAME}@example.com`);
  await page.getByLabel("Пароль").fill(PASSWORD);
  await page.getByRole("button", { name: "Увійти", exact: true }).click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByTestId("user-menu").getByText(USERNAME).waitFor();
  return page;
}

async function openEpisode(page: Page, number: number) {
  await page.goto(`${BASE_URL}/anime/${seeded.slug}/${number}/`, { waitUntil: "domcontentloaded" });
  await page.waitForSelector('[data-testid="player"]:not([aria-busy])', { timeout: 30_000 });
}

function videoTime(page: Page): Promise<number> {
  return page.$eval('[data-testid="player-video"]', (v) => (v as HTMLVideoElement).currentTime);
}

async function waitForTime(page: Page, seconds: number, timeout = 20_000) {
  await page.waitForFunction(
    (t) => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="player-video"]');
      return !!video && !video.paused && video.currentTime >= t;
    },
    seconds,
    { timeout },
  );
}

describe("my library in Chromium", () => {
  it("adds a title, watches to 80 %, resumes at the same second on a second device", async () => {
    const first = await signedInDevice();
    await first.goto(`${BASE_URL}/anime/${seeded.slug}/`, { waitUntil: "networkidle" });
    const status = first.getByTestId("list-controls").getByTestId("list-status");
    await status.waitFor();
    const added = first.waitForResponse((r) => r.url().endsWith(`/api/me/list/${seeded.anime}/`) && r.request().method() === "PUT");
    await status.selectOption("planned");
    expect((await added).status()).toBe(201);
    await first.getByTestId("list-controls").getByTestId("list-score").selectOption("8");
    // The new score is in the title's rating at once, not after the page's revalidation.
    await first.getByTestId("title-rating").filter({ hasText: "★ 8.0" }).waitFor();
    expect(await first.getByTestId("title-rating").textContent()).toContain("1 оцінка");
    // Follow new episodes in one dub team; the header has the bell.
    const team = first.getByTestId("subscribe").getByRole("button", { name: "Озвучка А" });
    await team.click();
    await first.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="subscribe"] button')].some(
        (button) => button.textContent === "Озвучка А" && button.getAttribute("aria-pressed") === "true",
      ),
    );
    await first.getByTestId("notification-bell").waitFor();

    // Play episode 1 (20 s) to 80 %: jump close to it, play past it, pause (which saves).
    await openEpisode(first, 1);
    await first.click('button[aria-label="Відтворити"]');
    await waitForTime(first, 0.3);
    await first.$eval('[data-testid="player-video"]', (v) => {
      (v as HTMLVideoElement).currentTime = 15.2;
    });
    const progressUrl = `/api/me/progress/${seeded.episodes["1"]}/`;
    const saves: { position: number; completed: boolean; source?: number }[] = [];
    first.on("response", (r) => {
      if (r.url().endsWith(progressUrl) && r.request().method() === "PUT") {
        const sent = JSON.parse(r.request().postData() ?? "{}") as { source?: number };
        void r.json().then((body) => saves.push({ ...body, source: sent.source }));
      }
    });
    await waitForTime(first, 16.2);
    // Pause at once (a click can take seconds on a loaded machine, past the watched tail).
    await first.$eval('[data-testid="player-video"]', (v) => (v as HTMLVideoElement).pause());
    const position = await videoTime(first);
    expect(position).toBeLessThan(18); // the last 10 % count as "watched to the end"
    await expect.poll(() => saves.find((save) => save.position === Math.floor(position)), { timeout: 10_000 }).toBeTruthy();
    const answer = saves.find((save) => save.position === Math.floor(position))!;
    expect(answer.completed).toBe(true);
    expect(answer.source, "the source playing, for the dub teams' statistics").toEqual(expect.any(Number));

    // A second device: the account's position, not this browser's local storage.
    const second = await signedInDevice();
    await openEpisode(second, 1);
    const offer = second.locator('[data-testid="player-resume"]');
    await offer.waitFor({ timeout: 15_000 });
    expect(await offer.textContent()).toContain(`0:${String(Math.floor(position)).padStart(2, "0")}`);
    await second.click('[data-testid="player-resume"] button:has-text("Продовжити")');
    await waitForTime(second, Math.floor(position));
    const resumed = await videoTime(second);
    expect(Math.abs(resumed - position)).toBeLessThanOrEqual(1.5); // ±1 s, plus the moment it played

    // Watched to 80 %: the list moved the title from «Заплановано» to «Дивлюся».
    await second.goto(`${BASE_URL}/my/`, { waitUntil: "networkidle" });
    const tab = second.getByRole("tab", { name: /^Дивлюся/ });
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    const item = second.getByTestId("my-list-item").filter({ hasText: "Тестовий плеєр" });
    await item.waitFor();
    expect(await item.getByTestId("list-status").inputValue()).toBe("watching");
    expect(await item.textContent()).toContain("★ 8");

    // Episode 1 counts as watched: the home page offers the next one.
    await second.goto(`${BASE_URL}/`, { waitUntil: "networkidle" });
    const row = second.getByTestId("continue-watching");
    const link = row.getByRole("link", { name: /Тестовий плеєр/ });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`/anime/${seeded.slug}/2/`);
  });

  it("invites a signed-out visitor to sign in on «Мій список»", async () => {
    const { page } = await chromium.open();
    await page.goto(`${BASE_URL}/my/`, { waitUntil: "networkidle" });
    await page.getByText("Увійдіть, щоб вести свій список").waitFor();
    expect(await page.locator("h1").textContent()).toBe("Мій список");
  });
});
