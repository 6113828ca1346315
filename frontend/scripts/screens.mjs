#!/usr/bin/env node
/**
 * `npm run screens`: screenshots of the home, catalog, title, watch, search and schedule pages at
 * 1366×900 and 390×844 (whole pages) into frontend/screens/ (git-ignored), so anyone can look at
 * the site without clicking through it. Needs a running site: E2E_BASE_URL (default
 * http://127.0.0.1:3000, e.g. `make dev` or `next start`) with the demo catalog; the title and
 * the episode are the catalog's first. Chromium: CHROME_PATH (default /usr/bin/chromium).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const BASE_URL = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "screens");
const VIEWPORTS = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

/** The first link on `pathname` whose href matches `pattern` (to find a title and an episode). */
async function firstLink(page, pathname, pattern) {
  await page.goto(`${BASE_URL}${pathname}`, { waitUntil: "load" });
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const href = hrefs.find((value) => pattern.test(value ?? ""));
  if (!href) throw new Error(`no link matching ${pattern} on ${pathname}`);
  return href;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const probe = await browser.newPage();
    const titlePath = await firstLink(probe, "/anime/", /^\/anime\/[^/]+\/$/);
    const watchPath = await firstLink(probe, titlePath, /^\/anime\/[^/]+\/\d+\/$/);
    await probe.close();
    const pages = [
      ["home", "/"],
      ["catalog", "/anime/"],
      ["title", titlePath],
      ["watch", watchPath],
      ["search", `/search/?q=${encodeURIComponent("атака")}`],
      ["schedule", "/schedule/"],
    ];
    mkdirSync(OUT, { recursive: true });
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        locale: "uk-UA",
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const [name, pathname] of pages) {
        await page.goto(`${BASE_URL}${pathname}`, { waitUntil: "networkidle" });
        const file = path.join(OUT, `${name}-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${path.relative(process.cwd(), file)}  ${pathname}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
