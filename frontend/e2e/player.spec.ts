/**
 * The watch page's player in Chromium against a local HLS "provider" (e2e/fixtures): playback,
 * the quality menu, dub switching at the same position, skip-intro, resume, an iframe source and
 * a dead source. Seeds its own anime with `manage.py seed_playback_fixture`.
 *
 * Debian's Chromium plays H.264/AAC through MSE (checked in the first test), so the fixture uses
 * the codecs real providers serve.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHlsFixture, startFixtureServer, type FixtureServer } from "./fixtures/hls-fixture.mjs";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const BASE_URL = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const PYTHON = process.env.PYTHON ?? path.join(REPO_ROOT, ".venv", "bin", "python");
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Seeded {
  slug: string;
  episodes: Record<string, number>;
}

let fixture: FixtureServer;
let browser: Browser;
let seeded: Seeded;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  fixture = await startFixtureServer(await buildHlsFixture());
  const { stdout } = await run(
    PYTHON,
    ["manage.py", "seed_playback_fixture", "--base-url", fixture.url],
    { cwd: REPO_ROOT, env: process.env },
  );
  seeded = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Seeded;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await fixture?.close();
  // Specs that run later (the site tour) see only the demo catalog again.
  await run(PYTHON, ["manage.py", "seed_playback_fixture", "--unpublish"], { cwd: REPO_ROOT, env: process.env });
}, 60_000);

async function newPage(context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  if (!context) contexts.push(ctx);
  return ctx.newPage();
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

async function play(page: Page) {
  await page.click('button[aria-label="Відтворити"]');
  await waitForTime(page, 0.3);
}

describe("player", () => {
  it("plays H.264/AAC HLS: currentTime advances", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    const codecs = await page.evaluate(() =>
      MediaSource.isTypeSupported('video/mp4; codecs="avc1.42c01f,mp4a.40.2"'),
    );
    expect(codecs).toBe(true);
    await play(page);
    const first = await videoTime(page);
    await waitForTime(page, first + 1);
    expect(await videoTime(page)).toBeGreaterThan(first + 0.9);
    expect(await page.getAttribute('[data-testid="player"]', "data-mode")).toBe("hls");
  });

  it("keyboard: space pauses, arrows seek, m mutes", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    await play(page);
    await waitForTime(page, 1);
    await page.focus('[aria-label="Відеоплеєр"]');
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>("video")?.paused === true);
    const paused = await videoTime(page);
    await page.keyboard.press("ArrowRight");
    expect(await videoTime(page)).toBeCloseTo(paused + 5, 0);
    await page.keyboard.press("m");
    expect(await page.$eval("video", (v) => (v as HTMLVideoElement).muted)).toBe(true);
  });

  it("fetches nothing from the provider before play", async () => {
    const page = await newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const before = fixture.requests.length;
    await page.goto(`${BASE_URL}/anime/${seeded.slug}/1/`, { waitUntil: "networkidle" });
    await page.waitForSelector('[data-testid="player"]:not([aria-busy])');
    expect(requested.filter((url) => url.startsWith(fixture.url) || url.includes(".m3u8"))).toEqual([]);
    expect(fixture.requests.length).toBe(before);
    await play(page);
    expect(requested.some((url) => url.startsWith(fixture.url) && url.endsWith(".m3u8"))).toBe(true);
  });

  it("keyboard paths: focus after «Відтворити», volume arrows, the settings menu", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element?.getAttribute("aria-label") ?? element?.textContent?.trim() ?? element?.tagName;
      });
    await page.focus('button[aria-label="Відтворити"]');
    await page.keyboard.press("Enter");
    await waitForTime(page, 0.5);
    expect(await focused()).toBe("Відеоплеєр");

    const volume = page.getByRole("slider", { name: "Гучність" });
    await volume.focus();
    const [volumeBefore, timeBefore] = await page.$eval("video", (v) => [
      (v as HTMLVideoElement).volume,
      (v as HTMLVideoElement).currentTime,
    ]);
    await page.keyboard.press("ArrowLeft");
    const [volumeAfter, timeAfter] = await page.$eval("video", (v) => [
      (v as HTMLVideoElement).volume,
      (v as HTMLVideoElement).currentTime,
    ]);
    expect(volumeAfter).toBeCloseTo(volumeBefore - 0.05, 2);
    expect(timeAfter).toBeGreaterThanOrEqual(timeBefore); // no 5 s jump back

    const settings = page.locator('[data-testid="player-settings"]');
    await settings.focus();
    await page.keyboard.press("Enter");
    expect(await settings.getAttribute("aria-expanded")).toBe("true");
    const item = () =>
      page.evaluate(() => (document.activeElement?.getAttribute("role") ?? "") + ":" + document.activeElement?.textContent);
    const first = await item();
    expect(first.startsWith("menuitemradio:")).toBe(true);
    await page.keyboard.press("ArrowDown");
    const second = await item();
    expect(second).not.toBe(first);
    expect(second.startsWith("menuitemradio:")).toBe(true);
    expect(await page.$eval("video", (v) => (v as HTMLVideoElement).volume)).toBeCloseTo(volumeAfter, 2);
    await page.keyboard.press("Escape");
    expect(await page.locator('[role="menu"]').count()).toBe(0);
    expect(await focused()).toBe("Налаштування");

    await page.keyboard.press("Enter");
    await page.keyboard.press("End"); // the fastest speed
    await page.keyboard.press("Enter");
    expect(await page.locator('[role="menu"]').count()).toBe(0);
    expect(await focused()).toBe("Налаштування");
    expect(await page.$eval("video", (v) => (v as HTMLVideoElement).playbackRate)).toBe(2);
  });

  it("on a phone: tap to play, double tap on the right third seeks 10 s forward", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await openEpisode(page, 1);
    await page.tap('button[aria-label="Відтворити"]');
    await waitForTime(page, 1);
    const box = (await page.locator('[data-testid="player-video"]').boundingBox())!;
    const x = box.x + box.width * 0.85;
    const y = box.y + box.height / 2;
    const before = await videoTime(page);
    await page.touchscreen.tap(x, y);
    await page.touchscreen.tap(x, y);
    await page.waitForFunction(
      (t) => (document.querySelector<HTMLVideoElement>("video")?.currentTime ?? 0) >= t,
      before + 9,
      { timeout: 3_000 }, // far less than the 9 s normal playback would need
    );
    expect(await page.$eval("video", (v) => (v as HTMLVideoElement).paused)).toBe(false);
  });

  it("lists Auto + 3 levels and keeps playing after a quality switch", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    await play(page);
    await page.click('[data-testid="player-settings"]');
    const labels = await page.$$eval('[data-testid="player-quality"]', (items) =>
      items.map((i) => i.textContent ?? ""),
    );
    expect(labels).toHaveLength(4);
    expect(labels[0]).toContain("Авто");
    expect(labels.slice(1)).toEqual(["720p", "480p", "360p"]);

    await page.click('[data-testid="player-quality"]:has-text("360p")');
    await page.waitForFunction(
      () => document.querySelector<HTMLVideoElement>('[data-testid="player-video"]')?.videoHeight === 360,
      undefined,
      { timeout: 15_000 },
    );
    const afterSwitch = await videoTime(page);
    await waitForTime(page, afterSwitch + 1);
    await page.click('[data-testid="player-settings"]');
    expect(await page.textContent('[data-testid="player-quality"][aria-checked="true"]')).toBe("360p");
  });

  it("switches the dub to another stream within 1 s of the position, and remembers it", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await newPage(context);
    await openEpisode(page, 1);
    expect(await page.getAttribute('[data-testid="player"]', "data-dub")).toBe("uk:fixture-dub-a");
    await play(page);
    await waitForTime(page, 7);
    const before = fixture.requests.length;
    const { at, after } = await page.evaluate(async () => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="player-video"]')!;
      const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="player-dub"]')].find(
        (b) => b.textContent?.includes("Озвучка Б"),
      )!;
      const oldSource = video.currentSrc;
      const at = video.currentTime;
      button.click();
      // The new stream is attached (a new MediaSource URL) and has a frame at the position.
      await new Promise<void>((resolve) => {
        const check = () =>
          video.currentSrc !== oldSource && video.readyState >= 2 && !video.seeking
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return { at, after: video.currentTime };
    });
    expect(await page.getAttribute('[data-testid="player"]', "data-dub")).toBe("uk:fixture-dub-b");
    expect(Math.abs(after - at)).toBeLessThanOrEqual(1);
    expect(fixture.requests.slice(before).some((p) => p.startsWith("/dub-b/"))).toBe(true);
    await waitForTime(page, after + 0.5); // and it keeps playing

    const reopened = await newPage(context);
    await openEpisode(reopened, 1);
    expect(await reopened.getAttribute('[data-testid="player"]', "data-dub")).toBe("uk:fixture-dub-b");
  });

  it("shows Ukrainian VTT subtitles from the menu", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    await play(page);
    await page.click('button[aria-label="Субтитри"]');
    await page.click('[role="menuitemradio"]:has-text("Українська")');
    await page.waitForFunction(() => {
      const track = document.querySelector<HTMLVideoElement>("video")?.textTracks[0];
      return track?.mode === "showing" && (track.cues?.length ?? 0) > 0;
    });
  });

  it("counts down to the next episode at the end and opens it", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    await play(page);
    await page.$eval("video", (v) => {
      (v as HTMLVideoElement).currentTime = (v as HTMLVideoElement).duration - 1;
    });
    const countdown = page.locator('[data-testid="player-next"]');
    await countdown.waitFor({ timeout: 15_000 });
    expect(await countdown.textContent()).toContain("Серія 2 почнеться за");
    await page.click('[data-testid="player-next"] button:has-text("Дивитися зараз")');
    await page.waitForURL(`${BASE_URL}/anime/${seeded.slug}/2/`);
  });

  it("skip-intro jumps to the end of the opening", async () => {
    const page = await newPage();
    await openEpisode(page, 1);
    await play(page);
    await page.waitForSelector('[data-testid="player-skip"]', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="player-skip"]')).toBe("Пропустити опенінг");
    await page.click('[data-testid="player-skip"]');
    expect(await videoTime(page)).toBeGreaterThanOrEqual(5.9);
    await page.waitForSelector('[data-testid="player-skip"]', { state: "detached" });
  });

  it("offers to resume from the saved position", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await newPage(context);
    await openEpisode(page, 1);
    await play(page);
    await waitForTime(page, 7);
    await page.click('[data-testid="player-play"]'); // pause saves the position
    const saved = await videoTime(page);

    const again = await newPage(context);
    await openEpisode(again, 1);
    const offer = again.locator('[data-testid="player-resume"]');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(`0:${String(Math.floor(saved)).padStart(2, "0")}`);
    await again.click('[data-testid="player-resume"] button:has-text("Продовжити")');
    await waitForTime(again, saved);
    expect(await videoTime(again)).toBeLessThan(saved + 3);
  });

  it("renders an iframe source in a sandboxed frame with our dub menu", async () => {
    const page = await newPage();
    await openEpisode(page, 2);
    const frame = page.locator('[data-testid="player-iframe"]');
    expect(await frame.count()).toBe(0); // the provider's page loads only on play
    await page.click('button[aria-label="Відтворити"]');
    await frame.waitFor();
    expect(await frame.getAttribute("src")).toBe(`${fixture.url}/iframe.html`);
    expect(await frame.getAttribute("sandbox")).toContain("allow-scripts");
    const heading = page.frameLocator('[data-testid="player-iframe"]').locator("#provider-player");
    expect(await heading.textContent()).toBe("Плеєр провайдера");
    expect(await page.locator('[data-testid="player-dub"]').count()).toBeGreaterThan(0);
  });

  it("shows a Ukrainian message for a dead source instead of a blank player", async () => {
    const page = await newPage();
    await openEpisode(page, 3);
    await page.click('button[aria-label="Відтворити"]');
    const message = page.locator('[data-testid="player-message"]');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toContain("Не вдалося відтворити це відео");
    expect(await page.getAttribute('[data-testid="player"]', "data-mode")).toBe("failed");
    await page.click('[data-testid="player-message"] button');
    await page.waitForSelector('[data-testid="player-message"] button:has-text("Дякуємо")');
  });
});
