/**
 * The dub-studio admin in Chromium: a dub-team member signs in to the Wagtail admin, adds a source
 * in its team's name (it waits for an editor's approval), and cannot open another team's source.
 */
import { describe, expect, it } from "vitest";
import { API_URL, djangoShell, setUpChromium } from "./browser";

const PASSWORD = "studiya-ozvuchennia-7";
/** On the e2e Django's allowlist (STREAM_PROVIDER_HOSTS is direct=127.0.0.1|localhost there); the
 * admin only checks the address, it fetches nothing. */
const STREAM = "http://127.0.0.1:9/studio-e2e/master.m3u8";

interface Studio {
  episode: number;
  ownTeam: string;
  otherTeam: string;
  otherSource: number;
}

/** A dubber of the first demo team, an episode, and a source of another team. */
function createStudio(): Promise<Studio> {
  return djangoShell<Studio>([
    "import json",
    "from accounts.models import User",
    "from accounts.roles import assign_role",
    "from cms.anime.models import EpisodePage, VideoSource",
    "from cms.dubbing.models import DubTeamPage",
    "own, other = DubTeamPage.objects.live().order_by('pk')[:2]",
    "user, _ = User.objects.get_or_create(username='studio-e2e', defaults={'email': 'studio-e2e@example.com'})",
    `user.set_password('${PASSWORD}'); user.save()`,
    "assign_role(user, 'dubber')",
    "own.memberships.get_or_create(user=user) if own.memberships.filter(user=user).exists() else own.memberships.create(user=user)",
    "own.save_revision().publish()",
    "source = VideoSource.objects.filter(dub_team=other).order_by('pk').first()",
    "episode = EpisodePage.objects.live().order_by('pk').first()",
    "print(json.dumps({'episode': episode.pk, 'ownTeam': own.title, 'otherTeam': other.title, 'otherSource': source.pk}))",
  ]);
}

const chromium = setUpChromium();

describe("dub-studio admin in Chromium", () => {
  it("adds a source for its own team and cannot touch another team's", async () => {
    const studio = await createStudio();
    const current = await chromium.open();
    // The refused page is a redirect to the dashboard; Wagtail's own admin JS may log 404s of
    // optional endpoints — none expected, so nothing is allowed here.
    const { page } = current;

    await page.goto(`${API_URL}/admin/login/`);
    await page.fill("#id_username", "studio-e2e");
    await page.fill("#id_password", PASSWORD);
    await Promise.all([page.waitForURL(`${API_URL}/admin/`), page.click("form button[type=submit]")]);
    await expect(page.locator("nav").getByText("Мої джерела").first().isVisible()).resolves.toBe(true);

    await page.goto(`${API_URL}/admin/studio/sources/add/?episode=${studio.episode}`);
    const teams = await page.locator("#id_dub_team option").allTextContents();
    expect(teams).toEqual([studio.ownTeam]);
    await page.selectOption("#id_provider", "direct");
    await page.selectOption("#id_kind", "hls");
    await page.fill("#id_url", STREAM);
    await Promise.all([
      page.waitForURL(/\/admin\/studio\/sources\/edit\/\d+\/|\/admin\/studio\/sources\/$/),
      page.locator("footer button[type=submit]").first().click(),
    ]);
    await page.goto(`${API_URL}/admin/studio/sources/`);
    const listing = await page.locator("table.listing tbody").innerText();
    expect(listing).toContain(studio.ownTeam);
    expect(listing).not.toContain(studio.otherTeam);

    await page.goto(`${API_URL}/admin/studio/sources/edit/${studio.otherSource}/`);
    expect(new URL(page.url()).pathname).toBe("/admin/");
    await expect(page.getByText("не маєте дозволів").first().isVisible()).resolves.toBe(true);

    const saved = await djangoShell<{ live: boolean; team: string }[]>([
      "import json",
      "from cms.anime.models import VideoSource",
      "rows = VideoSource.objects.filter(dub_team__memberships__user__username='studio-e2e', url='" + STREAM + "')",
      "print(json.dumps([{'live': s.live, 'team': s.dub_team.title} for s in rows]))",
    ]);
    expect(saved).toEqual([{ live: false, team: studio.ownTeam }]);
  });
});
