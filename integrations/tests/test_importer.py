"""From recorded responses to ImportedTitle rows and pages: matching by cross ids, publishing,
merging, editors' changes kept, idempotent and resumable runs, episodes and chapters."""

import datetime as dt

import httpx
import pytest
import respx
from django.core.management import call_command
from wagtail.models import Page, Revision

from cms.anime.models import AnimePage, EpisodePage
from cms.catalog.models import Genre
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage
from cms.manga.models import ChapterPage, MangaPage
from integrations.importers import children, pages, pipeline, review
from integrations.models import ImportedTitle, ImportRun
from integrations.providers.http import RetryableError
from integrations.tests.conftest import ANILIST, HIKKA, JIKAN, MANGADEX
from integrations.tests.recorded import load, ok

pytestmark = pytest.mark.django_db


def run_ids(providers, source, ids, kind="anime", publish=False):
    run = pipeline.start_run(source, kind, "ids", ids=[str(i) for i in ids])
    return pipeline.execute(run, publish=publish, provider=providers(source))


def mock_frieren():
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=ok("jikan/anime_52991_full"))


@respx.mock
def test_import_without_publish_queues_for_review(tree, providers):
    mock_frieren()
    run = run_ids(providers, "jikan", [52991])
    assert (run.status, run.created, run.fetched) == ("finished", 1, 1)
    imported = ImportedTitle.objects.get()
    assert imported.state == "new" and imported.page is None and imported.mal_id == 52991
    assert imported.record["title_en"] == "Frieren: Beyond Journey's End"
    assert not AnimePage.objects.exists()


