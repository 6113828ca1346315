/**
 * Comments in Chromium: an author comments on an episode, a reader replies, likes and reports
 * the comment, and the moderator finds the report in the moderation queue.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, type TrackedPage, launchChromium, openTrackedPage } from "./browser";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = process.env.PYTHON ?? path.join(REPO_ROOT, ".venv", "bin", "python");
const PASSWORD = "kotyky-i-pesyky-42";
const RUN = Date.now() % 1_000_000;
const PEOPLE = { author: `avtor${RUN}`, reader: `chytach${RUN}`, moderator: `moder${RUN}` };

/** Three confirmed accounts (one a moderator) and the path of the first live episode. */
async function prepare(): Promise<{ episode: string }> {
  const code = [
    "import json",
    "from accounts.models import User",
    "from accounts.roles import assign_role",
    "from allauth.account.models import EmailAddress",
    "from cms.anime.models import EpisodePage",
    "from cms.catalog.paths import page_path",
    `for name in ${JSON.stringify(Object.values(PEOPLE))}:`,
    `    user = User.objects.create_user(name, name + '@example.com', '${PASSWORD}')`,
    "    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)",
    `assign_role(User.objects.get(username='${PEOPLE.moderator}'), 'moderator')`,
    "episode = EpisodePage.objects.live().order_by('id').first()",
    "print(json.dumps({'episode': page_path(episode.url_path)}))",
  ].join("\n");
  const { stdout } = await promisify(execFile)(PYTHON, ["manage.py", "shell", "-c", code], {
    cwd: REPO_ROOT,
    env: process.env,
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
}

let browser: Browser;
const pages: TrackedPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  const problems = pages.flatMap((tracked) => tracked.problems);
  for (const tracked of pages.splice(0)) await tracked.page.context().close();
  expect(problems.join("\n"), "page errors or console errors").toBe("");
});

async function signedIn(username: string): Promise<Page> {
  const tracked = await openTrackedPage(browser);
  // allauth answers "not signed in" with 401 while the sign-in page asks for its CSRF cookie.
  tracked.allow(/status of 401.*\/_allauth\//);
  pages.push(tracked);
  const { page } = tracked;
  await page.goto(`${BASE_URL}/accounts/sign-in/`, { waitUntil: "networkidle" });
  await page.getByLabel("Електронна пошта").fill(`${username}@example.com`);
  await page.getByLabel("Пароль").fill(PASSWORD);
  await page.getByRole("button", { name: "Увійти", exact: true }).click();
  await page.waitForURL(`${BASE_URL}/`);
  await page.getByTestId("user-menu").getByText(username).waitFor();
  return page;
}

describe("comments in Chromium", () => {
  it("comments on an episode, replies, likes, reports; the moderator sees the report", async () => {
    const { episode } = await prepare();
    const text = `Найкраща серія сезону! ${RUN}`;

    const author = await signedIn(PEOPLE.author);
    await author.goto(`${BASE_URL}${episode}`, { waitUntil: "networkidle" });
    const section = author.getByTestId("comment-section");
    await section.getByText("Коментарів ще немає").waitFor();
    await section.getByLabel("Ваш коментар").fill(`${text} ||спойлер||`);
    await section.getByRole("button", { name: "Надіслати" }).click();
    const mine = section.getByTestId("comment").filter({ hasText: text });
    await mine.waitFor();
    expect(await mine.locator(".spoiler").count()).toBe(1);

    const reader = await signedIn(PEOPLE.reader);
    await reader.goto(`${BASE_URL}${episode}`, { waitUntil: "networkidle" });
    const theirs = reader.getByTestId("comment").filter({ hasText: text }).first();
    await theirs.waitFor();
    await theirs.getByRole("button", { name: "Відповісти" }).first().click();
    await theirs.getByLabel("Ваша відповідь").fill("Згоден, анімація неймовірна.");
    await theirs.getByRole("button", { name: "Відповісти" }).last().click();
    await theirs.getByTestId("comment").filter({ hasText: "Згоден, анімація" }).waitFor();

    const like = theirs.getByTestId("like-button").first();
    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    expect(await theirs.getByTestId("like-count").first().textContent()).toBe("1");

    await theirs.getByRole("button", { name: "Поскаржитися" }).first().click();
    const form = theirs.getByTestId("report-form");
    await form.getByLabel("Причина").selectOption("spoiler");
    await form.getByLabel("Пояснення (необов’язково)").fill("Спойлер без тегу");
    await form.getByRole("button", { name: "Надіслати скаргу" }).click();
    await theirs.getByRole("status").filter({ hasText: "Дякуємо" }).waitFor();

    // The likes survive a reload (counted on the server), and the page stays the reader's.
    await reader.reload({ waitUntil: "networkidle" });
    const reloaded = reader.getByTestId("comment").filter({ hasText: text }).first();
    await expect.poll(() => reloaded.getByTestId("like-count").first().textContent()).toBe("1");

    const moderator = await signedIn(PEOPLE.moderator);
    const queue = await moderator.goto(`${BASE_URL}/api/moderation/reports/`);
    expect(queue?.status()).toBe(200);
    const reports = (await queue?.json()) as {
      reason: string;
      text: string;
      reporter: { username: string };
      comment: { body: string; page: { url: string } };
    }[];
    const report = reports.find((entry) => entry.comment.body.includes(text));
    expect(report).toMatchObject({
      reason: "spoiler",
      text: "Спойлер без тегу",
      reporter: { username: PEOPLE.reader },
      comment: { page: { url: episode } },
    });
  }, 240_000); // three people sign in and load the episode: slow on a shared two-core machine
});
