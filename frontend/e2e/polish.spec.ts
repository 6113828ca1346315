/**
 * Site polish (issue 17) in Chromium against the demo catalog: the schedule's episode numbers,
 * one episode list on the title page with nothing fetched from a provider before play, search
 * that ranks anime first and shows teams, no sideways scroll on a 390 px phone, axe-core at both
 * widths, and the player's keyboard paths.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, type TrackedPage, apiJson, djangoShell, launchChromium, openTrackedPage } from "./browser";

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

let browser: Browser;
let current: TrackedPage | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  const tracked = current;
  current = null;
  if (!tracked) return;
  await tracked.page.context().close();
  expect(tracked.problems.join("\n"), "page errors or console errors").toBe("");
});

async function open(path: string, viewport = DESKTOP) {
  current = await openTrackedPage(browser, viewport);
  const response = await current.page.goto(`${BASE_URL}${path}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  return current;
}

interface ScheduleAnswer {
  days: { items: { episode: number | null; dubs: { expected_at: string | null }[] }[] }[];
}

describe("site polish", () => {
  it("shows a real week on the schedule, with episode numbers and expected dubs", async () => {
    const api = await apiJson<ScheduleAnswer>("/api/schedule/");
    const items = api.days.flatMap((day) => day.items);
    expect(api.days.every((day) => day.items.length > 0)).toBe(true);
    expect(items.every((item) => item.episode !== null)).toBe(true);

    const { page } = await open("/schedule/");
    const episodes = await page.getByTestId("schedule-episode").allTextContents();
    expect(episodes).toHaveLength(items.length);
    expect(episodes.every((text) => /^Серія \d+$/.test(text.trim()))).toBe(true);
    const expected = items.flatMap((item) => item.dubs).filter((dub) => dub.expected_at).length;
    expect(expected).toBeGreaterThan(0);
    await expect(page.getByRole("list", { name: "Очікуване озвучення" }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('ul[aria-label="Очікуване озвучення"] time').count()).toBe(expected);
  });

  it("shows one episode list with a dub picker and fetches no stream on the title page", async () => {
    current = await openTrackedPage(browser, DESKTOP);
    const { page } = current;
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${BASE_URL}/anime/attack-on-titan/`, { waitUntil: "networkidle" });
    const list = page.locator("#episodes ~ ol > li");
    const links = await page.locator('a[href^="/anime/attack-on-titan/"][href$="/"]').evaluateAll((anchors) =>
      anchors.map((a) => a.getAttribute("href")).filter((href) => /\/\d+\/$/.test(href ?? "")),
    );
    // Each episode is linked once from the list (the hero's «Дивитися» button adds episode 1).
    const counts = new Map<string, number>();
    for (const href of links) counts.set(href!, (counts.get(href!) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect([...counts.entries()].filter(([, n]) => n === 2).map(([href]) => href)).toEqual([
      "/anime/attack-on-titan/1/",
    ]);
    const all = await list.count();
    expect(all).toBe(6);
    await expect(page.getByText("Тобі, через 2000 років").isVisible()).resolves.toBe(true);

    const picker = page.getByRole("group", { name: "Озвучення" });
    const options = picker.getByRole("button");
    expect(await options.count()).toBeGreaterThanOrEqual(3); // «Усі» + two teams (+ original)
    await options.nth(1).click();
    expect(await options.nth(1).getAttribute("aria-pressed")).toBe("true");
    const teamEpisodes = Number((await options.nth(1).locator("span").last().textContent())?.trim());
    expect(await list.count()).toBe(teamEpisodes);

    expect(requested.filter((url) => /\.m3u8|mux\.dev|akamaihd|apple\.com|youtube/.test(url))).toEqual([]);
  });
});


/** Heading levels on the page, in document order, that skip a level going down (h1 → h3). */
async function skippedHeadings(page: TrackedPage["page"]): Promise<string[]> {
  return page.evaluate(() => {
    const skipped: string[] = [];
    let previous = 0;
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      const level = Number(heading.tagName[1]);
      if (previous && level > previous + 1) skipped.push(`${heading.tagName}: ${heading.textContent}`);
      previous = level;
    }
    return skipped;
  });
}