@respx.mock
def test_publish_creates_one_page_with_labels_and_schedule(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    page = AnimePage.objects.get()
    assert page.live and page.get_parent().pk == tree["anime"].pk
    assert (
        page.title == "Frieren: Beyond Journey's End" and page.slug == "frieren-beyond-journeys-end"
    )
    assert page.external_ids == {"mal": 52991}
    assert sorted(g.name_en for g in page.genres.all()) == [
        "Adventure",
        "Drama",
        "Fantasy",
        "Shounen",
    ]
    assert [s.name_en for s in page.studios.all()] == ["Madhouse"]
    assert (page.status, page.format, page.age_rating) == ("ongoing", "tv", "pg13")
    assert (page.broadcast_weekday, page.broadcast_time) == (4, dt.time(23, 0))
    assert float(page.external_score) == 9.31
    assert page.description.startswith("<p>During their")
    assert ImportedTitle.objects.get().state == "published"


@respx.mock
def test_same_import_twice_changes_nothing(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    revisions, genres = Revision.objects.count(), Genre.objects.count()
    second = run_ids(providers, "jikan", [52991], publish=True)
    assert (second.unchanged, second.created, second.updated) == (1, 0, 0)
    assert Revision.objects.count() == revisions and Genre.objects.count() == genres
    assert AnimePage.objects.count() == 1


@respx.mock
def test_other_source_matches_by_mal_id_and_merges(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    respx.post(ANILIST).mock(return_value=ok("anilist/media_154587"))
    run_ids(providers, "anilist", [154587])
    imported = ImportedTitle.objects.get(source="anilist")
    page = AnimePage.objects.get()
    assert imported.state == "matched" and imported.page_id == page.pk
    review.publish_new(imported.pk)
    page.refresh_from_db()
    assert page.external_ids == {"mal": 52991, "anilist": 154587}
    assert page.next_episode_number == 29
    assert AnimePage.objects.count() == 1


@respx.mock
def test_fields_changed_by_editors_are_never_overwritten(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    page = AnimePage.objects.get()
    page.title_en = "Frieren (edited by hand)"
    page.save_revision().publish()
    changed = load("jikan/anime_52991_full")
    changed["data"]["title_english"] = "Frieren: New Name"
    changed["data"]["score"] = 9.5
    changed["data"]["status"] = "Finished Airing"
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=httpx.Response(200, json=changed))
    run = run_ids(providers, "jikan", [52991])
    page.refresh_from_db()
    assert run.updated == 1
    assert page.title_en == "Frieren (edited by hand)"
    assert (float(page.external_score), page.status) == (9.5, "finished")
    imported = ImportedTitle.objects.get()
    kept = {row["field"]: row["kept"] for row in pages.diff(imported)}
    assert kept == {"title_en": True}


@respx.mock
def test_hikka_brings_ukrainian_names(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    respx.get(f"{HIKKA}/integrations/mal/anime/52991").mock(
        return_value=ok("hikka/mal_anime_52991")
    )
    respx.get(f"{HIKKA}/anime/sousou-no-frieren-7ef3fb").mock(return_value=ok("hikka/anime_sousou"))
    assert pipeline.titles_missing_ukrainian("anime") == [52991]
    run = pipeline.start_run("hikka", "anime", "ids", ids=[])
    pipeline.execute(run, provider=providers("hikka"))
    page = AnimePage.objects.get()
    assert page.title == "Фрірен, що проводжає в останню путь"
    assert page.description.startswith("<p>Ельфійка-чарівниця")
    assert page.external_ids["hikka"] == "sousou-no-frieren-7ef3fb"
    assert Genre.objects.get(name_en="Adventure").name == "Пригоди"
    assert pipeline.titles_missing_ukrainian("anime") == []
    # A later Jikan sync never puts the Latin name back.
    changed = load("jikan/anime_52991_full")
    changed["data"]["title_english"] = "Frieren!"
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=httpx.Response(200, json=changed))
    run_ids(providers, "jikan", [52991])
    page.refresh_from_db()
    assert page.title == "Фрірен, що проводжає в останню путь" and page.title_en == "Frieren!"


@respx.mock
def test_killed_run_resumes_without_duplicates(tree, providers):
    respx.get(f"{JIKAN}/seasons/2024/spring", params={"page": "1"}).mock(
        return_value=ok("jikan/season_2024_spring_p1")
    )
    page2 = respx.get(f"{JIKAN}/seasons/2024/spring", params={"page": "2"}).mock(
        side_effect=httpx.ConnectError("connection refused")  # the source is down
    )
    run = pipeline.start_run("jikan", "anime", "season", season="2024-spring")
    with pytest.raises(RetryableError):
        pipeline.execute(run, publish=True, provider=providers("jikan"))
    run.refresh_from_db()
    assert (run.status, run.cursor, run.created) == ("failed", 2, 0)
    assert AnimePage.objects.count() == 2
    page2.mock(side_effect=None, return_value=ok("jikan/season_2024_spring_p2"))
    pipeline.execute(run, publish=True, provider=providers("jikan"))
    run.refresh_from_db()
    assert run.status == "finished" and run.fetched == 3
    assert AnimePage.objects.count() == 3 and ImportedTitle.objects.count() == 3
    assert set(AnimePage.objects.values_list("external_ids__mal", flat=True)) == {
        54492,
        55644,
        52991,
    }


@respx.mock
def test_final_error_marks_the_item_and_the_run_goes_on(tree, providers):
    respx.get(f"{JIKAN}/anime/1/full").mock(return_value=httpx.Response(404, json={}))
    mock_frieren()
    run = run_ids(providers, "jikan", [1, 52991])
    assert (run.status, run.failed, run.created) == ("finished", 1, 1)
    assert run.errors[0]["item"] == "1"


@respx.mock
def test_review_actions(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991])
    imported = ImportedTitle.objects.get()
    assert {row["field"] for row in pages.diff(imported)} >= {"title", "genres", "status"}
    other = tree["anime"].add_child(
        instance=AnimePage(title="Фрірен", slug="frieren", format="tv", external_ids={})
    )
    review.merge_into(imported.pk, other.pk)
    other.refresh_from_db()
    assert other.title == "Фрірен"  # an editor's title is kept
    assert other.external_ids == {"mal": 52991} and other.episode_duration == 24
    with pytest.raises(review.ReviewError):
        review.merge_into(imported.pk, tree["manga"].pk)
    review.ignore(imported.pk)
    imported.refresh_from_db()
    assert imported.state == "ignored"


@respx.mock
def test_new_episodes_become_episode_pages(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    respx.get(f"{JIKAN}/anime/52991/episodes", params={"page": "1"}).mock(
        return_value=ok("jikan/episodes_52991_p1")
    )
    respx.get(f"{JIKAN}/anime/52991/episodes", params={"page": "2"}).mock(
        return_value=ok("jikan/episodes_52991_p2")
    )
    anime = AnimePage.objects.get()
    assert children.airing_anime_ids() == [anime.pk]
    assert children.detect_new_episodes(anime.pk) == 3
    assert children.detect_new_episodes(anime.pk) == 0
    episodes = EpisodePage.objects.child_of(anime).order_by("number")
    assert [(e.number, e.slug, e.live) for e in episodes] == [
        (1, "1", True),
        (2, "2", True),
        (3, "3", True),
    ]
    assert episodes[0].title == "The Journey's End" and episodes[2].title == "Ningen o Korosu Mahou"


@respx.mock
def test_mangadex_title_and_ukrainian_chapters(tree, providers):
    manga_id = "32d76d19-8a05-4db0-9fc2-e0b0648fe9d0"
    respx.get(f"{MANGADEX}/manga/{manga_id}").mock(return_value=ok("mangadex/manga_solo"))
    respx.get(f"{MANGADEX}/manga/{manga_id}/feed").mock(return_value=ok("mangadex/feed_solo_uk"))
    # The scanlation group of chapter 1 has a team page here; chapter 1.5 names no group.
    teams = tree["home"].add_child(instance=DubTeamIndexPage(title="Команди", slug="dub-teams"))
    team = teams.add_child(instance=DubTeamPage(title="Світ манґи", slug="svit-mangy"))
    run = run_ids(providers, "mangadex", [manga_id], kind="manga", publish=True)
    manga = MangaPage.objects.get()
    assert manga.title == "Тільки я змінюю рівень" and manga.format == "manhwa"
    # The title, its two readable Ukrainian chapters and the one hosted by its translators.
    assert run.published == 4
    assert children.chapter_manga_ids() == [manga.pk]
    assert children.import_chapters(manga.pk, publish=True, provider=providers("mangadex")) == 0
    chapters = ChapterPage.objects.child_of(manga).order_by("number")
    assert [(str(c.number), c.slug) for c in chapters] == [
        ("1.00", "1"),
        ("1.50", "1-5"),
        ("2.00", "2"),
    ]
    first, half, external = chapters
    assert (first.translator, first.translator_name) == (team, "Світ манґи")
    assert first.mangadex_chapter_id == "a1b2c3d4-0001-4000-8000-000000000001"
    assert (half.translator, half.translator_name) == (None, "")
    assert (
        external.mangadex_chapter_id == "" and external.source_url == "https://example.org/reader/2"
    )


@respx.mock
def test_mangadex_group_without_a_team_page_is_kept_by_name(tree, providers):
    manga = tree["manga"].add_child(
        instance=MangaPage(
            title="Соло",
            slug="solo",
            format="manhwa",
            status="ongoing",
            external_ids={"mangadex": "m-1"},
        )
    )
    feed = load("mangadex/feed_solo_uk")
    feed["data"][2]["attributes"]["externalUrl"] = "javascript:alert(1)"  # never a link we give
    respx.get(f"{MANGADEX}/manga/m-1/feed").mock(return_value=httpx.Response(200, json=feed))
    assert children.import_chapters(manga.pk, publish=True, provider=providers("mangadex")) == 2
    first = ChapterPage.objects.child_of(manga).get(number=1)
    assert (first.translator, first.translator_name) == (None, "Світ манґи")


@respx.mock
def test_command_runs_an_import_and_validates_input(tree, providers, capsys):
    mock_frieren()
    call_command("import_catalog", "--source", "jikan", "--ids", "52991", "--publish", verbosity=0)
    assert AnimePage.objects.count() == 1
    assert ImportRun.objects.get().published == 1
    from django.core.management.base import CommandError

    for bad in (
        ["--source", "jikan", "--ids", "abc"],
        ["--source", "jikan"],
        ["--source", "mangadex", "--season", "2024-spring"],
        ["--source", "jikan", "--top", "0"],
        ["--resume", "999"],
    ):
        with pytest.raises(CommandError):
            call_command("import_catalog", *bad, verbosity=0)
    assert Page.objects.type(AnimePage).count() == 1


@respx.mock
def test_an_editors_pending_draft_is_not_published_by_an_import(tree, providers):
    mock_frieren()
    run_ids(providers, "jikan", [52991], publish=True)
    page = AnimePage.objects.get()
    page.title_romaji = "Draft romaji"
    page.save_revision()  # an editor's unpublished draft
    changed = load("jikan/anime_52991_full")
    changed["data"]["score"] = 9.5
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=httpx.Response(200, json=changed))
    run_ids(providers, "jikan", [52991])
    live = AnimePage.objects.get()
    assert live.title_romaji == "Sousou no Frieren"  # the draft stays a draft
    draft = live.get_latest_revision_as_object()
    assert draft.title_romaji == "Draft romaji" and float(draft.external_score) == 9.5


@respx.mock
def test_hikka_without_the_title_is_noted_and_the_run_goes_on(tree, providers):
    respx.get(f"{HIKKA}/integrations/mal/anime/1").mock(return_value=httpx.Response(404))
    run = pipeline.start_run("hikka", "anime", "ids", ids=["1"])
    pipeline.execute(run, provider=providers("hikka"))
    assert (run.status, run.failed, run.errors[0]["item"]) == ("finished", 1, "1")
