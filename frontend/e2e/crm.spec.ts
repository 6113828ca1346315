/**
 * The CRM in Chromium: a moderator bans a user from the user's card in the Wagtail admin, and
 * that user's next comment on the site is refused with the ban's reason.
 */
import { describe, expect, it } from "vitest";
import { API_URL, BASE_URL, djangoShell, setUpChromium } from "./browser";

const PASSWORD = "moderatsiia-bez-kompromisiv-9";
const RUN = Date.now() % 1_000_000;
const MODERATOR = `crm-moder${RUN}`;
const MEMBER = `crm-glyadach${RUN}`;

interface People {
  member: number;
  episode: string;
}

/** A moderator and a confirmed member, and the path of the first live episode. */
function prepare(): Promise<People> {
  return djangoShell<People>([
    "import json",
    "from accounts.models import User",
    "from accounts.roles import assign_role",
    "from allauth.account.models import EmailAddress",
    "from cms.anime.models import EpisodePage",
    "from cms.catalog.paths import page_path",
    `for name in ['${MODERATOR}', '${MEMBER}']:`,
    `    user = User.objects.create_user(name, name + '@example.com', '${PASSWORD}')`,
    "    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)",
    `assign_role(User.objects.get(username='${MODERATOR}'), 'moderator')`,
    "episode = EpisodePage.objects.live().order_by('id').first()",
    `member = User.objects.get(username='${MEMBER}')`,
    "print(json.dumps({'member': member.pk, 'episode': page_path(episode.url_path)}))",
  ]);
}

const chromium = setUpChromium();

describe("CRM in Chromium", () => {
  it("a moderator bans a member, whose next comment is refused", async () => {
    const people = await prepare();

    const site = await chromium.open();
    // allauth answers "not signed in" with 401 while the sign-in page asks for its CSRF cookie;
    // the refused comment is a 403 the browser logs.
    site.allow(/status of 401.*\/_allauth\//);
    site.allow(/status of 403/);
    const member = site.page;
    await member.goto(`${BASE_URL}/accounts/sign-in/`, { waitUntil: "networkidle" });
    await member.getByLabel("Електронна пошта").fill(`${MEMBER}@example.com`);
    await member.getByLabel("Пароль").fill(PASSWORD);
    await member.getByRole("button", { name: "Увійти", exact: true }).click();
    await member.waitForURL(`${BASE_URL}/`);
    await member.goto(`${BASE_URL}${people.episode}`, { waitUntil: "networkidle" });
    const section = member.getByTestId("comment-section");
    await section.getByLabel("Ваш коментар").fill(`До блокування ${RUN}`);
    await section.getByRole("button", { name: "Надіслати" }).click();
    await section.getByTestId("comment").filter({ hasText: `До блокування ${RUN}` }).waitFor();

    const admin = await chromium.open();
    const moderator = admin.page;
    await moderator.goto(`${API_URL}/admin/login/`);
    await moderator.fill("#id_username", MODERATOR);
    await moderator.fill("#id_password", PASSWORD);
    await Promise.all([
      moderator.waitForURL(`${API_URL}/admin/`),
      moderator.click("form button[type=submit]"),
    ]);
    await moderator.goto(`${API_URL}/admin/crm/users/?q=${MEMBER}`);
    await moderator.getByRole("link", { name: MEMBER }).click();
    await moderator.waitForURL(`${API_URL}/admin/crm/users/${people.member}/`);
    await moderator.goto(`${API_URL}/admin/crm/users/${people.member}/ban/`);
    await moderator.getByLabel("Причина").fill("Образи в коментарях");
    await moderator.getByLabel("Днів").fill("7");
    await Promise.all([
      moderator.waitForURL(`${API_URL}/admin/crm/users/${people.member}/`),
      moderator.getByRole("button", { name: "Заблокувати" }).click(),
    ]);
    await moderator.getByText("Користувача заблоковано.").waitFor();

    await section.getByLabel("Ваш коментар").fill(`Після блокування ${RUN}`);
    await section.getByRole("button", { name: "Надіслати" }).click();
    const refusal = section.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("заблоковано до");
    await member.reload({ waitUntil: "networkidle" });
    await section.getByTestId("comment").filter({ hasText: `До блокування ${RUN}` }).waitFor();
    expect(await section.getByText(`Після блокування ${RUN}`).count()).toBe(0);
  }, 240_000); // two people sign in on a shared two-core machine
});
