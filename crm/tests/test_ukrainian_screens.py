"""Every admin screen staff use speaks Ukrainian: the page explorer and editors, history and
workflow screens, images and documents, every snippet, users and groups, the settings screens,
reports, search, and a form with errors. Each group of screens is crawled as the role that
works there (crm/tests/english.py finds the English words; crm/locale/uk holds the overrides)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, PageLogEntry, Site, Task, Workflow

from accounts.models import Role, TrustedTeam, User
from accounts.roles import assign_role
from cms.anime.models import AnimePage, VideoSource
from cms.catalog.models import Genre, Studio
from integrations.models import ImportedTitle, ImportRun

from .english import english_phrases

pytestmark = pytest.mark.django_db

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


@pytest.fixture
def site(make_anime, make_episode, make_manga, make_chapter, make_team, make_genre):
    """A small demo site: a title with an episode and a source, a manga with a chapter, a dub
    team with a member, an image, a document, one record of each snippet, a custom role, a
    redirect and a collection."""
    PageLogEntry.objects.all().delete()  # Wagtail's migration logged its own page in English
    genre = make_genre("fantasy", "Фентезі")
    studio = Studio.objects.create(slug="madhouse", name="Медхаус")
    anime = make_anime("frieren", title="Фрірен", genres=[genre], studios=[studio])
    team = make_team("ours", "Наші")
    episode = make_episode(
        anime, 1, sources=[{"dub_team": team, "provider": "direct", "kind": "hls", "url": HLS}]
    )
    anime.save_revision()  # a draft on top of the live revision: history shows both
    manga = make_manga("berserk", title="Берсерк")
    chapter = make_chapter(manga, 1, mangadex_chapter_id="a-1")
    dubber = User.objects.create_user("дубер", "dubber@example.com", "x")
    assign_role(dubber, "dubber")
    team.memberships.create(user=dubber)
    team.save_revision().publish()
    TrustedTeam.objects.create(team=team)
    curators = Group.objects.create(name="role:curator")
    Role.objects.create(name="curator", label="Куратор", rank=15, group=curators)
    redirect = Redirect.objects.create(old_path="/stare", redirect_link="https://example.com/")
    collection = Collection.get_first_root_node().add_child(name="Постери")
    image = get_image_model().objects.create(title="Постер", file=get_test_image_file())
    document = get_document_model().objects.create(
        title="Договір", file=ContentFile(b"%PDF-1.4", name="dogovir.pdf")
    )
    run = ImportRun.objects.create(source="jikan", kind="anime", mode="ids")
    record = {"source": "jikan", "kind": "anime", "external_id": "52991", "title_uk": "Фрірен"}
    imported = ImportedTitle.objects.create(
        source="jikan",
        kind="anime",
        external_id="52991",
        title="Фрірен",
        record=record,
        last_run=run,
    )
    return {
        "anime": anime,
        "episode": episode,
        "manga": manga,
        "chapter": chapter,
        "team": team,
        "dubber": dubber,
        "source": VideoSource.objects.get(episode=episode),
        "genre": genre,
        "studio": studio,
        "image": image,
        "document": document,
        "run": run,
        "imported": imported,
        "redirect": redirect,
        "collection": collection,
    }


def snippet(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def page_screens(s) -> list[str]:
    anime, home = s["anime"], s["anime"].get_parent().get_parent()
    team_index = s["team"].get_parent()
    pages = [anime, s["episode"], s["manga"], s["chapter"], s["team"]]
    urls = [
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore", args=[anime.get_parent().pk]),
        reverse("wagtailadmin_explore", args=[anime.pk]),
        reverse("wagtailadmin_explore", args=[s["manga"].pk]),
        reverse("wagtailadmin_pages:add", args=["anime", "animepage", anime.get_parent().pk]),
        reverse("wagtailadmin_pages:add", args=["dubbing", "dubteampage", team_index.pk]),
        reverse("wagtailadmin_pages:add", args=["anime", "episodepage", anime.pk]),
        reverse("wagtailadmin_pages:add", args=["manga", "chapterpage", s["manga"].pk]),
        f"{reverse('wagtailadmin_pages:search')}?q=Фрірен",
        f"{reverse('wagtailadmin_pages:search')}?q=нічого",
    ]
    for page in pages:
        urls += [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
        ]
    revision = anime.latest_revision
    urls += [
        reverse("wagtailadmin_pages:revisions_view", args=[anime.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[anime.pk, "live", revision.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[anime.pk]),
        reverse("wagtailadmin_pages:move", args=[anime.pk]),
        reverse("wagtailadmin_pages:copy", args=[anime.pk]),
        reverse("wagtailadmin_pages:delete", args=[s["chapter"].pk]),
        reverse("wagtailadmin_pages:unpublish", args=[s["chapter"].pk]),
        reverse("wagtailadmin_pages:usage", args=[anime.pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[anime.pk]),
        # The choosers the editors' forms open (rich-text links, images, documents).
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page_child", args=[anime.get_parent().pk]),
        f"{reverse('wagtailadmin_choose_page_search')}?q=Фрірен",
        reverse("wagtailadmin_choose_page_external_link"),
        reverse("wagtailadmin_choose_page_email_link"),
        reverse("wagtailadmin_choose_page_phone_link"),
        reverse("wagtailadmin_choose_page_anchor_link"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs_chooser:choose"),
    ]
    return urls


def library_screens(s) -> list[str]:
    urls = [
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[s["image"].pk]),
        reverse("wagtailimages:image_usage", args=[s["image"].pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[s["document"].pk]),
        reverse("wagtailsnippets:index"),
    ]
    for model, row in [(Genre, s["genre"]), (Studio, s["studio"])]:
        urls += [
            snippet(model, "list"),
            snippet(model, "add"),
            snippet(model, "edit", row.pk),
            snippet(model, "history", row.pk),
            snippet(model, "usage", row.pk),
        ]
    urls += [
        snippet(ImportedTitle, "list"),
        snippet(ImportedTitle, "inspect", s["imported"].pk),
        snippet(ImportedTitle, "edit", s["imported"].pk),
        snippet(ImportRun, "list"),
        snippet(ImportRun, "inspect", s["run"].pk),
        snippet(TrustedTeam, "list"),
        snippet(TrustedTeam, "add"),
    ]
    return urls


def source_screens(s) -> list[str]:
    source = s["source"]
    return [
        snippet(VideoSource, "list"),
        snippet(VideoSource, "add"),
        snippet(VideoSource, "edit", source.pk),
        snippet(VideoSource, "season"),
        snippet(VideoSource, "history", source.pk),
        snippet(VideoSource, "workflow_history", source.pk),
    ]


def settings_screens(s) -> list[str]:
    """The superuser's screens: the dashboard, users (their bulk actions too) and groups (they
    name the role groups, whose names are the roles' code names), sites, redirects, collections,
    workflows and their tasks, forms, reports."""
    role_groups = Group.objects.filter(name__in=["editor", "role:curator"])
    dubber, collection, redirect = s["dubber"].pk, s["collection"].pk, s["redirect"].pk
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        *[
            reverse(f"wagtailusers_users:{view}", args=[dubber])
            for view in ("edit", "delete", "history", "usage")
        ],
        *[
            f"{reverse('wagtail_bulk_action', args=['accounts', 'user', action])}?id={dubber}"
            for action in ("assign_role", "set_active_state", "delete")
        ],
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_groups:add"),
        *[
            reverse(f"wagtailusers_groups:{view}", args=[group.pk])
            for group in role_groups
            for view in ("edit", "delete", "history")
        ],
        reverse("wagtailsites:index"),
        reverse("wagtailsites:add"),
        *[
            reverse(f"wagtailsites:{view}", args=[site.pk])
            for site in Site.objects.all()
            for view in ("edit", "delete", "history")
        ],
        reverse("wagtailredirects:index"),
        reverse("wagtailredirects:add"),
        reverse("wagtailredirects:edit", args=[redirect]),
        reverse("wagtailredirects:delete", args=[redirect]),
        reverse("wagtailredirects:start_import"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailadmin_collections:add"),
        reverse("wagtailadmin_collections:edit", args=[collection]),
        reverse("wagtailadmin_collections:delete", args=[collection]),
        reverse("wagtailadmin_collections:set_privacy", args=[collection]),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:add"),
        *[
            reverse(f"wagtailadmin_workflows:{view}", args=[w.pk])
            for w in Workflow.objects.all()
            for view in ("edit", "disable", "usage")
        ],
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailadmin_workflows:add_task", args=["wagtailcore", "groupapprovaltask"]),
        *[
            reverse(f"wagtailadmin_workflows:{view}", args=[t.pk])
            for t in Task.objects.all()
            for view in ("edit_task", "disable_task")
        ],
        reverse("wagtailforms:index"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("streams_broken_sources"),
    ]
    return urls


SCREENS = {
    "pages": ("editor", page_screens),
    "sources": ("editor", source_screens),
    "library": ("superuser", library_screens),
    "settings": ("superuser", settings_screens),
}


def crawl(client, urls) -> dict[str, list[str]]:
    """English phrases per screen; a modal (JSON with its HTML, e.g. a collection's privacy) is
    read from its "html"."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"].startswith("application/json"):
            html = response.json()["html"]
        else:
            html = response.content.decode()
        phrases = english_phrases(html)
        if phrases:
            found[url] = phrases
    return found


@pytest.mark.parametrize("group", SCREENS)
def test_admin_screens_have_no_english_words(client, signed_in, site, group):
    role, screens = SCREENS[group]
    if role == "superuser":
        client.force_login(User.objects.create_superuser("персонал", "staff@example.com", "x"))
    else:
        signed_in(role, "персонал")
    assert crawl(client, screens(site)) == {}


def test_the_dubbers_studio_has_no_english_words(client, site):
    client.force_login(site["dubber"])
    assert crawl(client, source_screens(site)) == {}


def test_a_form_with_errors_has_no_english_words(client, signed_in, site):
    """An empty title posted to the editor comes back with its errors (and «Go to the first
    error»), all in Ukrainian."""
    signed_in("editor", "персонал")
    index = site["anime"].get_parent()
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["anime", "animepage", index.pk]),
        {"title": "", "slug": ""},
    )
    assert response.status_code == 200
    assert AnimePage.objects.count() == 1
    assert english_phrases(response.content.decode()) == []
    source = client.post(snippet(VideoSource, "add"), {})
    assert source.status_code == 200
    assert english_phrases(source.content.decode()) == []
    assert Page.objects.type(AnimePage).count() == 1