describe("search page", () => {
  it("shows a dub team for a team's name, not an empty title list", async () => {
    const { page } = await open(`/search/?q=${encodeURIComponent("ліхтар")}`);
    const teams = page.getByTestId("search-teams");
    await expect(teams.getByRole("heading", { name: "Команди озвучення" }).count()).resolves.toBe(1);
    await expect(teams.getByTestId("team-card").first().textContent()).resolves.toContain("Ліхтарик");
    await expect(page.getByText(/Знайдено 0 тайтлів/).count()).resolves.toBe(0);
    await expect(page.getByText("Жанри").count()).resolves.toBe(0);
    await page.getByTestId("team-card").first().click();
    await page.waitForURL(/\/dub-teams\/[^/]+\/$/);
  });

  it("groups anime before manga, keeps the query in one box and labels its landmarks", async () => {
    const query = "атака титанів";
    const { page } = await open(`/search/?q=${encodeURIComponent(query)}`);
    const order = await page.locator('[data-testid^="search-"]').evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute("data-testid")),
    );
    expect(order.filter((id) => id === "search-anime" || id === "search-manga")).toEqual([
      "search-anime",
      "search-manga",
    ]);
    const boxes = await page.locator("input").evaluateAll(
      (inputs, text) => inputs.filter((input) => (input as HTMLInputElement).value === text).length,
      query,
    );
    expect(boxes).toBe(1);
    const labels = await page.getByRole("search").evaluateAll((forms) => forms.map((form) => form.getAttribute("aria-label")));
    expect(labels.length).toBe(2);
    expect(new Set(labels).size).toBe(2);
    expect(labels.every(Boolean)).toBe(true);
    expect(await skippedHeadings(page)).toEqual([]);

    // A kind's tab: the catalog with its filters, still one box with the query.
    await page.getByRole("navigation", { name: "Що шукати" }).getByRole("link", { name: "Аніме" }).click();
    await page.waitForURL(/kind=anime/);
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("catalog-count").textContent()).resolves.toMatch(/^Знайдено [1-9]/);
    await expect(page.locator("#filter-search").count()).resolves.toBe(0);
    expect(await skippedHeadings(page)).toEqual([]);
  });

  it("orders headings on the catalog without skipping a level", async () => {
    const { page } = await open("/anime/");
    expect(await skippedHeadings(page)).toEqual([]);
  });
});

/** Every page a visitor meets, for the phone and accessibility checks (the chapter from the API). */
async function everyPage(): Promise<string[]> {
  const manga = await apiJson<{ items: { id: number }[] }>("/api/v2/titles/?kind=manga&limit=1");
  const chapters = await apiJson<{ items: { meta: { html_url: string } }[] }>(
    `/api/v2/pages/?child_of=${manga.items[0]!.id}&type=manga.ChapterPage&limit=1`,
  );
  await djangoShell<null>([
    "from accounts.models import Profile, User",
    "user, _ = User.objects.get_or_create(username='polish-e2e', defaults={'email': 'polish-e2e@example.com'})",
    "Profile.objects.get_or_create(user=user)",
    "print('null')",
  ]);
  const paths = [
    "/",
    "/anime/",
    "/anime/attack-on-titan/",
    "/anime/attack-on-titan/1/",
    `/search/?q=${encodeURIComponent("атака титанів")}`,
    "/schedule/",
    "/u/polish-e2e/",
  ];
  if (chapters.items[0]) paths.push(new URL(chapters.items[0].meta.html_url).pathname);
  return paths;
}

async function closeCurrent() {
  const tracked = current;
  current = null;
  if (!tracked) return;
  await tracked.page.context().close();
  expect(tracked.problems.join("\n"), "page errors or console errors").toBe("");
}

