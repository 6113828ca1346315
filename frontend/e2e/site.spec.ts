/**
 * The site in Chromium against the demo catalog: home, catalog filters, a title, an episode,
 * search, the dub team page, 404 and a bad filter. Any uncaught exception or console error fails.
 */
import { describe, expect, it } from "vitest";
import {
  API_URL,
  BASE_URL,
  type TrackedPage,
  apiJson,
  djangoShell,
  pageBasics,
  setUpChromium,
} from "./browser";

/** A Wagtail preview token for a changed (unsaved) copy of the first anime page. */
function createPreviewToken(): Promise<{ token: string; title: string }> {
  return djangoShell([
    "import json",
    "from cms.anime.models import AnimePage",
    "page = AnimePage.objects.live().order_by('id').first()",
    "page.title = 'Чернетка: ' + page.title",
    "preview = page.create_page_preview()",
    "print(json.dumps({'token': preview.token, 'title': page.title}))",
  ]);
}

const chromium = setUpChromium();

async function open(path: string, viewport?: { width: number; height: number }) {
  const current = await chromium.open(viewport);
  const response = await current.page.goto(`${BASE_URL}${path}`, { waitUntil: "networkidle" });
  return { ...current, status: response?.status() ?? 0 };
}

async function expectBasics(tracked: TrackedPage) {
  // After a client-side navigation the new metadata is streamed in a moment after the URL changes.
  await tracked.page.waitForFunction(() => /AniHata/.test(document.title), null, { timeout: 10_000 });
  const basics = await pageBasics(tracked.page);
  expect(basics.title).toMatch(/AniHata/);
  expect(basics.description.length).toBeGreaterThan(20);
  expect(basics.h1Count).toBe(1);
  expect(basics.imagesWithoutAlt).toBe(0);
  expect(basics.lang).toBe("uk");
}

interface TitlesAnswer {
  meta: { total_count: number; facets: Record<string, { value: string; label: string; count: number }[]> };
  items: { title: string; meta: { html_url: string } }[];
}

