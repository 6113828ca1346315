/**
 * The manga reader in Chromium on a demo chapter (One Piece, chapter 1). The demo chapters carry
 * MangaDex ids only the e2e runner's local stand-in knows (run.mjs points MANGADEX_BASE_URL and
 * READER_IMAGE_HOSTS at e2e/fixtures/mangadex-fixture.mjs, which serves PAGES generated pages
 * per chapter): turn pages in paged mode, switch to the vertical strip and back, reopen the
 * chapter on the saved page, and go on to the next chapter from the controls.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BASE_URL, setUpChromium } from "./browser";
import { PAGES } from "./fixtures/mangadex-fixture.mjs";

const session = setUpChromium();
const CHAPTER = `${BASE_URL}/manga/one-piece-manga/1/`;
const TIMEOUT = 180_000;

async function openChapter(page: Page, url: string) {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector('[data-testid="reader-frame"]', { timeout: 60_000 });
}

async function pageShown(page: Page, number: number) {
  await page.waitForSelector(`[data-testid="reader-frame"][data-page="${number}"]`, { timeout: 30_000 });
}

async function chooseMode(page: Page, label: string) {
  await page.getByRole("button", { name: "Налаштування читання" }).click({ timeout: 15_000 });
  await page.getByRole("menuitemradio", { name: label }).click({ timeout: 15_000 });
}

describe("manga reader", () => {
  it(
    "turns pages, switches modes, reopens on the saved page and goes to the next chapter",
    async () => {
      const { page } = await session.open();
      await openChapter(page, CHAPTER);
      await pageShown(page, 1);
      // The stand-in's page image, loaded from the image host in paged mode.
      await page.waitForSelector('[data-testid="reader-page"][data-loaded]', { timeout: 30_000 });
      expect(await page.getByTestId("reader-counter").textContent()).toContain(`${PAGES}`);

      // → turns the page forward in left-to-right paged mode (the default).
      await page.keyboard.press("ArrowRight");
      await pageShown(page, 2);
      await page.keyboard.press("ArrowRight");
      await pageShown(page, 3);

      await chooseMode(page, "Вертикальна стрічка");
      await page.waitForSelector('[data-testid="reader-strip"]', { timeout: 15_000 });
      expect(await page.locator('[data-testid="reader-strip"] img').count()).toBe(PAGES);
      await chooseMode(page, "Сторінки зліва направо");
      await page.waitForSelector('[data-testid="reader-page"]', { timeout: 15_000 });
      await pageShown(page, 3);

      // Reopened: the chapter opens where the reader stopped.
      await openChapter(page, CHAPTER);
      await pageShown(page, 3);

      // The title page's chapter list (a client component) links the chapters; no «Читаю» signed out.
      await page.goto(`${BASE_URL}/manga/one-piece-manga/`, { waitUntil: "domcontentloaded" });
      await page.waitForSelector('section[aria-labelledby="chapters"] a[href="/manga/one-piece-manga/1/"]', { timeout: 30_000 });
      expect(await page.getByTestId("chapter-reading").count()).toBe(0);

      await openChapter(page, CHAPTER);
      await pageShown(page, 3);
      await page.getByRole("button", { name: "Наступний розділ (2)" }).click({ timeout: 15_000 });
      await page.waitForURL(/\/manga\/one-piece-manga\/2\/$/, { timeout: 30_000 });
      await pageShown(page, 1);
      await page.waitForSelector('[data-testid="reader-page"][data-loaded]', { timeout: 30_000 });
    },
    TIMEOUT,
  );
});
