"""One page fed by four sources (recorded responses of Jikan, AniList, Kitsu and Hikka for
Frieren): each field comes from the source the precedence table in settings prefers, whatever
order the imports ran in; a second round writes nothing; an editor's hand edit still wins."""

import httpx
import pytest
import respx
from wagtail.models import PageLogEntry, Revision

from cms.anime.models import AnimePage
from integrations.importers import pipeline
from integrations.models import ImportedPageState, ImportedTitle
from integrations.tests.conftest import ANILIST, HIKKA, JIKAN, KITSU
from integrations.tests.recorded import load, ok

pytestmark = pytest.mark.django_db

FIELDS = ("title", "title_en", "title_romaji", "title_native", "description", "external_score")


def mock_sources(popularity: int = 0):
    """Every source's recorded answer; `popularity` changes counters no page field shows, so a
    payload differs (its hash too) while the computed page stays the same."""
    jikan = load("jikan/anime_52991_full")
    jikan["data"]["members"] += popularity
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=httpx.Response(200, json=jikan))
    kitsu = load("kitsu/anime_46474")
    kitsu["data"]["attributes"]["userCount"] += popularity
    respx.get(f"{KITSU}/anime/46474").mock(return_value=httpx.Response(200, json=kitsu))
    anilist = load("anilist/media_154587")
    anilist["data"]["Media"]["meanScore"] += popularity  # read only without averageScore
    respx.post(ANILIST).mock(return_value=httpx.Response(200, json=anilist))
    respx.get(f"{HIKKA}/integrations/mal/anime/52991").mock(
        return_value=ok("hikka/mal_anime_52991")
    )
    respx.get(f"{HIKKA}/anime/sousou-no-frieren-7ef3fb").mock(return_value=ok("hikka/anime_sousou"))


IDS = {"jikan": "52991", "anilist": "154587", "kitsu": "46474", "hikka": "52991"}


def import_round(providers, order=("jikan", "anilist", "kitsu", "hikka")):
    for source in order:
        run = pipeline.start_run(source, "anime", "ids", ids=[IDS[source]])
        pipeline.execute(run, publish=True, provider=providers(source))
        assert run.status == "finished" and run.failed == 0, run.errors


def page_fields() -> dict:
    page = AnimePage.objects.get()
    values = {name: getattr(page, name) for name in FIELDS}
    values["genres"] = sorted(genre.name_en for genre in page.genres.all())
    return values


def writes() -> tuple[int, int]:
    return Revision.objects.count(), PageLogEntry.objects.count()


@respx.mock
def test_each_field_comes_from_the_preferred_source(tree, providers):
    mock_sources()
    import_round(providers)
    values = page_fields()
    assert values["title"] == "Фрірен, що проводжає в останню путь"  # Hikka
    assert values["description"].startswith("<p>Ельфійка-чарівниця")  # Hikka
    assert values["title_native"] == "葬送のフリーレン"  # AniList (Hikka's is romaji)
    assert values["title_romaji"] == "Sousou no Frieren"
    assert float(values["external_score"]) == 9.31  # MyAnimeList's, through Jikan
    assert values["genres"] == ["Adventure", "Drama", "Fantasy", "Shounen"]  # Jikan's list only
    assert AnimePage.objects.count() == 1
    assert ImportedTitle.objects.filter(state="published").count() == 4


@respx.mock
def test_the_order_of_the_imports_does_not_matter(tree, providers):
    mock_sources()
    import_round(providers, order=("anilist", "kitsu", "jikan", "hikka"))
    first = page_fields()
    for page in AnimePage.objects.all():
        page.delete()
    ImportedTitle.objects.all().delete()
    ImportedPageState.objects.all().delete()
    import_round(providers)
    assert page_fields() == first


@pytest.mark.parametrize("popularity", [0, 1000], ids=["same-answers", "counters-changed"])
@respx.mock
def test_a_second_round_writes_nothing(tree, providers, popularity):
    mock_sources()
    import_round(providers)
    before, values = writes(), page_fields()
    state = ImportedPageState.objects.get().applied
    mock_sources(popularity)
    import_round(providers)
    assert writes() == before
    assert page_fields() == values and ImportedPageState.objects.get().applied == state


@respx.mock
def test_an_editors_hand_edit_wins_over_every_source(tree, providers):
    mock_sources()
    import_round(providers)
    page = AnimePage.objects.get()
    page.title_native = "フリーレン (редактор)"
    page.title = "Фрірен (назва редактора)"
    page.save_revision().publish()
    before = writes()
    mock_sources(popularity=5)
    import_round(providers)
    page.refresh_from_db()
    assert page.title_native == "フリーレン (редактор)"
    assert page.title == "Фрірен (назва редактора)"
    assert writes() == before


def fail_once(providers, source: str) -> None:
    run = pipeline.start_run(source, "anime", "ids", ids=[IDS[source]])
    pipeline.execute(run, publish=True, provider=providers(source))
    assert run.status == "finished" and run.failed == 1, run.errors


@respx.mock
def test_a_failed_source_drops_out_until_it_answers_again(tree, providers):
    mock_sources()
    import_round(providers, order=("anilist", "kitsu", "hikka"))
    without_jikan = page_fields()
    import_round(providers, order=("jikan",))
    with_jikan = page_fields()
    assert with_jikan["genres"] != without_jikan["genres"]  # Jikan's list wins when it is there
    assert with_jikan["external_score"] != without_jikan["external_score"]

    # Jikan loses the title: its fields fall back to the next source's, in a new revision.
    respx.get(f"{JIKAN}/anime/52991/full").mock(
        return_value=httpx.Response(404, json={"status": 404, "message": "Resource does not exist"})
    )
    revisions = Revision.objects.count()
    fail_once(providers, "jikan")
    jikan = ImportedTitle.objects.get(source="jikan")
    assert (jikan.state, jikan.page_id) == ("failed", AnimePage.objects.get().pk)
    assert "not found" in jikan.error
    assert page_fields() == without_jikan
    assert Revision.objects.count() == revisions + 1
    fail_once(providers, "jikan")  # failing again changes nothing more
    assert Revision.objects.count() == revisions + 1

    # It answers again: it feeds the same page again.
    mock_sources()
    import_round(providers, order=("jikan",))
    assert ImportedTitle.objects.get(source="jikan").state == "published"
    assert page_fields() == with_jikan and AnimePage.objects.count() == 1


@respx.mock
def test_a_failed_hikka_title_is_found_by_its_mal_id(tree, providers):
    mock_sources()
    import_round(providers)
    before = page_fields()
    respx.get(f"{HIKKA}/integrations/mal/anime/52991").mock(
        return_value=httpx.Response(404, json={"code": "system-not-found"})
    )
    fail_once(providers, "hikka")
    hikka = ImportedTitle.objects.get(source="hikka")  # no second row for the MAL id
    assert (hikka.state, hikka.external_id) == ("failed", "sousou-no-frieren-7ef3fb")
    after = page_fields()
    assert after["title"] == before["title"]  # a Ukrainian name never gives way to a Latin one
    assert not after["description"].startswith("<p>Ельфійка-чарівниця")  # AniList's now
    assert after["title_native"] == before["title_native"]
