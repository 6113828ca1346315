/**
 * Accounts in Chromium: sign up, confirm through the link in the e-mail Django wrote
 * (EMAIL_URL=file://E2E_MAIL_DIR), see the header change, sign out, sign in again.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_URL, setUpChromium } from "./browser";

const MAIL_DIR = process.env.E2E_MAIL_DIR ?? "";
const PASSWORD = "kotyky-i-pesyky-42";

/** The newest e-mail to `address` that contains `marker`, waiting for it to be written. */
async function mailLink(address: string, marker: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    let files: string[] = [];
    try {
      files = readdirSync(MAIL_DIR).sort();
    } catch {
      // Not created until the first e-mail.
    }
    for (const file of files.reverse()) {
      const text = readFileSync(path.join(MAIL_DIR, file), "utf8");
      const match = text.includes(address) ? text.match(marker) : null;
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no e-mail to ${address} in ${MAIL_DIR}`);
}

const chromium = setUpChromium();

describe("accounts in Chromium", () => {
  it("signs up, confirms by e-mail, signs out and in again", async () => {
    expect(MAIL_DIR, "E2E_MAIL_DIR (set by e2e/run.mjs)").not.toBe("");
    const current = await chromium.open();
    // allauth answers "not signed in yet" (sign-up waiting for the e-mail, sign-out) with 401 and
    // a wrong password with 400; Chromium logs those answers to the console.
    current.allow(/status of 40[01].*\/_allauth\//);
    const { page } = current;
    const email = `e2e-${Date.now()}@example.com`;
    const nickname = `e2e${Date.now() % 1_000_000}`;

    await page.goto(`${BASE_URL}/`, { waitUntil: "networkidle" });
    const header = page.locator("header");
    await header.getByRole("link", { name: "Увійти" }).waitFor();

    await page.goto(`${BASE_URL}/accounts/sign-up/`, { waitUntil: "networkidle" });
    await page.getByLabel("Електронна пошта").fill(email);
    await page.getByLabel("Нікнейм").fill(nickname);
    await page.getByLabel("Пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Зареєструватися" }).click();
    await page.getByRole("status").filter({ hasText: "Майже готово" }).waitFor();

    const link = await mailLink(email, /https?:\/\/[^\s]+\/accounts\/confirm-email\/[^\s/]+\//);
    expect(link.startsWith(BASE_URL)).toBe(true);
    await page.goto(link, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Підтвердити адресу" }).click();
    await page.waitForURL(`${BASE_URL}/`);
    const menu = header.getByTestId("user-menu");
    await menu.getByText(nickname).waitFor();

    await menu.getByRole("button", { name: "Вийти" }).click();
    await header.getByRole("link", { name: "Увійти" }).waitFor();

    await header.getByRole("link", { name: "Увійти" }).click();
    await page.waitForURL(/\/accounts\/sign-in\/$/);
    await page.getByLabel("Електронна пошта").fill(email);
    await page.getByLabel("Пароль").fill("wrong-password-1");
    await page.getByRole("button", { name: "Увійти", exact: true }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.getByRole("alert").first().textContent()).toMatch(/[А-Яа-яІіЇїЄє]/);

    await page.getByLabel("Пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Увійти", exact: true }).click();
    await page.waitForURL(`${BASE_URL}/`);
    await header.getByTestId("user-menu").getByText(nickname).waitFor();
  });
});
