"""The dub-studio admin: a team member adds and edits its own team's sources (never another
team's), its new sources wait for an editor's approval unless the team is trusted, a season is
entered in one go, and no episode revision can delete a team's sources."""

import json

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

from accounts.models import TrustedTeam, User
from accounts.roles import assign_role
from cms.anime.models import VideoSource
from cms.anime.signals import sources_published
from cms.catalog.tests.form_data import list_rows

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"
HLS_2 = "https://test-streams.mux.dev/test_001/stream.m3u8"


def denied(response) -> bool:
    """The Wagtail admin answers a refused permission with a redirect to its dashboard (or,
    without admin access at all, to its sign-in)."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response.url == "/admin/" or response.url.startswith("/admin/login/"))
    )


def url(name, *args):
    return reverse(VideoSource.snippet_viewset.get_url_name(name), args=args)


@pytest.fixture
def studio(make_anime, make_episode, make_team):
    anime = make_anime("frieren", title="Фрірен")
    episodes = [make_episode(anime, number) for number in (1, 2, 3)]
    ours, theirs = make_team("ours", "Наші"), make_team("theirs", "Чужі")
    dubber = User.objects.create_user("dubber", "dubber@example.com", "x")
    assign_role(dubber, "dubber")
    ours.memberships.create(user=dubber)
    ours.save_revision().publish()  # commits the membership (a page's inline child)
    editor = User.objects.create_user("editor", "editor@example.com", "x")
    assign_role(editor, "editor")
    their_source = VideoSource.objects.create(
        episode=episodes[0], dub_team=theirs, provider="direct", url=HLS
    )
    return {
        "anime": anime,
        "episodes": episodes,
        "ours": ours,
        "theirs": theirs,
        "dubber": dubber,
        "editor": editor,
        "their_source": their_source,
    }


def source_data(episode, team, **overrides):
    return {
        "episode": episode.pk,
        "dub_team": team.pk,
        "language": "uk",
        "provider": "direct",
        "kind": "hls",
        "url": HLS,
        "is_active": "on",
        **list_rows("variants", []),
        **list_rows("subtitles", [{"lang": "uk", "url": HLS_2}]),
        **overrides,
    }


@pytest.fixture
def announced():
    calls = []

    def receiver(sender, episode, sources, **kwargs):
        calls.append((episode.pk, [source.pk for source in sources]))

    sources_published.connect(receiver)
    yield calls
    sources_published.disconnect(receiver)


def test_member_sees_only_its_teams_sources(client, studio):
    mine = VideoSource.objects.create(
        episode=studio["episodes"][1], dub_team=studio["ours"], provider="direct", url=HLS
    )
    client.force_login(studio["dubber"])
    listing = client.get(url("list"))
    assert listing.status_code == 200
    assert [row.pk for row in listing.context["object_list"]] == [mine.pk]
    # each row says whose source it is, its check state and reports, whether it is live
    headings = [str(column.label) for column in listing.context["table"].columns.values()]
    assert headings[headings.index("Серія") :] == [
        "Серія",
        "Команда",
        "Мова",
        "Провайдер",
        "Увімкнене",
        "Стан",
        "Перевірка",
        "Перевірено",
        "Скарги",
    ]
    assert "Наші" in listing.content.decode()
    # the sidebar is drawn from JSON props, where non-ASCII text is \u-escaped
    assert json.dumps("Мої джерела")[1:-1] in client.get("/admin/").content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "history", "unpublish"])
def test_member_cannot_open_another_teams_source(client, studio, view):
    client.force_login(studio["dubber"])
    their = studio["their_source"]
    assert denied(client.get(url(view, their.pk)))
    assert denied(client.post(url(view, their.pk), source_data(their.episode, studio["ours"])))
    their.refresh_from_db()
    assert their.dub_team == studio["theirs"] and their.url == HLS


def test_member_cannot_add_a_source_for_another_team(client, studio):
    client.force_login(studio["dubber"])
    response = client.post(url("add"), source_data(studio["episodes"][1], studio["theirs"]))
    assert response.status_code == 200
    assert "dub_team" in response.context["form"].errors
    assert (
        not VideoSource.objects.filter(dub_team=studio["theirs"])
        .exclude(pk=studio["their_source"].pk)
        .exists()
    )


def test_viewer_and_anonymous_are_kept_out(client, studio):
    assert client.get(url("list")).status_code == 302  # to the admin's sign-in
    viewer = User.objects.create_user("viewer", "viewer@example.com", "x")
    client.force_login(viewer)
    assert denied(client.get(url("list")))


def test_new_team_source_waits_for_an_editors_approval(
    client, studio, announced, django_capture_on_commit_callbacks
):
    client.force_login(studio["dubber"])
    episode = studio["episodes"][1]
    data = source_data(episode, studio["ours"], **{"action-submit": "submit"})
    assert client.post(url("add"), data).status_code == 302
    source = VideoSource.objects.get(dub_team=studio["ours"])
    assert source.subtitles == [{"lang": "uk", "url": HLS_2}]
    assert not source.live and source.workflow_in_progress
    # invisible everywhere until approved
    assert not VideoSource.objects.active().filter(pk=source.pk).exists()
    page = client.get(f"/api/v2/pages/{episode.pk}/").json()
    assert page["sources"] == []
    assert client.get(f"/api/playback/episodes/{episode.pk}/").json()["groups"] == []
    facets = client.get("/api/v2/titles/?dub_team=ours").json()
    assert facets["meta"]["total_count"] == 0

    state = WorkflowState.objects.for_instance(source).get()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=studio["editor"])
    source.refresh_from_db()
    assert source.live
    assert announced == [(episode.pk, [source.pk])]
    assert client.get(f"/api/v2/pages/{episode.pk}/").json()["sources"][0]["id"] == source.pk
    assert client.get("/api/v2/titles/?dub_team=ours").json()["meta"]["total_count"] == 1
    assert ModelLogEntry.objects.filter(action="wagtail.workflow.approve").exists()


def test_member_cannot_publish_an_untrusted_teams_source(client, studio):
    client.force_login(studio["dubber"])
    data = source_data(studio["episodes"][1], studio["ours"], **{"action-publish": "publish"})
    client.post(url("add"), data)
    assert not VideoSource.objects.filter(dub_team=studio["ours"], live=True).exists()


def test_trusted_team_publishes_at_once(
    client, studio, announced, django_capture_on_commit_callbacks
):
    client.force_login(studio["editor"])
    trust_url = reverse(TrustedTeam.snippet_viewset.get_url_name("add"))
    assert client.post(trust_url, {"team": studio["ours"].pk}).status_code == 302
    assert PageLogEntry.objects.filter(
        page=studio["ours"], action="accounts.team_trusted", user=studio["editor"]
    ).exists()
    client.force_login(studio["dubber"])
    assert denied(client.get(trust_url))  # members never trust themselves
    episode = studio["episodes"][2]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("add"), source_data(episode, studio["ours"])).status_code == 302
    source = VideoSource.objects.get(dub_team=studio["ours"])
    assert source.live and source.visible
    assert announced == [(episode.pk, [source.pk])]


def test_member_edits_its_source_and_the_edit_waits_for_approval(client, studio):
    mine = VideoSource.objects.create(
        episode=studio["episodes"][1], dub_team=studio["ours"], provider="direct", url=HLS
    )
    client.force_login(studio["dubber"])
    data = source_data(mine.episode, studio["ours"], url=HLS_2, **{"action-submit": "submit"})
    assert client.post(url("edit", mine.pk), data).status_code == 302
    mine.refresh_from_db()
    assert mine.url == HLS  # visitors keep the approved stream
    assert mine.get_latest_revision_as_object().url == HLS_2


def season_data(studio, rows=(), pasted=""):
    return {
        "anime": studio["anime"].pk,
        "dub_team": studio["ours"].pk,
        "language": "uk",
        "provider": "direct",
        "kind": "hls",
        "pasted": pasted,
        **list_rows("rows", list(rows)),
    }


def test_season_from_rows_and_a_pasted_list(client, studio):
    client.force_login(studio["dubber"])
    data = season_data(studio, rows=[{"number": "1", "url": HLS}], pasted=f"2 {HLS_2}\n3. {HLS}\n")
    response = client.post(url("season"), data)
    assert response.status_code == 302
    sources = VideoSource.objects.filter(dub_team=studio["ours"]).order_by("episode__number")
    assert [(s.episode.number, s.url, s.live) for s in sources] == [
        (1, HLS, False),
        (2, HLS_2, False),
        (3, HLS, False),
    ]
    assert all(source.workflow_in_progress for source in sources)


def test_season_with_a_missing_episode_adds_nothing(client, studio):
    client.force_login(studio["dubber"])
    response = client.post(url("season"), season_data(studio, pasted=f"1 {HLS}\n7 {HLS}\nx y z"))
    assert response.status_code == 200
    assert not VideoSource.objects.filter(dub_team=studio["ours"]).exists()
    response = client.post(url("season"), season_data(studio, pasted=f"1 {HLS}\n7 {HLS}"))
    assert "немає серій: 7" in str(response.context["form"].errors)
    response = client.post(
        url("season"), season_data(studio, pasted="1 https://evil.example/a.m3u8")
    )
    assert "Серія 1:" in str(response.context["form"].errors)
    assert not VideoSource.objects.filter(dub_team=studio["ours"]).exists()


def test_season_for_another_team_is_refused(client, studio):
    client.force_login(studio["dubber"])
    data = {**season_data(studio, pasted=f"1 {HLS}"), "dub_team": studio["theirs"].pk}
    assert client.post(url("season"), data).status_code == 200
    assert VideoSource.objects.filter(dub_team=studio["theirs"]).count() == 1


def test_episode_revisions_never_touch_team_sources(client, studio):
    episode = studio["episodes"][0]
    old_revision = episode.latest_revision
    mine = VideoSource.objects.create(
        episode=episode, dub_team=studio["ours"], provider="direct", url=HLS
    )
    # an old revision, even one written when sources were page content, publishes cleanly
    old_revision.content["sources"] = []
    old_revision.save()
    old_revision.publish()
    # and the editor's form (which has no source fields) saves and publishes the episode
    client.force_login(studio["editor"])
    response = client.post(
        f"/admin/pages/{episode.pk}/edit/",
        {"title": "Нова назва", "slug": "1", "number": "1", "action-publish": "publish"},
    )
    assert response.status_code == 302 and not denied(response), response.url
    assert set(episode.sources.values_list("pk", flat=True)) == {studio["their_source"].pk, mine.pk}
    episode.refresh_from_db()
    assert episode.title == "Нова назва"
    assert "sources" not in episode.get_latest_revision().content


def test_member_edits_its_team_page_only(client, studio):
    client.force_login(studio["dubber"])
    assert client.get(f"/admin/pages/{studio['ours'].pk}/edit/").status_code == 200
    assert denied(client.get(f"/admin/pages/{studio['theirs'].pk}/edit/"))
    assert denied(client.get(f"/admin/pages/{studio['anime'].pk}/edit/"))
