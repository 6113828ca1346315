/**
 * Shared browser setup for the site specs: Debian's Chromium through playwright-core, and pages
 * that record uncaught exceptions and console errors so a spec can fail on them.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

export const BASE_URL = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
export const API_URL = (process.env.E2E_API_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface TrackedPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far. */
  problems: string[];
  /** Console errors matching this are expected (e.g. the 404 document itself). */
  allow: (pattern: RegExp) => void;
}

export async function openTrackedPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport, locale: "uk-UA" });
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = `${message.text()} (${message.location().url})`;
    if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console: ${text}`);
  });
  return { page, problems, allow: (pattern) => allowed.push(pattern) };
}

export interface ChromiumSession {
  /** A new tracked page, closed after the test, which fails on its page or console errors. */
  open: (viewport?: { width: number; height: number }) => Promise<TrackedPage>;
  /** Close a tracked page now and fail (naming `label`) on its errors. */
  release: (tracked: TrackedPage, label?: string) => Promise<void>;
}

/**
 * One Chromium for the spec file that calls it (launched before its tests, closed after them),
 * and the after-each check every spec shares: no uncaught exception, no console error.
 */
export function setUpChromium(): ChromiumSession {
  let browser: Browser | undefined;
  let open: TrackedPage[] = [];

  async function release(tracked: TrackedPage, label = "page errors or console errors") {
    open = open.filter((item) => item !== tracked);
    await tracked.page.context().close();
    expect(tracked.problems.join("\n"), label).toBe("");
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const tracked of [...open]) await release(tracked);
  });

  return {
    async open(viewport) {
      if (!browser) throw new Error("setUpChromium(): the browser is not launched yet");
      const tracked = await openTrackedPage(browser, viewport);
      open.push(tracked);
      return tracked;
    },
    release,
  };
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = process.env.PYTHON ?? path.join(REPO_ROOT, ".venv", "bin", "python");

/** Run Python in `manage.py shell` against the spec's database; its last printed line, as JSON. */
export async function djangoShell<T>(lines: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(PYTHON, ["manage.py", "shell", "-c", lines.join("\n")], {
    cwd: REPO_ROOT,
    env: process.env,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "null") as T;
}

export async function apiJson<T>(path: string): Promise<T> {
  const response = await fetch(`${API_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Lighthouse-style basics every page must meet. */
export async function pageBasics(page: Page) {
  return page.evaluate(() => ({
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.getAttribute("content") ?? "",
    h1Count: document.querySelectorAll("h1").length,
    imagesWithoutAlt: [...document.querySelectorAll("img")].filter((img) => !img.hasAttribute("alt"))
      .length,
    lang: document.documentElement.lang,
  }));
}
