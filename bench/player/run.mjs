/**
 * Player bench: time to first frame and dub-switch time on the local HLS fixture, in Chromium.
 *
 * Needs the site running (Django + Next, as for `npm run test:e2e`):
 *   E2E_BASE_URL=http://127.0.0.1:3000 PYTHON=.venv/bin/python node bench/player/run.mjs [runs]
 * DATABASE_URL must point at the database the running Django uses (the fixture anime is seeded
 * there). Targets: first frame <= 1.5 s after the play click, dub switch <= 1 s.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(ROOT, "frontend", "package.json"));
const { chromium } = require("playwright-core");
const { buildHlsFixture, startFixtureServer } = await import(
  path.join(ROOT, "frontend", "e2e", "fixtures", "hls-fixture.mjs")
);

const BASE_URL = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const PYTHON = process.env.PYTHON ?? path.join(ROOT, ".venv", "bin", "python");
const RUNS = Number(process.argv[2] ?? 5);
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** In the page: click, then resolve with ms until the video presents a frame of the new state. */
async function measure(page, selector, untilNewSource) {
  return page.evaluate(
    async ({ selector, untilNewSource }) => {
      const video = document.querySelector('[data-testid="player-video"]');
      const oldSource = video.currentSrc;
      const start = performance.now();
      document.querySelector(selector).click();
      for (;;) {
        // requestVideoFrameCallback fires when a frame is actually composited.
        await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
        if (!untilNewSource || (video.currentSrc !== oldSource && !video.seeking)) break;
      }
      return { ms: performance.now() - start, at: video.currentTime };
    },
    { selector, untilNewSource },
  );
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank percentile.
  const pick = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return `median ${pick(0.5).toFixed(0)} ms, p90 ${pick(0.9).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`;
}

const fixture = await startFixtureServer(await buildHlsFixture());
const run = promisify(execFile);
const { stdout } = await run(PYTHON, ["manage.py", "seed_playback_fixture", "--base-url", fixture.url], {
  cwd: ROOT,
});
const seeded = JSON.parse(stdout.trim().split("\n").pop());
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });

/**
 * Warm-up, unmeasured: the first render fills Next's caches. Right after the fixture was removed
 * and seeded again (an e2e run), Next may still serve the old episode id for one revalidation, so
 * the page is reopened until the player is ready (at most a minute).
 */
async function warmUp() {
  const page = await browser.newPage();
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      await page.goto(`${BASE_URL}/anime/${seeded.slug}/1/`, { waitUntil: "domcontentloaded" });
      const ready = await page
        .waitForSelector('button[aria-label="Відтворити"]', { timeout: 10_000 })
        .then(() => true, () => false);
      if (ready) return;
      await page.waitForTimeout(3_000);
    }
    throw new Error("the watch page never showed a ready player");
  } finally {
    await page.close();
  }
}

const firstFrame = [];
const loadToFrame = [];
const dubSwitch = [];
const drift = [];
try {
  await warmUp();
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/anime/${seeded.slug}/1/`, { waitUntil: "domcontentloaded" });
    await page.waitForSelector('button[aria-label="Відтворити"]', { timeout: 30_000 });
    const sinceNavigation = await page.evaluate(() => performance.now());
    const first = await measure(page, 'button[aria-label="Відтворити"]', false);
    firstFrame.push(first.ms);
    loadToFrame.push(sinceNavigation + first.ms);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="player-video"]').currentTime >= 3,
      undefined,
      { timeout: 20_000 },
    );
    const before = await page.$eval('[data-testid="player-video"]', (v) => v.currentTime);
    const dubB = `[data-testid="player-dub"]:not([aria-pressed="true"])`;
    const switched = await measure(page, dubB, true);
    dubSwitch.push(switched.ms);
    drift.push(Math.abs(switched.at - before));
    await context.close();
  }
} finally {
  await browser.close();
  await fixture.close();
}
console.log(`player bench on the local fixture, ${RUNS} runs (${BASE_URL})`);
console.log(`time to first frame after play click: ${summary(firstFrame)} (target <= 1500 ms)`);
console.log(`page navigation to first frame:        ${summary(loadToFrame)}`);
console.log(`dub switch to first frame of new dub:  ${summary(dubSwitch)} (target <= 1000 ms)`);
console.log(`position drift across the dub switch:  max ${Math.max(...drift).toFixed(2)} s`);