describe("AniHata in Chromium", () => {
  it("opens the home page with its sections", async () => {
    const tracked = await open("/");
    expect(tracked.status).toBe(200);
    await expectBasics(tracked);
    const headings = await tracked.page.locator("h2").allTextContents();
    expect(headings).toEqual(expect.arrayContaining(["Популярне", "Нове українське озвучення"]));
    expect(await tracked.page.locator('[data-testid="card"]').count()).toBeGreaterThan(6);
    await expect(tracked.page.getByRole("combobox").isVisible()).resolves.toBe(true);
  });

  it("filters the catalog by genre and year and shows the API's count", async () => {
    const all = await apiJson<TitlesAnswer>("/api/v2/titles/?kind=anime&limit=1");
    const genre = all.meta.facets.genre?.[0];
    expect(genre).toBeDefined();
    const expected = await apiJson<TitlesAnswer>(
      `/api/v2/titles/?kind=anime&genre=${genre!.value}&year_from=2010&limit=1`,
    );
    expect(expected.meta.total_count).toBeGreaterThan(0);
    expect(expected.meta.total_count).toBeLessThan(all.meta.total_count);

    const tracked = await open("/anime/");
    await expectBasics(tracked);
    const { page } = tracked;
    await page.getByRole("checkbox", { name: new RegExp(genre!.label) }).check({ force: true });
    await page.getByLabel("Рік від").fill("2010");
    await page.getByRole("button", { name: "Показати" }).click();
    await page.waitForURL(/genre=.*year_from=2010/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll("genre")).toEqual([genre!.value]);
    expect(url.searchParams.get("year_from")).toBe("2010");
    expect(url.search).not.toContain("season=");
    const count = page.getByTestId("catalog-count");
    await expect(count.textContent()).resolves.toMatch(new RegExp(`^Знайдено ${expected.meta.total_count} `));
    expect(await page.locator('[data-testid="catalog"] [data-testid="card"]').count()).toBe(Math.min(expected.meta.total_count, 24));
    await expect(page.getByRole("checkbox", { name: new RegExp(genre!.label) }).isChecked()).resolves.toBe(true);
  });

  it("opens a title from the catalog, then an episode", async () => {
    const tracked = await open("/anime/?order=-rating");
    const { page } = tracked;
    const firstCard = page.locator('[data-testid="catalog"] [data-testid="card"]').first();
    const cardTitle = (await firstCard.locator('[data-testid="card-title"]').textContent())?.trim();
    await firstCard.locator("a").first().click();
    await page.waitForURL(/\/anime\/[^/?]+\/$/);
    await page.waitForLoadState("networkidle");
    await expectBasics(tracked);
    await expect(page.locator("h1").textContent()).resolves.toBe(cardTitle);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd["@type"]).toBe("TVSeries");
    expect(jsonLd.name).toBe(cardTitle);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(canonical?.endsWith(new URL(page.url()).pathname)).toBe(true);
    await expect(page.locator('meta[property="og:image"]').count()).resolves.toBe(1);

    await page.getByRole("link", { name: /Дивитися: серія/ }).click();
    await page.waitForURL(/\/anime\/[^/]+\/\d+\/$/);
    await page.waitForLoadState("networkidle");
    await expectBasics(tracked);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/— серія \d+$/);
    await expect(page.getByTestId("player-slot").count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "Озвучення цієї серії" }).count()).resolves.toBe(1);
    const next = page.getByRole("link", { name: /^Серія \d+ →$/ });
    if (await next.count()) {
      await next.click();
      await page.waitForURL(/\/anime\/[^/]+\/\d+\/$/);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("h1").textContent()).resolves.toMatch(/— серія \d+$/);
    }
  });

  it("searches from the header and suggests titles when nothing is found", async () => {
    const found = await apiJson<TitlesAnswer>(`/api/v2/titles/?search=${encodeURIComponent("Фрірен")}&limit=1`);
    expect(found.meta.total_count).toBeGreaterThan(0);
    const tracked = await open("/");
    const { page } = tracked;
    const box = page.getByRole("combobox");
    await box.fill("Фрірен");
    await box.press("Enter");
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForLoadState("networkidle");
    await expectBasics(tracked);
    await expect(page.locator("h1").textContent()).resolves.toBe("Результати пошуку «Фрірен»");
    await expect(page.getByTestId("catalog-count").textContent()).resolves.toMatch(
      new RegExp(`^Знайдено ${found.meta.total_count} `),
    );
    await expect(page.locator('[data-testid="card-title"]').first().textContent()).resolves.toMatch(/Фрірен/);

    // "load", not "networkidle": a background prefetch of "/" can stay open for a while here.
    await page.goto(`${BASE_URL}/search/?q=${encodeURIComponent("жжжщщщ")}`, { waitUntil: "load" });
    await expect(page.getByText("Нічого не знайдено").count()).resolves.toBe(1);
    await expect(page.getByRole("heading", { name: "Популярне зараз" }).count()).resolves.toBe(1);
  });

  it("shows instant results in the header box when the API offers them", async () => {
    const probe = await fetch(`${API_URL}/api/search/instant/?q=${encodeURIComponent("фрі")}`);
    if (probe.status === 404) return; // The instant-search endpoint has not landed yet.
    const tracked = await open("/");
    const { page } = tracked;
    await page.getByRole("combobox").fill("фрі");
    await page.getByRole("option").first().waitFor({ timeout: 10_000 });
    await page.getByRole("combobox").press("ArrowDown");
    await page.getByRole("combobox").press("Enter");
    await page.waitForURL(/\/(anime|manga)\/[^/]+\/$/);
  });

  it("opens a dub team page from a title", async () => {
    const tracked = await open("/dub-teams/");
    const { page } = tracked;
    await expectBasics(tracked);
    await page.getByTestId("team-card").first().click();
    await page.waitForURL(/\/dub-teams\/[^/]+\/$/);
    await page.waitForLoadState("networkidle");
    await expectBasics(tracked);
    expect(await page.locator('[data-testid="card"]').count()).toBeGreaterThan(0);
  });

  it("gives every other page type a title, a description, one h1 and alt texts", async () => {
    const manga = await apiJson<TitlesAnswer>("/api/v2/titles/?kind=manga&limit=1");
    const mangaPath = new URL(manga.items[0]!.meta.html_url).pathname;
    const chapters = await apiJson<{ items: { meta: { html_url: string } }[] }>(
      `/api/v2/pages/?child_of=${(manga.items[0] as unknown as { id: number }).id}&type=manga.ChapterPage&limit=1`,
    );
    const paths = ["/manga/", mangaPath, "/schedule/", "/search/"];
    if (chapters.items[0]) paths.push(new URL(chapters.items[0].meta.html_url).pathname);
    for (const path of paths) {
      const tracked = await open(path);
      expect(tracked.status, path).toBe(200);
      await expectBasics(tracked);
      await chromium.release(tracked, path);
    }
  });

  it("answers 404 in Ukrainian for an unknown page", async () => {
    const current = await chromium.open();
    current.allow(/status of 404 .*\/anime\/takoho-ne-buvaie\/\)$/);
    const response = await current.page.goto(`${BASE_URL}/anime/takoho-ne-buvaie/`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(404);
    await expectBasics(current);
    await expect(current.page.locator("h1").textContent()).resolves.toBe("Сторінку не знайдено");
  });

  it("explains a bad filter value instead of failing", async () => {
    const tracked = await open("/anime/?genre=takoho-zhanru-nemaie");
    expect(tracked.status).toBe(200);
    await expect(tracked.page.getByText(/Неправильне значення фільтра «жанр»/).count()).resolves.toBe(1);
  });

  it("is usable on a 360 px phone", async () => {
    const tracked = await open("/anime/", { width: 360, height: 740 });
    const { page } = tracked;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("checkbox").first().isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: /^Фільтри/ }).click();
    await expect(page.getByRole("button", { name: "Показати" }).isVisible()).resolves.toBe(true);
  });

  it("serves robots.txt and a sitemap of the catalog", async () => {
    const robots = await (await fetch(`${BASE_URL}/robots.txt`)).text();
    expect(robots).toContain("Sitemap:");
    const sitemap = await (await fetch(`${BASE_URL}/sitemap.xml`)).text();
    const anime = await apiJson<TitlesAnswer>("/api/v2/titles/?kind=anime&limit=1");
    expect(sitemap).toContain(new URL(anime.items[0]!.meta.html_url).pathname);
    expect(sitemap).toContain("/dub-teams/");
  });

  it("shows a Wagtail draft only with a valid preview token", async () => {
    const { token, title } = await createPreviewToken();
    const current = await chromium.open();
    current.allow(/status of 401 .*\/preview\//);
    const { page } = current;
    const bad = await page.goto(`${BASE_URL}/preview/?content_type=anime.animepage&token=forged`);
    expect(bad?.status()).toBe(401);
    const query = new URLSearchParams({ content_type: "anime.animepage", token });
    await page.goto(`${BASE_URL}/preview/?${query}`, { waitUntil: "load" });
    expect(new URL(page.url()).pathname).toBe("/preview/draft/");
    await expect(page.locator("h1").textContent()).resolves.toBe(title);
    await expect(page.getByText("Попередній перегляд чернетки").count()).resolves.toBe(1);
    const cookies = await page.context().cookies();
    expect(cookies.some((cookie) => cookie.name === "__prerender_bypass")).toBe(true);
  });

  it("checks the revalidation secret", async () => {
    const post = (secret: string) =>
      fetch(`${BASE_URL}/revalidate/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-revalidate-secret": secret },
        body: JSON.stringify({ paths: ["/anime/"], tags: ["catalog"] }),
      });
    expect((await post("wrong")).status).toBe(401);
    expect((await post("e2e-secret")).status).toBe(200);
  });
});
