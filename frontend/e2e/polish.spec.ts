/**
 * Site polish (issue 17) in Chromium against the demo catalog: the schedule's episode numbers,
 * one episode list on the title page with nothing fetched from a provider before play, search
 * that ranks anime first and shows teams, no sideways scroll on a 390 px phone, axe-core at both
 * widths, and the player's keyboard paths.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, type TrackedPage, apiJson, launchChromium, openTrackedPage } from "./browser";

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