describe("phones and grids", () => {
  it("never scrolls sideways on a 390 px phone, and reaches «Форум» from the bottom bar", async () => {
    for (const path of await everyPage()) {
      const { page } = await open(path, PHONE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      const forum = page.getByRole("navigation", { name: "Головна навігація" }).getByRole("link", { name: "Форум" });
      const box = await forum.boundingBox();
      expect(box, path).not.toBeNull();
      expect(box!.x >= 0 && box!.x + box!.width <= PHONE.width, path).toBe(true);
      expect(box!.y + box!.height, path).toBeLessThanOrEqual(PHONE.height);
      expect(box!.y, path).toBeGreaterThan(PHONE.height / 2); // a bottom bar, under the thumb
      await closeCurrent();
    }
  });

  it("centres the title page's poster on a phone", async () => {
    const { page } = await open("/anime/attack-on-titan/", PHONE);
    const poster = await page.getByTestId("title-poster").boundingBox();
    expect(poster).not.toBeNull();
    const left = poster!.x;
    const right = PHONE.width - (poster!.x + poster!.width);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
  });

  it("fills whole rows with the home rows and a catalog page at both widths", async () => {
    for (const viewport of [DESKTOP, PHONE, { width: 800, height: 900 }]) {
      for (const path of ["/", "/anime/"]) {
        const { page } = await open(path, viewport);
        const grids = await page.getByTestId("title-grid").evaluateAll((lists) =>
          lists.map((list) => ({
            columns: getComputedStyle(list).gridTemplateColumns.split(" ").length,
            cards: [...list.children].filter((item) => getComputedStyle(item).display !== "none").length,
          })),
        );
        expect(grids.length, path).toBeGreaterThan(0);
        for (const grid of grids) {
          expect(grid.cards % grid.columns, `${path} at ${viewport.width}px: ${JSON.stringify(grid)}`).toBe(0);
        }
        await closeCurrent();
      }
    }
  });
});

describe("accessibility", () => {
  it("has no axe-core violation on any page at either width", async () => {
    const axePath = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "axe-core", "axe.min.js");
    const found: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      for (const pagePath of await everyPage()) {
        const { page } = await open(pagePath, viewport);
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
          interface AxeResults {
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }
          const results = await axe.run(document);
          return results.violations.map(
            (violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
          );
        });
        found.push(...violations.map((text) => `${pagePath} at ${viewport.width}px: ${text}`));
        await closeCurrent();
      }
    }
    expect(found).toEqual([]);
  }, 240_000);
});

describe("speed on phones", () => {
  it("loads hls.js only when playback starts, keeps the player's box and the fonts local", async () => {
    current = await openTrackedPage(browser, PHONE);
    const { page } = current;
    const scripts: Promise<string>[] = [];
    const fonts: string[] = [];
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (type === "script") scripts.push(response.text().catch(() => ""));
      if (type === "font") fonts.push(response.url());
    });
    await page.goto(`${BASE_URL}/anime/attack-on-titan/1/`, { waitUntil: "networkidle" });
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(0);
    // A config key only hls.js itself carries.
    expect(bodies.filter((body) => body.includes("fragLoadingMaxRetry"))).toHaveLength(0);
    // Manrope comes from our own origin (next/font/local), preloaded, not a CSS @import.
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((url) => url.startsWith(`${BASE_URL}/_next/static/media/`))).toBe(true);
    const preloads = await page.locator('link[rel="preload"][as="font"]').count();
    expect(preloads).toBeGreaterThan(0);
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family).toMatch(/Fallback/);
    const frame = await page.getByTestId("player").boundingBox();
    expect(frame).not.toBeNull();
    // The 16:9 frame plus the dub bar, before and after the player loads.
    expect(frame!.height).toBeGreaterThan((frame!.width * 9) / 16);
  });
});
